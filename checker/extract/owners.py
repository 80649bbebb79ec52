"""Owners of a task: who leads (chủ trì) and who supports (phối hợp).

A mention of a body is found from the first word of its name (rules/owners.toml
[body_heads]: "Sở", "Phòng", "UBND", …) and the words after it, up to a verb or a function word
([name_stops]). Named broad groups ("các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"),
vague owners ("các cơ quan liên quan", "các lực lượng"), persons by title ("đồng chí Lê Thanh
Huy - Phó Chủ tịch UBND huyện") and factored lists ("Các Sở: Kế hoạch và Đầu tư, Công
Thương") are mentions too.

A mention is an owner by its place in its clause:
- after an assignment verb ("Giao Sở Xây dựng …", "Yêu cầu các xã, thị trấn …") → lead;
- at the start of the clause, followed by a verb, a modal, "chủ trì" or ":" → lead;
- after "phối hợp (với)", "cùng với" → support;
- anywhere else (after "báo cáo", "trình", "của", "để" …) it is not an owner.
Mentions in a list ("A, B và C") share the role of the first one. "X chủ trì" marks an explicit
lead (A303 counts those).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import rx as re
from ..record import Frozen

from .tasklex import alternation, search

OWN = "owners.toml"
DIR = "directives.toml"


class Mention:
    """A possible owner written in a text (find_mentions). (A plain class: no @dataclass to make
    at import.)"""

    __slots__ = ("start", "end", "name", "kind", "parts")

    def __init__(self, start: int, end: int, name: str, kind: str, parts: list[str] | None = None):
        self.start, self.end = start, end
        self.name = name
        self.kind = kind  # "body" | "person" | "group" | "vague"
        self.parts = [] if parts is None else parts  # a factored list: the bodies it names


@dataclass
class Owner:
    name: str
    role: str  # "lead" | "support"
    kind: str  # "body" | "person" | "group" | "vague"
    para: int = -1  # paragraph index where it is written
    start: int = 0
    end: int = 0
    chu_tri: bool = False  # named as "chủ trì"
    by_function: bool = False  # "theo chức năng, nhiệm vụ": each leads its own part
    clause: int = 0  # index of the clause (leads of one clause are one assignment)
    inherited: bool = False
    source: str = "own"  # "own" | "header" (the heading it is listed under) | "intro" (the introduction)
    via: str = ""  # how it was found: "assign" (after Giao/Yêu cầu/Đề nghị), "subject", "support"


class _P(Frozen):
    group: "re.Pattern"
    vague: "re.Pattern"
    head: "re.Pattern"
    head_gate: "re.Pattern | None"
    standalone: "re.Pattern"
    place: "re.Pattern"
    title: "re.Pattern"
    stop: "re.Pattern"
    assign_end: "re.Pattern"
    cited_subject: "re.Pattern"
    support_end: "re.Pattern"
    lead_after: "re.Pattern"
    verb_after: "re.Pattern"
    modal: "re.Pattern"
    adverbial: "re.Pattern"
    adverbial_open: "re.Pattern"
    assess_after: "re.Pattern"
    topic: "re.Pattern"


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a match of `pattern` (case-sensitive) begins with, when every alternative
    begins with a literal character or a set of them; else None."""
    try:
        from re import _constants as C, _parser
        seq = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - another engine, or syntax only `regex` knows: no gate
        return None

    def first(items) -> set[str] | None:
        if not items:
            return None
        op, av = items[0]
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.SUBPATTERN and not (av[1] or av[2]):  # (no "(?i:…)": its letters have two cases)
            return first(list(av[3]))
        if op is C.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                f = first(list(alt))
                if f is None:
                    return None
                out |= f
            return out
        if op is C.IN and all(o is C.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}
        return None

    return None if seq.state.flags & C.SRE_FLAG_IGNORECASE else first(list(seq))


