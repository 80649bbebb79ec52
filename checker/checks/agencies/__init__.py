"""N4xx: names of bodies and places (misspelt, mis-capitalised, obsolete) and abbreviations."""
