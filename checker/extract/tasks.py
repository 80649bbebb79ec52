"""Tasks of a conclusion notice: every directive of the body, with its owners and deadlines.

A task is a paragraph of the body (an item, a bullet, or a paragraph under an item) that
assigns work: an assignment ("Giao …", "Yêu cầu …", "Đề nghị …"), an owner with a verb ("Sở Y
tế khẩn trương chuẩn bị …", "… chủ trì, phối hợp …") or an imperative ("Rà soát …", "Báo cáo
…", rules/directives.toml [directive_verbs]). Not tasks:
- assessments: parts whose heading assesses ("I. ĐÁNH GIÁ CHUNG", "Về kết quả …"), lists
  introduced by an assessment ("… đạt được một số kết quả:"), clauses in the past ("đã …");
- headings that only name who does the items below them ("2. Các sở, ban, ngành tỉnh, UBND
  các huyện, thành phố:", "Giao Phòng Tài chính - Kế hoạch:"): their owners (and deadline)
  are inherited by those items.

Owners come from the task's own text (checker/extract/owners.py); when a task is listed under
a heading that names owners, it inherits them (source "header"); when it names no owner and
the list is introduced by a paragraph that addresses someone ("yêu cầu các đồng chí Thành viên
UBND tỉnh, … tập trung vào những nhiệm vụ sau:"), those are its owners too (source "intro").

A paragraph gives one task per sub-item written in it ("(1) …; (2) …", "(i)", "a)", "Thứ
nhất, …": checker/extract/segments.py) and per clause that hands work to a new owner ("…;
Bộ Công an tổng hợp …", "… . Giao Phòng Y …"); sub-items inherit the owner of their lead-in
("Bộ Khoa học và Công nghệ: (1) …") and a deadline that closes the list in a clause of its own.
A heading's deadline covers the deliverables under it; a lead-in's period ("trong 02 tháng
cuối năm 2025 …:") covers every item. Rows of the task tables of the annexes are tasks too
(checker/extract/tasktable.py). A notice that announces rather than concludes
(doc.facts.kind.subtype == "announcement") keeps only the tasks that name a body.

Findings are reported at the start of the task's own text. The list is computed once per
document (doc.facts.tasks) and shared by the D2xx and A3xx rules and `rasoat tasks`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import operator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .. import rx as re

from ..record import Frozen
from ..model import Paragraph
from ..textnorm import is_upper_text
from ..structure.outline import Item, outline
from .deadlines import Deadline, find_deadlines, primary
from .tasktable import table_rows
from .owners import Owner, after_match, beyond_issuer, clauses, find_mentions, owners_in, several_leads, topic_end
from .segments import inline_list
from .tasklex import alternation, search

DIR = "directives.toml"


@dataclass
class Task:
    para: Paragraph
    start: int  # the task's text in para.text (after the list marker)
    end: int
    item: Item | None
    number: str  # "3.1", "II.4" ("" outside numbered items)
    line: int
    owners: list[Owner] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    nature: str = "deliverable"  # "deliverable" (a report, a submission …), "ongoing" (continue, strengthen …) or "other"
    end_line: int = 0  # last line of the task's text
    origin: str = "body"  # "body" (the notice's items) or "table" (a row of a task table in an annex)

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    @property
    def leads(self) -> list[Owner]:
        return [o for o in self.owners if o.role == "lead"]

    @property
    def supports(self) -> list[Owner]:
        return [o for o in self.owners if o.role == "support"]

    @property
    def beyond_issuer(self) -> bool:
        """Led only by bodies the issuer cannot set a deadline for (the National Assembly's …)."""
        leads = [o for o in self.leads if not o.inherited] or self.leads
        text = self.para.text
        return bool(leads) and all(
            beyond_issuer(o.name, text[o.end:o.end + 60] if o.para == self.para.index and not o.inherited else "")
            for o in leads)

    @property
    def deadline(self) -> Deadline | None:
        return primary(self.deadlines)

    @property
    def kind(self) -> str:
        d = self.deadline
        return d.kind if d else "none"


class _P(Frozen):
    directive: "re.Pattern"
    topic: "re.Pattern"
    adverbial: "re.Pattern"
    assessment: "re.Pattern"
    assess_heading: "re.Pattern"
    task_heading: "re.Pattern"
    ongoing: "re.Pattern"
    deliverable: "re.Pattern"
    modal: "re.Pattern"
    heading_end: "re.Pattern"
    any_verb: "re.Pattern"
    ongoing_head: "re.Pattern"
    skip_verb: "re.Pattern"
    praise: "re.Pattern"


@lru_cache(maxsize=1)
def patterns() -> _P:
    d = lambda s: alternation(DIR, s)  # noqa: E731
    W = r"(?![\w])"
    return _P(
        directive=re.compile(r"^(?:" + d("modals") + r"\s*,?\s*)*" + d("directive_verbs") + W + r"(?!\s+số\b)", re.I),
        topic=re.compile(r"^" + d("topic"), re.I),
        adverbial=re.compile(r"^(?:" + d("adverbials") + r")\b[^,]{0,160},\s*", re.I),
        heading_end=re.compile(r"[.;:!?…]\W*$"),
        assessment=re.compile(r"(?<![\w])" + d("assessment") + W, re.I),
        assess_heading=re.compile(r"(?<![\w])" + d("assessment_headings") + W, re.I),
        task_heading=re.compile(r"(?<![\w])" + d("task_headings") + W, re.I),
        ongoing=re.compile(r"(?<![\w])" + d("ongoing") + W, re.I),
        deliverable=re.compile(r"(?<![\w])(?<!đã\s)(?<!được\s)(?<!mới\s)(?<!vừa\s)" + d("deliverables") + W, re.I),
        modal=re.compile(r"^(?:" + d("modals") + r"\s*,?\s*)+", re.I),
        any_verb=re.compile(r"(?<![\w])" + d("directive_verbs") + W, re.I),
        ongoing_head=re.compile(d("ongoing_heads") + W, re.I),
        skip_verb=re.compile(r"(?:" + d("modals") + "|" + d("assignment") + "|" + d("lead_marker") + "|" + d("support_marker")
                             + r"|chỉ\s+đạo)" + W, re.I),
        praise=re.compile(r"^(?:" + d("praise") + r")" + W, re.I),
    )


_COMMA_CAP = re.compile(r",\s*\p{Lu}")
_ENUMERATION = re.compile(r"(?<![\w])(?:bao\s+)?gồm\s*:\W*$", re.I)
_LEAD = re.compile(r"^[\s\-–+*•\"“]*(?:\(\w{1,4}\)\s*|[a-zđ]\)\s*|\d{1,2}[.)]\s*)?", re.I)


def _clause_texts(text: str, start: int, spans: list[tuple[int, int]] | None = None) -> list[tuple[int, str]]:
    out = []
    for cs, ce in (clauses(text) if spans is None else spans):
        if ce <= start:
            continue
        cs = max(cs, start)
        raw = text[cs:ce]
        body = after_match(_LEAD, raw)
        out.append((cs + len(raw) - len(body), body))
    return out


def _imperative(text: str, start: int, first_only: bool = False,
                texts: list[tuple[int, str]] | None = None) -> bool:
    """A clause that opens with a directive verb (after a topic, an adverbial or a modal); with
    first_only, the first clause after the topics only. `texts`: _clause_texts(text, start)."""
    P = patterns()
    for cs, c in (_clause_texts(text, start) if texts is None else texts):
        c = c.strip()
        if not c or P.topic.match(c):
            continue
        if text[:cs].rstrip().endswith(":") and len(_COMMA_CAP.findall(c)) >= 2:
            continue  # "…: Xây dựng nông thôn mới, Giảm nghèo bền vững, Phát triển …" names, not verbs
        c2 = after_match(P.adverbial, c)
        for cand in ((c2,) if c2 != c else (c,)):  # "Thực hiện nhiệm vụ được giao, Bộ … đã …": the adverbial is no verb
            if P.praise.match(cand):
                continue  # "a) Đánh giá cao nỗ lực của Chủ đầu tư …": praise, not the verb "đánh giá"
            m = P.directive.match(cand)
            if m and not P.assessment.match(cand[m.end():].lstrip()):
                return True
        if first_only:
            return False
    return False


def _header_only(text: str, start: int, owners: list[Owner]) -> bool:
    """A paragraph that only says who does what follows: "Giao Thanh tra huyện",
    "2. Sở Kế hoạch và Đầu tư:", "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các
    sở, ngành liên quan:"."""
    if not owners:
        return False
    last = max(o.end for o in owners)
    tail = text[last:].strip(" .:*")
    return not tail


def _ends_colon(text: str) -> bool:
    return text.rstrip(" *\"”").endswith(":")


def _assessment_heading(text: str) -> bool:
    P = patterns()
    head = text.split(":")[0][:200]
    return bool(search(P.assess_heading, head)) and not search(P.task_heading, head)


class _Para:
    """What _analyse() found in one paragraph of the outline. (A plain class: no @dataclass to
    make at import.)"""

    __slots__ = ("p", "item", "own_para", "start", "owners", "directive", "assigned", "colon", "header_only",
                 "assessment", "heading", "mentions", "spans")

    def __init__(self, p: Paragraph, item: Item | None, own_para: bool, start: int, owners: list[Owner],
                 directive: bool, assigned: bool, colon: bool, header_only: bool, assessment: bool, heading: bool,
                 mentions: list[Owner], spans: list[tuple[int, int]]):
        self.p, self.item, self.start = p, item, start
        self.own_para = own_para  # the item's own paragraph (not a continuation)
        self.owners = owners
        self.directive = directive
        self.assigned = assigned  # names a lead by an assignment verb or "chủ trì"
        self.colon, self.header_only, self.assessment = colon, header_only, assessment
        self.heading = heading  # a short item title without a full stop ("3. Đẩy nhanh thủ tục chuẩn bị đầu tư các dự án")
        self.mentions = mentions  # every owner mention after `start`, in place (for the split)
        self.spans = spans  # the clauses of the text (owners.clauses), split once


def _analyse(p: Paragraph, item: Item | None, own: bool) -> _Para:
    P = patterns()
    start = item.marker_end if (item is not None and own) else 0
    while start < len(p.text) and p.text[start] == " ":
        start += 1
    spans = clauses(p.text)  # split once, used by the owners and both verb checks
    mentions = [o for o in owners_in(p.text, p.index, spans) if o.start >= start]
    owners = list({(o.name, o.role): o for o in reversed(mentions)}.values())[::-1]  # first mention of each
    leads = [o for o in owners if o.role == "lead"]
    directive = bool(leads) or any(o.role == "support" for o in owners)
    if not directive:
        texts = _clause_texts(p.text, start, spans)
        first = _imperative(p.text, start, first_only=True, texts=texts)
        # a report of results whose later clauses open with nouns made of verbs ("…; giải quyết
        # việc làm, an sinh xã hội … được quan tâm thường xuyên"): not a task
        directive = first or (_imperative(p.text, start, texts=texts) and len(P.assessment.findall(p.text, start)) < 2)
    if p.upper or is_upper_text(p.text[start:]):
        directive = False  # "I. ĐÁNH GIÁ CHUNG", "II. NHIỆM VỤ, GIẢI PHÁP": headings
    assigned = any(o.role == "lead" and (o.chu_tri or o.via == "assign") for o in owners)
    assessment = not directive and bool(search(P.assessment, p.text))
    heading = own and len(p.text) - start <= 200 and not P.heading_end.search(p.text)
    return _Para(p, item, own, start, owners, directive, assigned, _ends_colon(p.text),
                 _header_only(p.text, start, owners), assessment, heading, mentions, spans)


def _owner_directs(a: "_Para") -> bool:
    """An owner-first directive under an assessing heading ("I. ĐÁNH GIÁ CHUNG … Trong thời gian
    tới, Tỉnh tổ chức thực hiện nghiêm túc …"): a task, unless the paragraph assesses or praises."""
    return (any(o.role == "lead" and o.via == "subject" for o in a.owners)
            and not search(patterns().assessment, a.p.text))


def _ongoing_head(text: str, owners: tuple[tuple[int, int], ...] = ()) -> bool:
    """The head verb (the first verb after the owner, skipping modals and the verbs of
    assignment) is an ongoing duty ("tiếp tục", "tăng cường", "đôn đốc" …). `owners`: the spans
    of the owners named in `text`, whose words are never the verb ("Sở Thông tin và Truyền
    thông tích cực đẩy mạnh …": the head is "đẩy mạnh", not "Truyền thông")."""
    P = patterns()
    for m in re.fast_finditer(P.any_verb, text):
        if any(s <= m.start() < e for s, e in owners):
            continue
        if P.ongoing_head.match(text, m.start()):
            return True
        if not P.skip_verb.match(text, m.start()):
            return False
    return False


def _spans(owners, base: int, end: int) -> tuple[tuple[int, int], ...]:
    """The spans, relative to `base`, of the owners written between `base` and `end`."""
    return tuple((o.start - base, o.end - base) for o in owners if not o.inherited and base <= o.start < end)


def _nature(text: str, owners: tuple[tuple[int, int], ...] = (), ongoing: bool | None = None) -> str:
    """"ongoing" when the head verb is an ongoing duty; else "deliverable" when a deliverable
    is named; else "ongoing" (an ongoing word anywhere) or "other". `ongoing`:
    _ongoing_head(text, owners), when the caller has it."""
    P = patterns()
    if _ongoing_head(text, owners) if ongoing is None else ongoing:
        return "ongoing"
    if search(P.deliverable, text):
        return "deliverable"
    return "ongoing" if search(P.ongoing, text) else "other"


_COUNTERPART = re.compile(
    r"làm\s+việc\s+với\s+(?:(?:lãnh\s+đạo|Thường\s+trực|Ban\s+Thường\s+vụ)\s+(?:Tỉnh\s+ủy|Tỉnh\s+uỷ|Thành\s+ủy|Thành\s+uỷ)?\s*)?"
    r"(?P<kind>tỉnh|thành\s+phố)\s+(?P<name>\p{Lu}\w*(?:\s+(?!(?:về|và|tại|trong|để|năm|theo|của|với)(?!\w))\p{Lu}\w*){0,3})", re.I)


def counterpart(doc) -> str | None:
    """The locality a working-visit notice concludes with ("… tại buổi làm việc với lãnh đạo
    tỉnh Phú Thọ"): the tasks that name no owner are, by the notice's own title, that province's."""
    for p in doc.component("trich_yeu"):
        m = _COUNTERPART.search(p.text)
        if m:
            name = " ".join(w.capitalize() if w.isupper() else w for w in m.group("name").split())
            return f"{m.group('kind').lower()} {name}"
    return None


def _reference(doc) -> tuple[dt.date | None, int | None]:
    """The one date policy (checker/facts.py): the meeting date, else the notice date."""
    return doc.facts.reference, doc.facts.reference_year


def extract_tasks(doc) -> list[Task]:
    """The tasks of the document, in order (doc.facts.tasks: computed once per document)."""
    return doc.facts.tasks


def compute_tasks(doc) -> list[Task]:
    """Outline → sub-items and assignment clauses → owners (with inheritance) → deadlines
    (with inheritance) → Task; then the rows of the annexes' task tables."""
    tasks = _extract(doc) + _table_tasks(doc)
    if doc.facts.kind.subtype == "announcement":
        # a notice that announces (enrolment, holidays, a procedure, a warning) has tasks only
        # where it assigns work to a named body: requests to the public, to "các doanh nghiệp"
        # or to every organisation are not tasks a clerk follows up
        tasks = [t for t in tasks if any(o.kind in ("body", "person") and o.source in ("own", "header", "table")
                                         for o in t.leads)]
    return tasks


def _table_tasks(doc) -> list[Task]:
    """The rows of the task tables of the annexes (checker/extract/tasktable.py) that are still
    to do: the lead is the lead column, the deadline the deadline cell."""
    rows = [r for r in table_rows(doc) if not r.done]
    if not rows:
        return []
    starts = [p.start_offset(0) for p in doc.paragraphs]
    ref, ref_year = _reference(doc)
    out = []
    ordered: dict[int, bool] = {}
    for r in rows:
        k = max(0, bisect.bisect_right(starts, r.task_start) - 1)
        p = doc.paragraphs[k]
        offs, last = p.offsets, len(p.offsets) - 1
        if k not in ordered:  # (in C: map and all)
            ordered[k] = all(map(operator.le, offs, islice(offs, 1, None)))
        if ordered[k]:  # the first offset at or after each end, by bisection (rows of one long paragraph)
            i = bisect.bisect_left(offs, r.task_start, 0, last)
            j = bisect.bisect_left(offs, r.task_end, 0, last)
            i, j = (0 if i == last else i), (len(p.text) if j == last else j)
        else:
            i = next((n for n, off in enumerate(islice(offs, last)) if off >= r.task_start), 0)
            j = next((n for n, off in enumerate(islice(offs, last)) if off >= r.task_end), len(p.text))
        ms = find_mentions(r.owner)
        whole = len(ms) == 1 and ms[0].start == 0 and ms[0].end >= len(r.owner.rstrip(" .;"))
        kind = ms[0].kind if whole else "body"  # "Các địa phương có đảo" says which
        owners = [Owner(r.owner, "lead", kind, k, 0, 0, source="table")]
        deadlines = []
        if r.deadline:
            deadlines = [d for d in find_deadlines("trước " + r.deadline, ref, ref_year) if d.concrete]
            deadlines = [Deadline(0, len(r.deadline), r.deadline, d.kind, d.date, d.valid, d.mention) for d in deadlines[:1]]
            if not deadlines:
                deadlines = [Deadline(0, len(r.deadline), r.deadline, "recurring")]
        line = doc.source.position(r.task_start).line
        end_line = doc.source.position(max(r.task_start, r.task_end - 1)).line
        out.append(Task(p, i, max(j, i + 1), None, r.label, line, owners, deadlines, _nature(p.text[i:j]),
                        end_line, "table"))
    return out


def _extract(doc) -> list[Task]:
    ol = outline(doc)
    order: list[tuple[int, Item | None, bool]] = [(i, None, False) for i in ol.intro]
    for it in ol.items:
        order.append((it.para, it, True))
        order.extend((c, it, False) for c in it.continuation)
    order.sort(key=lambda t: t[0])
    paras = {pi: _analyse(doc.paragraphs[pi], it, own) for pi, it, own in order}
    seq = [pi for pi, _, _ in order]
    pos = {pi: k for k, pi in enumerate(seq)}

    # the paragraph that introduces each run of items: the unmarked paragraph just before the
    # first item of the run, ending with ":"
    runs: dict[tuple, list[Item]] = {}
    for it in ol.items:
        runs.setdefault((it.parent, it.style), []).append(it)
    preamble: dict[int, int] = {}  # item index → paragraph index
    for run in runs.values():
        k = pos[run[0].para]
        if k > 0:
            prev = paras[seq[k - 1]]
            if not prev.own_para and prev.colon:
                for it in run:
                    preamble[it.index] = prev.p.index

    # the continuations that can provide for the paragraphs after them: those ending with ":" or
    # only naming owners (the inheritance, in_assessment and introduces_tasks look at no other
    # continuation); an item with hundreds of continuations otherwise gave each of them a chain
    # of all the earlier ones
    providing = {it.index: [c for c in it.continuation if paras[c].colon or paras[c].header_only] for it in ol.items}

    def chain(item: Item | None, pi: int):
        """Providers above a paragraph, nearest first: paragraph indexes."""
        out = []
        if item is not None and pi != item.para:
            # earlier paragraphs of the same item (its heading, then its continuations)
            out.append(item.para)
            out.extend(c for c in providing[item.index] if c < pi)
        cur = item
        while cur is not None:
            if cur.index in preamble:
                out.append(preamble[cur.index])
            if cur.parent is None:
                break
            cur = ol.items[cur.parent]
            out.append(cur.para)
        return out

    assesses: dict[int, bool] = {}  # paragraph index → _assessment_heading of its text

    def heading_assesses(a: _Para) -> bool:
        """Whether an item's heading assesses: asked once per heading, not once per paragraph
        under it."""
        k = a.p.index
        if k not in assesses:
            assesses[k] = _assessment_heading(a.p.text[a.start:])
        return assesses[k]

    # assessment context: under an assessing heading, or in a list an assessment introduces;
    # the entries of a list introduced by "…, gồm:" are subjects (documents, reports), not tasks
    def in_assessment(item: Item | None, pi: int) -> bool:
        if item is not None and item.index in preamble and _ENUMERATION.search(paras[preamble[item.index]].p.text):
            return True
        for q in chains[pi]:
            a = paras[q]
            if not a.own_para and a.colon and a.directive and not a.assessment and any(o.role == "lead" for o in a.owners):
                return False  # "… thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ sau đây:" under "I. ĐÁNH GIÁ CHUNG"
            if a.own_para and heading_assesses(a):
                return True
            if not a.own_para and a.colon and a.assessment:
                return True
        return False

    chains = {pi: chain(paras[pi].item, pi) for pi in seq}
    dependents: dict[int, list[int]] = {}
    for q, ch in chains.items():
        for pr in set(ch):
            dependents.setdefault(pr, []).append(q)

    def introduces_tasks(a: _Para) -> bool:
        for q in dependents.get(a.p.index, ()):
            b = paras[q]
            if q > a.p.index and b.directive and (b.assigned or not in_assessment(b.item, q)):
                return True
        return False

    ref, ref_year = _reference(doc)
    implicit = counterpart(doc)
    dl_cache: dict[int, list[Deadline]] = {}

    def para_dl(q: int) -> list[Deadline]:
        """The deadlines of a paragraph, found once however many items sit under it."""
        if q not in dl_cache:
            dl_cache[q] = find_deadlines(doc.paragraphs[q].text, ref, ref_year)
        return dl_cache[q]

    tasks: list[Task] = []
    for pi in seq:
        a = paras[pi]
        if not a.directive:
            continue
        if in_assessment(a.item, pi) and not (a.assigned or _owner_directs(a)):
            continue
        if a.own_para and a.heading and heading_assesses(a):
            continue  # "I. Đánh giá chung": a heading, not the verb "đánh giá"
        if (a.colon or a.header_only or a.heading) and introduces_tasks(a):
            continue  # a heading: its owners and deadline go to the items below
        text = a.p.text
        own = list(a.owners)
        header: list[Owner] = []
        intro: list[Owner] = []
        inherited_deadlines: list[Deadline] = []
        heading_vague: list[Deadline] = []
        intro_deadlines: list[Deadline] = []
        for q in chains[pi]:
            b = paras[q]
            if not (b.colon or b.header_only or b.heading):
                continue
            is_header = b.header_only or (b.own_para and b.colon)
            if is_header and not header and any(o.role == "lead" for o in b.owners):
                header = [_inherit(o, "header") for o in b.owners]
            elif not is_header and not intro and any(o.role == "lead" for o in b.owners):
                intro = [_inherit(o, "intro") for o in b.owners if o.role == "lead"]
            if not inherited_deadlines and not heading_vague and (is_header or b.heading):
                ds = [d for d in para_dl(q) if d.concrete]
                inherited_deadlines = [Deadline(d.start, d.end, d.text, d.kind, d.date, d.valid, d.mention, True) for d in ds]
                if not ds and b.heading:  # "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI"
                    heading_vague = [Deadline(d.start, d.end, d.text, d.kind, d.date, d.valid, d.mention, True)
                                     for d in para_dl(q)[:1] if d.kind == "vague"]
            elif not intro_deadlines and not is_header and b.colon and not b.own_para:
                # the lead-in of the list: "… tập trung thực hiện … trong 02 tháng cuối năm 2025 …: "
                ds = [d for d in para_dl(q)
                      if d.concrete and d.kind != "event" and _PERIOD.match(d.text)
                      and not _TARGET.search(b.p.text, max(0, d.start - 80), d.start)]
                intro_deadlines = [Deadline(d.start, d.end, d.text, d.kind, d.date, d.valid, d.mention, True) for d in ds]
        fallback = _Fallback(header, intro, implicit, inherited_deadlines, intro_deadlines, heading_vague)
        owners = fallback.owners(own)
        para_deadlines = para_dl(pi)
        topic = topic_end(text)
        if topic > 0:  # a deadline word in the quoted proposal is the locality's, not the task's
            para_deadlines = [d for d in para_deadlines if d.start >= topic]
        spans = _spans(a.owners, a.start, len(text))
        ongoing = _ongoing_head(text[a.start:], spans)
        deadlines = fallback.with_deadlines(para_deadlines, ongoing)
        item = _task_item(ol, paras, a.item)
        number = printed_number(ol, item) if item is not None else ""
        line = doc.source.position(a.p.start_offset(a.start)).line
        end_line = doc.source.position(max(a.p.start_offset(0), a.p.end_offset() - 1)).line
        task = Task(a.p, a.start, len(text), item, number, line, owners, deadlines, _nature(text[a.start:], spans, ongoing), end_line)
        tasks.extend(_split(doc, task, fallback, a.mentions, para_deadlines, a.spans))
    return tasks


# ---------------------------------------------------------------------------------------------
# One paragraph, several tasks: its sub-items ("(1) …; (2) …", "(i) …", "a) …", "Thứ nhất, …")
# and its clauses that name a new owner ("…; Bộ Công an tổng hợp …", "… . Giao Phòng Y …").

_VERB_TAIL = None


def _leadin_assigns(text: str, s: int, e: int, owners: list[Owner]) -> bool:
    """A lead-in that hands its items to someone: it ends with an owner ("Bộ Khoa học và Công
    nghệ:"), a verb ("… nghiên cứu, đề xuất:", "… chủ trì:") or is empty."""
    global _VERB_TAIL
    if _VERB_TAIL is None:
        d = lambda x: alternation(DIR, x)  # noqa: E731
        _VERB_TAIL = re.compile(r"(?<![\w])(?:" + d("directive_verbs") + "|" + d("modals") + "|" + d("lead_marker")
                                + r")(?:\s+(?:sau|như\s+sau|các\s+nội\s+dung\s+sau|một\s+số\s+nội\s+dung\s+sau))?\W*$", re.I)
    tail = text[s:e].rstrip(" :\n\t*\"”")
    tail = after_match(_LEAD, tail) if not tail.strip() else tail
    if not tail.strip():
        return True
    if any(o.role == "lead" and o.end >= len(tail.rstrip()) + s - 1 for o in owners if s <= o.start < e):
        return True
    return bool(_VERB_TAIL.search(tail))


def _owner_first(owners: list[Owner], body: int, end: int) -> bool:
    return any(o.role == "lead" and body <= o.start <= body + 4 and o.start < end for o in owners)


def _entry_directive(text: str, body: int, end: int, owners: list[Owner]) -> bool:
    return _owner_first(owners, body, end) or _imperative(text[:end], body, first_only=True)


def _parts(text: str, s: int, e: int, owners: list[Owner], depth: int = 0):
    """Leaves of the sub-item tree of text[s:e]: (start, body, end, labels, lead-in spans)."""
    if ")" not in text[s:e] and "Thứ" not in text[s:e]:
        return [(s, s, e, [], [])]  # no sub-item marker at all
    lead_end, entries = inline_list(text, s, e)
    if entries and depth < 3:
        bodies = [(en.marker.body, en.end) for en in entries]
        owner_led = sum(_owner_first(owners, b, x) for b, x in bodies)
        directive = sum(_entry_directive(text, b, x, owners) for b, x in bodies)
        if 2 * owner_led >= len(entries) or (2 * directive >= len(entries) and _leadin_assigns(text, s, lead_end, owners)):
            out = []
            if lead_end > s and not text[s:lead_end].rstrip(" *\"”").endswith(":") and _entry_directive(text, s, lead_end, owners):
                out.append((s, s, lead_end, [], []))  # a lead-in that is a task of its own
            for en in entries:
                for st, bd, x, labels, leads in _parts(text, en.marker.body, en.end, owners, depth + 1):
                    first = st == en.marker.body
                    out.append((en.marker.start if first else st, bd, x, [en.marker.label] + labels,
                                [(s, lead_end)] + leads))
            return out
    return [(s, s, e, [], [])]


def _clause_splits(text: str, s: int, e: int, owners: list[Owner], spans: list[tuple[int, int]]) -> list[int]:
    """Where a clause of text[s:e] hands work to a new owner: it opens (after ". ", ";" or "(")
    with an owner and its verb, or with "Giao …"/"Yêu cầu …"/"Đề nghị …" and a body. `spans`:
    clauses(text)."""
    if not any(o.role == "lead" and o.via in ("subject", "assign") and s + 6 <= o.start < e for o in owners):
        return []  # no owner after the first words: nothing to split
    P = patterns()
    cuts = []
    current = {o.name for o in owners if o.role == "lead" and s <= o.start < e and o.start < s + 6}
    for cs, ce in spans:
        if cs <= s or cs >= e:
            continue
        if text[cs - 1:cs] == ":" or text[max(s, cs - 2):cs].strip() == ":":
            continue
        body = after_match(_LEAD, text[cs:ce])
        off = cs + (ce - cs - len(body))
        adv = P.adverbial.match(body)  # "Đối với 4 tiêu chí …, giao đồng chí …"
        reach = off + (adv.end() if adv else 0) + 12
        leads = [o for o in owners if o.role == "lead" and off <= o.start <= reach and o.start < ce
                 and o.via in ("subject", "assign")]
        if not leads:
            continue
        names = {o.name for o in leads}
        if names <= current:
            continue
        prev = text[cuts[-1] if cuts else s:cs]
        if not prev.strip(" .;(-–*\n") or (not any(o.role == "lead" for o in owners if (cuts[-1] if cuts else s) <= o.start < cs)
                                          and not _imperative(text[:cs], cuts[-1] if cuts else s, first_only=True)):
            continue  # what comes before is no task ("Quy hoạch: Giao …")
        cuts.append(off)
        current = names
    return cuts


_PERIOD = re.compile(r"^trong\s", re.I)  # a lead-in's period ("trong 02 tháng cuối năm 2025") frames every item
# "… đạt được mục tiêu tăng trưởng kinh tế 8% trong năm 2025": the year of a target, not a deadline
_TARGET = re.compile(r"(?<![\w])(?:mục\s+tiêu|chỉ\s+tiêu)(?![\w])[^.;:]*$", re.I)
# what may stand beside the deadline in the clause that closes a list: "hoàn thành", "Thời hạn",
# or a reference back to the entries and where they go ("Các Báo cáo trên gửi Bộ Tư pháp")
_STANDALONE_DEADLINE = re.compile(
    r"^\W*(?:(?:các\s+)?(?:báo\s+cáo|nội\s+dung|nhiệm\s+vụ|văn\s+bản|kết\s+quả|sản\s+phẩm)\s+(?:nêu\s+)?(?:trên|này)\s+)?"
    r"(?:(?:hoàn\s+thành|thời\s+hạn|báo\s+cáo|xong|gửi|trình)\b(?:\s+(?:về\s+)?(?=(?-i:\p{Lu}))[^,;.]{0,80}?)?\W*)*$", re.I)


def _group_deadline(text: str, s: int, e: int, deadlines: list[Deadline]) -> Deadline | None:
    """A deadline that closes a list of sub-items in a clause of its own ("…; (4) …; hoàn
    thành trước ngày 10/12/2025", "(2) … . Thời hạn trong Quý II/2024."): it covers the
    entries before it that have none."""
    for d in deadlines:
        if not (s <= d.start < e) or not d.concrete:
            continue
        cut = max(text.rfind(";", s, d.start), text.rfind(". ", s, d.start))
        if cut < 0:
            continue
        rest = text[cut + 1:d.start] + " " + text[d.end:e]
        if _STANDALONE_DEADLINE.match(rest):
            return d
    return None


def _split(doc, task: Task, fallback: "_Fallback", own: list[Owner], all_deadlines: list[Deadline],
           spans: list[tuple[int, int]]) -> list[Task]:
    """The tasks of one task paragraph: one per sub-item and per clause that names a new owner.
    `own`: every owner mention of the paragraph in place; `all_deadlines`: its deadlines;
    `spans`: its clauses."""
    text = task.para.text
    pieces = []
    for st, bd, e, labels, leadins in _parts(text, task.start, task.end, own):
        cuts = _clause_splits(text, bd, e, own, spans)
        bounds = [st] + cuts + [e]
        for k in range(len(bounds) - 1):
            pieces.append((bounds[k], bounds[k + 1], labels, leadins))
    if len(pieces) <= 1:
        return [task]
    # a deadline closing a list covers the entries before it that have none
    group: dict[int, Deadline] = {}
    for k in range(len(pieces) - 1, -1, -1):
        st, e, labels, leadins = pieces[k]
        if k + 1 < len(pieces) and pieces[k + 1][3] == leadins and pieces[k + 1][2] != labels:
            continue  # an entry followed by another entry of its list: its closing clause is its own
        g = _group_deadline(text, st, e, all_deadlines) if labels else None
        if g is None:
            continue
        for j in range(k - 1, -1, -1):
            sj, ej, lj, lij = pieces[j]
            if lij != leadins:
                break
            if not any(d.concrete for d in all_deadlines if sj <= d.start < ej):  # an entry with its own keeps it
                group.setdefault(j, g)
    out = []
    for k, (st, e, labels, leadins) in enumerate(pieces):
        mine = list({(o.name, o.role): o for o in reversed([o for o in own if st <= o.start < e])}.values())[::-1]
        if not any(o.role == "lead" for o in mine):
            for ls, le in reversed(leadins):  # the nearest lead-in that names a lead
                from_leadin = [_inherit(o, "header") for o in own if ls <= o.start < le and o.role == "lead"]
                if from_leadin:
                    mine = _merge(mine, from_leadin)
                    break
        mine = fallback.owners(mine)
        dls = [d for d in all_deadlines if st <= d.start < e]
        spans = _spans(own, st, e)
        ongoing = _ongoing_head(text[st:e], spans)
        nature = _nature(text[st:e], spans, ongoing)
        if not any(d.concrete for d in dls):
            lead_dl = []
            if k in group:
                g = group[k]
                lead_dl = [g]
            for ls, le in reversed(leadins):
                if lead_dl:
                    break
                lead_dl = [d for d in all_deadlines if ls <= d.start < le and d.concrete]
            if lead_dl:
                dls = [Deadline(d.start, d.end, d.text, d.kind, d.date, d.valid, d.mention, True) for d in lead_dl] + dls
        dls = fallback.with_deadlines(dls, ongoing)
        number = ".".join(x for x in [task.number] + labels if x)
        line = doc.source.position(task.para.start_offset(st)).line
        end_line = doc.source.position(max(task.para.start_offset(st), task.para.end_offset(e) - 1)).line
        out.append(Task(task.para, st, e, task.item, number, line, mine, dls, nature, end_line))
    return out


class _Fallback:
    """What a task takes from above when it does not say it itself: the owners of the heading it
    is listed under, else those of the list's introduction, else the locality of the title; the
    deadline of its heading. (A plain class: no @dataclass to make at import.)"""

    __slots__ = ("header", "intro", "implicit", "deadlines", "intro_deadlines", "vague")

    def __init__(self, header: list[Owner], intro: list[Owner], implicit: str | None, deadlines: list[Deadline],
                 intro_deadlines: list[Deadline], vague: list[Deadline]):
        self.header, self.intro, self.implicit = header, intro, implicit
        self.deadlines = deadlines  # of the heading the task is listed under
        self.intro_deadlines = intro_deadlines  # of the lead-in of its list
        self.vague = vague  # the heading's only timing is vague

    def with_deadlines(self, own: list[Deadline], ongoing: bool) -> list[Deadline]:
        """A task's deadlines: its own; when none is concrete, its heading's (unless the task is
        an ongoing duty by its head verb: it stays ongoing under a dated heading), else the
        period its list's lead-in names for every item. A task with no timing at all under a
        heading whose only timing is vague ("… TRONG THỜI GIAN TỚI") has that vague timing,
        unless it is an ongoing duty (which needs none)."""
        if any(d.concrete for d in own):
            return own
        if self.deadlines and not ongoing:
            return self.deadlines + own
        if self.intro_deadlines:
            return self.intro_deadlines + own
        if not own and self.vague and not ongoing:
            return list(self.vague)
        return own

    def owners(self, own: list[Owner]) -> list[Owner]:
        owners = _merge(own, self.header)
        if not any(o.role == "lead" for o in owners) and self.intro:
            owners = _merge(owners, self.intro)
        if not any(o.role == "lead" for o in owners) and self.implicit:
            owners = [Owner(self.implicit, "lead", "body", -1, 0, 0, inherited=True, source="title")] + owners
        return owners


def printed_number(ol, item: Item) -> str:
    """The item's number as printed, so a clerk finds it: "III.4.(3)", "1.b.(ii)", "3.1.a"
    (never "2.1" for an item the text numbers "(1)")."""
    labels = []
    for it in [item] + ol.ancestors(item):
        if it.style.startswith("bullet"):
            continue
        labels.append(f"({it.label})" if it.style.startswith("paren") else it.label)
        if it.style.startswith("dotted"):
            break  # "4.1" already carries its parent's number
    return ".".join(reversed(labels)) if labels else item.label


def _inherit(o: Owner, source: str) -> Owner:
    return Owner(o.name, o.role, o.kind, o.para, o.start, o.end, o.chu_tri, o.by_function, o.clause,
                 True, source, o.via)


def _merge(first: list[Owner], more: list[Owner]) -> list[Owner]:
    """Owners of `first`, then those of `more` not named yet (inherited ones first in order)."""
    names = {o.name for o in first}
    inherited = [o for o in more if o.name not in names]
    return inherited + first


def _task_item(ol, paras, item: Item | None) -> Item | None:
    """The item a paragraph's task belongs to: a paragraph after a list of subjects ("4. Đối
    với các nội dung: (1) Quyết định …; (2) Quyết định …" then "Đề nghị …") belongs to the
    item that introduces the list, not to its last entry."""
    if item is None or item.parent is None or item.children:
        return item
    parent = ol.items[item.parent]
    sibs = [ol.items[c] for c in parent.children if ol.items[c].style == item.style]
    if len(sibs) >= 2 and paras[parent.para].colon and not any(paras[s.para].directive for s in sibs):
        return parent
    return item


def vague_words(task: Task) -> list[Deadline]:
    return [d for d in task.deadlines if d.kind == "vague"]


def several(task: Task) -> list[Owner]:
    return several_leads(task.owners)