@lru_cache(maxsize=1)
def patterns() -> _P:
    o = lambda s: alternation(OWN, s)  # noqa: E731
    d = lambda s: alternation(DIR, s)  # noqa: E731
    W = r"(?![\w])"
    modal = r"(?:\s*,?\s*" + d("modals") + r")*"
    heads = r"(?:" + o("body_heads") + r"|phòng|sở)"
    firsts = _first_chars(heads)
    return _P(
        group=re.compile(r"(?<![\w])" + o("broad_groups") + W, re.I),
        vague=re.compile(r"(?<![\w])" + o("vague_owners") + W, re.I),
        head=re.compile(r"(?<![\w])" + heads + W),
        # where a head can start: one of its first letters, not after a letter (the engine skips
        # to such a letter in C; the head pattern, whose look-behind makes the engine try it at
        # every position, is then tried there only)
        head_gate=re.compile("[" + "".join(map(re.escape, sorted(firsts))) + r"](?<![\w].)") if firsts else None,
        standalone=re.compile(o("standalone_heads") + r"$"),
        place=re.compile(r"(?:" + o("places") + r")" + W),
        title=re.compile(r"(?<![\w])" + o("person_titles") + W),
        stop=re.compile(o("name_stops") + W),
        assign_end=re.compile(r"(?<![\w])" + d("assignment") + r"(?:\s+cho)?\s*[:,]?\s*$", re.I),
        support_end=re.compile(r"(?<![\w])" + d("support_marker") + r"\s*$", re.I),
        # a subject that cites a document: its type, then within the clause a number, a symbol or a year
        cited_subject=re.compile(r"\s*(?:" + d("cited_documents") + r")(?![\w])[^;:]{0,300}?"
                                 r"(?:(?<![\w])số\s*\d|\d/\d|(?<![\w])năm\s+(?:19|20)\d\d(?!\d))", re.I),
        lead_after=re.compile(r"^" + modal + r"\s*,?\s*" + d("lead_marker") + W, re.I),
        verb_after=re.compile(r"^(?:\s*(?:,|và)\s+(?:các|những)\s+(?:[^\W\d]+\s+){1,6}?)?" + modal + r"\s*,?\s*(?:"
                              + d("directive_verbs") + r"|" + d("support_marker") + r")" + W, re.I),
        topic=re.compile(r"^\s*" + d("topic"), re.I),
        modal=re.compile(modal, re.I),
        adverbial=re.compile(r"^\s*(?:" + d("adverbials") + r")\b.{0,400},\s*(?:đồng\s+thời\s+|riêng\s+)?$", re.I | re.S),
        adverbial_open=re.compile(r"^\s*(?:" + d("adverbials") + r")\b[^,;:]{0,200}$", re.I | re.S),
        assess_after=re.compile(r"^\s*(?:đã|đang|được|vẫn|còn|là|có\s+(?!trách|báo|văn|giải|kế|phương))" + W, re.I),
    )


