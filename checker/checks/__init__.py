"""Rule modules, one rule per module, grouped by family (structure, deadlines, …).

Every module below this package is imported by engine.load_rules(); a module registers its
rule with @engine.rule. The rule's documentation (what, why, the article of Nghị định
30/2020/NĐ-CP it enforces, a bad and a good example, the fix) is the module docstring:
Vietnamese first, then a line '---', then English. `rasoat explain CODE` prints it.
"""
