"""A3xx: every task has a clear owner (rõ người): one lead (chủ trì), named supporting bodies."""