_WORD = re.compile(r"[\w&/.\-–]+|[,:;()]")
_SPACES = re.compile(r"\s*")
_SPACES1 = re.compile(r"\s+")
_JOINER = re.compile(r"[-–&]\s*")
_JOINER_CAP = re.compile(r"[-–&]\s*\p{Lu}")
# A council named by its task and its level: "Hội đồng thẩm định Nhà nước", "Hội đồng kiểm tra Nhà
# nước về …", "Hội đồng tư vấn quốc gia": the task's words (verbs elsewhere) belong to the name
# when "Nhà nước" or "quốc gia" closes them.
_COUNCIL_HEAD = re.compile(r"Hội(?:\s+đồng)?$")
_COUNCIL_TAIL = re.compile(r"(?:đồng\s+)?(?:\p{Ll}+\s+){1,3}?(?:[Nn]hà\s+nước|[Qq]uốc\s+gia)(?![\w])")
_COMMA_VA = re.compile(r",\s*((?:\p{Lu}\w*\s*){1,3}(?:\s*\w+){0,2}?)\s+và\s+\p{Lu}")
_COMMA_ABBR = re.compile(r",\s*([\w&]+)(?=\s|,|$)")
_VA_NEXT = re.compile(r"và\s+(\S+)")
_CAC_CAP = re.compile(r"\s+các\s+cấp\b")
_CAP_WORDS = re.compile(r"(?:\s+\p{Lu}\w*){1,4}")
_SEP = re.compile(r"\s*,\s*|\s+và\s+")
_COLON_NAMES = re.compile(r"\s*:\s*((?:\p{Lu}\w*(?:\s+\p{Lu}\w*)*)(?:\s*,\s*\p{Lu}\w*(?:\s+\p{Lu}\w*)*)*)")
_DONG_CHI = re.compile(r"(?<![\w])đồng\s+chí\s+")
_PERSON_NAME = re.compile(r"\p{Lu}\w*(?:\s+\p{Lu}\w*){0,3}")
_PERSON_SEP = re.compile(r"\s*[-–,]?\s*")
_CAC_BEFORE = re.compile(r"(?:các|những)\s*$")
_SPACE_CAP = re.compile(r"\s+\p{Lu}")
_COMMA_CAP = re.compile(r"\s*,\s*(?=\p{Lu})")
_FOR_OWNER = re.compile(r"^\s*đối\s+với\s*$", re.I)
_MUST = re.compile(r"^\s*(?:cần(?:\s+phải)?|phải)\s+", re.I)
_CAC_ONE = re.compile(r"\s+các\s+", re.I)
_PAST = re.compile(r"(?<![\w])(?:đã|đang)(?![\w])")
_BY_FUNCTION = re.compile(r"\s*,?\s*theo\s+chức\s+năng", re.I)
# the qualifier between an owner and its verb: "X theo chức năng, nhiệm vụ, thẩm quyền (được giao)
# đề cao …", "Các bộ, ngành trên cơ sở nhiệm vụ được giao tại các văn bản nêu trên, hoàn thiện …"
_BY_FUNCTION_FULL = re.compile(r"^\s*,?\s*(?:theo\s+chức\s+năng(?:\s*,?\s*nhiệm\s+vụ)?(?:\s*,?\s*(?:quyền\s+hạn|thẩm\s+quyền))?"
                               r"(?:\s+(?:được\s+giao|của\s+(?:mình|từng\s+\w+)))?\s*,?"
                               r"|(?:trên\s+cơ\s+sở|căn\s+cứ)\s+[^,;:.]{1,120},)", re.I)
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+và\s+|\s+hoặc\s+|\s*,\s*và\s+|\s+cùng\s+)$")
_FACTORED = re.compile(r"(?<![\w])(?P<head>[Cc]ác\s+(?:Sở|Bộ|Tập\s+đoàn|Tổng\s+công\s+ty|Phòng|Ban|Cục|Tổng\s+cục))"
                       r"(?:\s*,\s*(?:cơ\s+quan|ngành|đơn\s+vị))?\s*:\s*")
_PLACE_OWNER = re.compile(r"(?<![\w])(?P<lead>(?:[Cc]ác\s+)?)(?P<kind>[Tt]ỉnh|[Tt]hành\s+phố)\s+(?=\p{Lu})")
_CAP = re.compile(r"^\p{Lu}")
_NAMED_AFTER = re.compile(r"\s*,?\s*(?:nhất\s+là|đặc\s+biệt\s+là|trong\s+đó\s+có|gồm(?:\s+có)?|như|là)\s*:?\s*(?:\S+\s+){0,2}\p{Lu}")
_CONCERNED = re.compile(r"(?<![\w])(?:có\s+)?liên\s+quan\s*$", re.I)


def _is_cap(tok: str) -> bool:
    return bool(_CAP.match(tok))


