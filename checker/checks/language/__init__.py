"""L7xx: spelling, tone-mark style and typography of Vietnamese text."""
