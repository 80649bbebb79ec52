"""F6xx: numbering of the body's items and the date format of the header."""