def _is_abbrev(tok: str) -> bool:
    if tok.islower():
        return False  # (most words: no capital, so not two letters all but one of them capitals)
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _chunk_name(text: str, pos: int, standalone: bool, in_component: bool = False, comma: bool = True) -> int:
    """End of the name that starts at `pos` (just after its head word)."""
    P = patterns()
    end = pos
    i = pos
    n = len(text)
    lower_run = 0
    first = True
    after_place = False
    while i < n:
        j = _SPACES.match(text, i).end()
        if j >= n:
            break
        c0 = text[j]
        if c0 in "-–&" and _JOINER_CAP.match(text, j):
            i = _JOINER.match(text, j).end()
            continue
        if c0 == ",":
            # "Sở Văn hóa, Thể thao và Du lịch": a comma inside a name, before "… và …"
            mm = _COMMA_VA.match(text, j) if comma else None
            if mm and not P.head.match(mm.group(1)):
                i = j + 1
                continue
            ab = _COMMA_ABBR.match(text, j) if comma else None  # "Phòng NN&PTNT, TN&MT"
            if ab and "&" in ab.group(1) and _is_abbrev(ab.group(1)):
                end = ab.end()
                i = end
                continue
            break
        tm = _WORD.match(text, j)
        if not tm or tm.group() in (",", ":", ";", "(", ")"):
            break
        tok = tm.group()
        if tok == "và":
            nxt = _VA_NEXT.match(text, j)
            if not nxt:
                break
            after = nxt.start(1)
            if _is_cap(nxt.group(1)):
                if P.head.match(text, after) or P.title.match(text, after):
                    break
                i = j + 2
                continue
            if in_component and not after_place and not P.stop.match(text, after) and not P.place.match(text, after):
                i = j + 2  # "Phòng Giáo dục và đào tạo", "… thiên tai và tìm kiếm cứu nạn"
                lower_run = 0
                continue
            break
        if _is_cap(tok) or _is_abbrev(tok):
            end = j + len(tok)
            i = end
            in_component = True
            after_place = False
            lower_run = 0
            first = False
            continue
        # lower case (or digits)
        if first and _COUNCIL_HEAD.search(text, max(0, pos - 8), pos):
            cm = _COUNCIL_TAIL.match(text, j)
            if cm and (text[max(0, pos - 3):pos] != "Hội" or cm.group().startswith("đồng")):
                end = i = cm.end()
                first = False
                in_component = True
                after_place = True  # "… Nhà nước thẩm định …": a lower-case word after it is the verb
                continue
        if P.stop.match(text, j):
            break
        pm = P.place.match(text, j)
        if pm:
            end = pm.end()
            i = end
            first = False
            in_component = True  # "huyện Văn Bàn" may follow
            after_place = True
            lower_run = 0
            continue
        if first and standalone:
            break
        if not in_component or after_place or lower_run >= 5:
            break
        lower_run += 1
        end = j + len(tok)
        i = end
        first = False
    q = _CAC_CAP.match(text, end)  # "Ban Chỉ huy … các cấp"
    if q and end > pos:
        end = q.end()
    return end


