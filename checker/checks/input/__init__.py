"""E9xx: input that cannot be read, and internal errors."""
