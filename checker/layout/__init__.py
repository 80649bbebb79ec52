"""Layout of .docx drafts (kỹ thuật trình bày, Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I).

- package.py: the parts of the .docx (parsed once, lxml without DTDs), sections, header parts,
  writing a changed copy;
- styles.py: Word's inheritance (run → character style → paragraph style with its basedOn chain →
  table style → document defaults → Word's built-in defaults), each value with its origin;
- formatting.py: per Paragraph of the Document, its Word paragraphs and runs with their spans
  (`layout_of(doc)`: None for .txt and .md input, so the P8xx rules yield nothing there);
- spec.py: what the decree asks of each component (rules/layout.toml) and which paragraphs the
  structure grammar assigned to each;
- pages.py: page-number fields and a page-count estimate;
- ops.py / common.py: problems, the formatting changes that repair them, grouping;
- fix.py: `format_docx(raw, doc=None, select=None) -> (bytes, changes)` (`rasoat format`).

The rules themselves are in checker/checks/layout/ (P801 …), one per module.
"""