def _person_end(text: str, i: int) -> int:
    """End of "Title [Body] [Name]" starting at i (a title), or i when there is no title."""
    P = patterns()
    tm = P.title.match(text, i)
    if not tm:
        return i
    e = tm.end()
    hm = _SPACES1.match(text, e)
    h = P.head.match(text, hm.end()) if hm else None
    if h:
        e = _chunk_name(text, h.end(), bool(P.standalone.match(h.group())), " " in h.group())
    nm = _CAP_WORDS.match(text, e)
    if nm:
        e = nm.end()
    return e


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a possible owner in `text`, in order, without overlaps."""
    P = patterns()
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):  # (a loop: all() over a generator cost more)
        for a, b in taken:
            if a < e and s < b:
                return False
        return True

    def add(m: Mention):
        found.append(m)
        taken.append((m.start, m.end))

    # factored lists: "Các Sở: Kế hoạch và Đầu tư, Công Thương, Tài chính" (with a colon always: a
    # text without one is not scanned for them)
    for fm in (re.fast_finditer(_FACTORED, text) if ":" in text else ()):
        head = fm.group("head").split(None, 1)[1]
        i = fm.end()
        parts = []
        end = i
        while i < len(text) and _is_cap(text[i:i + 1]):
            e = _chunk_name(text, i, False, comma=False)
            if e <= i:
                break
            # "Các Bộ, cơ quan: Tài chính, …, Tập đoàn Điện lực Việt Nam": a full name stays whole
            parts.append(text[i:e] if P.head.match(text, i) else f"{head} {text[i:e]}")
            end = e
            nx = _SEP.match(text, e)
            if not nx:
                break
            i = nx.end()
        if parts:
            add(Mention(fm.start(), end, text[fm.start():end], "body", parts))
    for rx, kind in ((P.group, "group"), (P.vague, "vague")):
        for m in re.fast_finditer(rx, text):
            s, e = m.span()
            # a group followed by ":" and names ("UBND các tỉnh, thành phố: Tuyên Quang, …")
            lm = _COLON_NAMES.match(text, e) if kind == "group" else None
            if lm:
                names = [x.strip() for x in lm.group(1).split(",")]
                if "," not in text[s:e]:  # "Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ": each city's
                    one = _CAC_ONE.sub(" ", text[s:e].strip())
                    names = [f"{one} {n}" for n in names]
                add_e = lm.end()
                if free(s, add_e):
                    add(Mention(s, add_e, text[s:add_e], "body", names))
                continue
            if free(s, e):
                # "các sở, ngành liên quan", "các Bộ, cơ quan liên quan": whichever are concerned
                k = "vague" if kind == "group" and _CONCERNED.search(text, s, e) else kind
                if k == "vague" and _NAMED_AFTER.match(text, e):
                    k = "group"  # "các địa phương, nhất là thành phố Lào Cai, …": it names whom it means
                add(Mention(s, e, text[s:e].strip(), k))
    # persons: "đồng chí Lê Thanh Huy - Phó Chủ tịch UBND huyện", "Phó Thủ tướng … Trần Hồng Hà"
    for m in re.fast_finditer(_DONG_CHI, text):
        if not free(m.start(), m.end()):
            continue
        i = m.end()
        e = _person_end(text, i)
        if e == i:
            nm = _PERSON_NAME.match(text, i)
            if nm:
                e = nm.end()
                sep = _PERSON_SEP.match(text, e).end()
                e2 = _person_end(text, sep)
                if e2 > sep:
                    e = e2
        if e > i and free(m.start(), e):
            add(Mention(m.start(), e, text[m.start():e], "person"))
    for m in re.fast_finditer(P.title, text):
        if not free(m.start(), m.end()):
            continue
        if _CAC_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        e = _person_end(text, m.start())
        if e > m.end() and free(m.start(), e):  # a bare "Chủ tịch" is the speaker, not an owner
            add(Mention(m.start(), e, text[m.start():e], "person"))
    for m in (re.gated_finditer(P.head_gate, P.head, text) if P.head_gate else P.head.finditer(text)):
        s, e0 = m.span()
        if not free(s, e0):
            continue
        head = m.group()
        standalone = bool(P.standalone.match(head))
        if head in ("phòng", "sở") and not _SPACE_CAP.match(text, e0):
            continue
        e = _chunk_name(text, e0, standalone, in_component=" " in head or head[-1].isupper())
        if e == e0 and not standalone and " " not in head and not _is_abbrev(head.split()[-1]):
            continue
        if not free(s, e):
            inside = [k for k, (a, b) in enumerate(taken) if a < e and b > s]
            if not all(s <= taken[k][0] and taken[k][1] <= e and found[k].kind == "vague" for k in inside):
                continue
            for k in reversed(inside):  # "Ban Chỉ huy … các cấp" took "các cấp" in
                del found[k], taken[k]
        add(Mention(s, e, text[s:e], "body"))
    for m in re.fast_finditer(_PLACE_OWNER, text):
        s = m.start()
        if not free(s, m.end()):
            continue
        e = _chunk_name(text, m.end(), False)
        names = [f"{m.group('kind').lower()} {text[m.end():e]}"]
        end = e
        while m.group("lead"):
            nx = _COMMA_CAP.match(text, end)
            if not nx:
                break
            e2 = _chunk_name(text, nx.end(), False)
            if e2 <= nx.end() or P.head.match(text, nx.end()):
                break
            names.append(f"{m.group('kind').lower()} {text[nx.end():e2]}")
            end = e2
        if free(s, end):
            add(Mention(s, end, text[s:end], "body", names if len(names) > 1 else []))
    found.sort(key=lambda x: x.start)
    return found


# where clauses end: the spaces after ".", "!" or "?" (before more text; group 1), or one of ";:()".
# Written as `(?<=[.!?])\s+(?=\S)|[;:()]` the pattern is tried at every position (it begins with a
# look-behind), and so is `[.!?](\s+)(?=\S)|[;:()]` (the engine skips ahead only to the first
# characters of a pattern that begins with one class, not with a choice of two); here one class
# of every first character comes first, and what follows depends on which it was (the same spans:
# a test compares them)
_CLAUSE = re.compile(r"[.!?;:()](?:(?<=[.!?])(\s+)(?=\S)|(?<=[;:()]))")


_SHORT_PARENS = re.compile(r"\((?!\d{1,2}\)|[ivxIVX]{1,4}\))[^()\s]{1,15}\)")


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans: sentences, split further at ';', ':' and parentheses (not at a short
    parenthesis such as "(VTV)" or "(UBND)", which belongs to the name before it)."""
    masked = _SHORT_PARENS.sub(lambda m: " " * len(m.group()), text) if "(" in text else text
    out = []
    start = 0
    for m in _CLAUSE.finditer(masked):
        cut = m.start(1)  # the spaces after ".", "!" or "?"
        if cut < 0:
            cut = m.start()  # ";", ":", "(" or ")"
        if cut > start:
            out.append((start, cut))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


