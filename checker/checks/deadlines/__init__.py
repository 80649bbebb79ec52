"""D2xx: every task has a concrete deadline (rõ thời gian)."""
