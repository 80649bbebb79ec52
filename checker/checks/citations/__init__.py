"""C5xx: legal citations (checker/extract/citations.py finds them; one rule per module)."""