_LEAD_STRIP = re.compile(r"^[\s\-–+*•(\"“]*(?:\d+[.)]\s*|\(\w+\)\s*|[a-zđ]\)\s*)?(?:và\s+|đồng\s+thời\s+|riêng\s+)?", re.I)


def after_match(rx: "re.Pattern", text: str) -> str:
    """`text` without what `rx`, anchored at the start ("^…"), matches there: what
    rx.sub("", text, count=1) gives, without sub() trying the pattern at every later position."""
    m = rx.match(text)
    return text[m.end():] if m else text


def strip_lead(text: str) -> str:
    """`text` without its opening marks, list marker and "và"/"đồng thời"/"riêng"."""
    return after_match(_LEAD_STRIP, text)


_SENTENCE_END = re.compile(r"\.\s+\p{Lu}")


def topic_end(text: str) -> int:
    """Where a topic that opens the paragraph ends (just after its colon), or -1: "Về đề nghị các
    bộ, ngành quan tâm sớm rà soát …; hoàn thiện …: Ủy ban nhân dân thành phố … cần …". The topic
    quotes the locality's proposal: its bodies are not owners, its "sớm" not a deadline."""
    body = strip_lead(text)
    off = len(text) - len(body)
    if not patterns().topic.match(body):
        return -1
    colon = text.find(":", off)
    if colon < 0 or _SENTENCE_END.search(text, off, colon):
        return -1
    return colon + 1


