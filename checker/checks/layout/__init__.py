"""P8xx: layout of .docx drafts (kỹ thuật trình bày, Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I).

Each rule asks checker.layout.formatting.layout_of(doc) for the resolved formatting; for a .txt or
.md draft that is None and the rule yields nothing (the report says once that layout was not
evaluated). A fixable rule exposes `problems(doc, layout)` whose ops `rasoat format` applies.
"""

# the input kinds these rules apply to: their modules are imported only for a .docx (engine.plan_rules)
INPUTS = ("docx",)
