"""Sub-commands beyond check/rules/explain: one module each, with `register(app)`."""