def owners_in(text: str, para: int = -1, spans: list[tuple[int, int]] | None = None) -> list[Owner]:
    """The owners written in one paragraph's text, with their roles (`spans`: clauses(text),
    when the caller has them)."""
    P = patterns()
    mentions = find_mentions(text)
    out: list[Owner] = []
    topic = topic_end(text)
    for ci, (cs, ce) in enumerate(clauses(text) if spans is None else spans):
        if ce < topic or (text[ce:ce + 1] == ":" and P.topic.match(strip_lead(text[cs:ce]))):
            continue  # "Về đề nghị Chính phủ chỉ đạo Bộ Tài chính …:" names the subject, not owners
        ms = [m for m in mentions if cs <= m.start < ce]
        k = 0
        while k < len(ms):
            # a list: mentions separated by "," / "và"
            lst = [ms[k]]
            # an opening adverbial still open ("Trên cơ sở đề nghị của các Bộ, cơ quan liên quan,
            # Bộ Tài chính khẩn trương …"): its comma ends it, so the names on either side of a
            # comma are not one list
            opened = bool(P.adverbial_open.match(strip_lead(text[cs:ms[k].start])))
            while k + 1 < len(ms) and _LIST_GAP.match(text[lst[-1].end:ms[k + 1].start]) and not (
                    opened and "," in text[lst[-1].end:ms[k + 1].start]):
                k += 1
                lst.append(ms[k])
            k += 1
            pre = text[cs:lst[0].start]
            post = _SHORT_PARENS.sub("", text[lst[-1].end:ce], count=1)
            role = None
            via = ""
            chu_tri = False
            if search(P.support_end, pre):
                role, via = "support", "support"
            elif search(P.assign_end, pre):
                if not P.cited_subject.match(strip_lead(pre)):  # (else: what a cited document assigned)
                    role, via = "lead", "assign"
            else:
                via = "subject"
                bare = strip_lead(pre)
                nxt = post.lstrip(" ,")
                in_parens = cs > 0 and text[cs - 1] == "("
                past = _PAST.search(post.split(",")[0][:25])  # "Sở X đã …", not "… đề tài đã được Sở Y …"
                if _FOR_OWNER.match(bare) and _MUST.match(post):
                    role = "lead"  # "Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng …": the body that must act
                elif (not bare.strip() or P.adverbial.match(bare)) and not P.assess_after.match(post) and not past:
                    if not nxt.strip(" .:") and not in_parens:
                        role = "lead"  # "2. Sở Kế hoạch và Đầu tư:" (a heading naming the owner)
                    elif nxt[:1].islower() and (P.verb_after.match(post) or P.lead_after.match(post)
                                                or P.verb_after.match(_BY_FUNCTION_FULL.sub("", post, count=1))):
                        role = "lead"
            if role == "lead" and P.lead_after.match(post) and post.lstrip(" ,")[:1].islower():
                chu_tri = True
            if role is None:
                continue
            by_function = bool(_BY_FUNCTION.match(post))
            for m in lst:
                names = m.parts or [m.name]
                for nm in names:
                    if any(o.name == nm and o.role == role and o.clause == ci for o in out):
                        continue  # named twice in one clause (each clause keeps its own: tasks split by clause)
                    out.append(Owner(nm, role, m.kind, para, m.start, m.end, chu_tri, by_function, ci, via=via))
    return out


@lru_cache(maxsize=1)
def _beyond() -> "re.Pattern":
    return re.compile(r"^(?:các\s+)?" + alternation(OWN, "beyond_issuer") + r"(?:\s+[^,;.()]{0,30})?\W*$", re.I)


_OF = re.compile(r"\s+của\s+[^,;.()]{1,40}")


def beyond_issuer(name: str, after: str = "") -> bool:
    """A body the issuer of a notice cannot set a deadline for (rules/owners.toml
    [beyond_issuer]: the National Assembly and its bodies, the Party's central bodies).
    `after`: the text after the name ("của Quốc hội" is not part of a name but says whose)."""
    m = _OF.match(after)
    return bool(_beyond().match(name.strip() + (m.group() if m else "")))


def several_leads(owners: list[Owner]) -> list[Owner]:
    """Leads named "chủ trì" together in one clause (A303), or [] when there is one."""
    by_clause: dict[tuple, list[Owner]] = {}
    for o in owners:
        if o.role == "lead" and o.chu_tri:
            by_clause.setdefault((o.para, o.clause), []).append(o)
    for group in by_clause.values():
        if len({o.name for o in group}) >= 2:
            return group
    return []
