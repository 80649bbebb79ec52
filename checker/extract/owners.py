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

import regex as re

from .tasklex import alternation

OWN = "owners.toml"
DIR = "directives.toml"


@dataclass
class Mention:
    start: int
    end: int
    name: str
    kind: str  # "body" | "person" | "group" | "vague"
    parts: list[str] = field(default_factory=list)  # a factored list: the bodies it names


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


@dataclass(frozen=True)
class _P:
    group: "re.Pattern"
    vague: "re.Pattern"
    head: "re.Pattern"
    standalone: "re.Pattern"
    place: "re.Pattern"
    title: "re.Pattern"
    stop: "re.Pattern"
    assign_end: "re.Pattern"
    support_end: "re.Pattern"
    lead_after: "re.Pattern"
    verb_after: "re.Pattern"
    modal: "re.Pattern"
    adverbial: "re.Pattern"
    assess_after: "re.Pattern"


@lru_cache(maxsize=1)
def patterns() -> _P:
    o = lambda s: alternation(OWN, s)  # noqa: E731
    d = lambda s: alternation(DIR, s)  # noqa: E731
    W = r"(?![\w])"
    modal = r"(?:\s*,?\s*" + d("modals") + r")*"
    return _P(
        group=re.compile(r"(?<![\w])" + o("broad_groups") + W, re.I),
        vague=re.compile(r"(?<![\w])" + o("vague_owners") + W, re.I),
        head=re.compile(r"(?<![\w])(?:" + o("body_heads") + r"|phòng|sở)" + W),
        standalone=re.compile(o("standalone_heads") + r"$"),
        place=re.compile(r"(?:" + o("places") + r")" + W),
        title=re.compile(r"(?<![\w])" + o("person_titles") + W),
        stop=re.compile(o("name_stops") + W),
        assign_end=re.compile(r"(?<![\w])" + d("assignment") + r"(?:\s+cho)?\s*[:,]?\s*$", re.I),
        support_end=re.compile(r"(?<![\w])" + d("support_marker") + r"\s*$", re.I),
        lead_after=re.compile(r"^" + modal + r"\s*,?\s*" + d("lead_marker") + W, re.I),
        verb_after=re.compile(r"^" + modal + r"\s*,?\s*(?:" + d("directive_verbs") + r"|" + d("support_marker") + r")" + W, re.I),
        modal=re.compile(modal, re.I),
        adverbial=re.compile(r"^\s*(?:" + d("adverbials") + r")\b[^,]{0,160},\s*(?:đồng\s+thời\s+|riêng\s+)?$", re.I),
        assess_after=re.compile(r"^\s*(?:đã|đang|được|vẫn|còn|là|có\s+(?!trách|báo|văn|giải|kế|phương))" + W, re.I),
    )


_WORD = re.compile(r"[\w&/.\-–]+|[,:;()]")
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+và\s+|\s+hoặc\s+|\s*,\s*và\s+|\s+cùng\s+)$")
_FACTORED = re.compile(r"(?<![\w])(?P<head>[Cc]ác\s+(?:Sở|Bộ|Tập\s+đoàn|Tổng\s+công\s+ty|Phòng|Ban|Cục|Tổng\s+cục))\s*:\s*")
_PLACE_OWNER = re.compile(r"(?<![\w])(?P<lead>(?:[Cc]ác\s+)?)(?P<kind>[Tt]ỉnh|[Tt]hành\s+phố)\s+(?=\p{Lu})")
_CAP = re.compile(r"^\p{Lu}")


def _is_cap(tok: str) -> bool:
    return bool(_CAP.match(tok))


def _is_abbrev(tok: str) -> bool:
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
        m = re.match(r"\s*", text[i:])
        j = i + m.end()
        if j >= n:
            break
        rest = text[j:]
        if rest[0] in "-–&" and re.match(r"[-–&]\s*\p{Lu}", rest):
            i = j + re.match(r"[-–&]\s*", rest).end()
            continue
        if rest[0] == ",":
            # "Sở Văn hóa, Thể thao và Du lịch": a comma inside a name, before "… và …"
            mm = re.match(r",\s*((?:\p{Lu}\w*\s*){1,3}(?:\s*\w+){0,2}?)\s+và\s+\p{Lu}", rest)
            if comma and mm and not P.head.match(mm.group(1)):
                i = j + 1
                continue
            ab = re.match(r",\s*([\w&]+)(?=\s|,|$)", rest)  # "Phòng NN&PTNT, TN&MT"
            if comma and ab and "&" in ab.group(1) and _is_abbrev(ab.group(1)):
                end = j + ab.end()
                i = end
                continue
            break
        tm = _WORD.match(rest)
        if not tm or tm.group() in (",", ":", ";", "(", ")"):
            break
        tok = tm.group()
        if tok == "và":
            nxt = re.match(r"và\s+(\S+)", rest)
            if not nxt:
                break
            after = j + nxt.start(1)
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
    q = re.match(r"\s+các\s+cấp\b", text[end:])  # "Ban Chỉ huy … các cấp"
    if q and end > pos:
        end += q.end()
    return end


def _person_end(text: str, i: int) -> int:
    """End of "Title [Body] [Name]" starting at i (a title), or i when there is no title."""
    P = patterns()
    tm = P.title.match(text, i)
    if not tm:
        return i
    e = tm.end()
    hm = re.match(r"\s+", text[e:])
    if hm and P.head.match(text, e + hm.end()):
        h = P.head.match(text, e + hm.end())
        e = _chunk_name(text, h.end(), bool(P.standalone.match(h.group())), " " in h.group())
    nm = re.match(r"(?:\s+\p{Lu}\w*){1,4}", text[e:])
    if nm:
        e += nm.end()
    return e


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a possible owner in `text`, in order, without overlaps."""
    P = patterns()
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    def add(m: Mention):
        found.append(m)
        taken.append((m.start, m.end))

    # factored lists: "Các Sở: Kế hoạch và Đầu tư, Công Thương, Tài chính"
    for fm in _FACTORED.finditer(text):
        head = fm.group("head").split(None, 1)[1]
        i = fm.end()
        parts = []
        end = i
        while i < len(text) and _is_cap(text[i:i + 1]):
            e = _chunk_name(text, i, False, comma=False)
            if e <= i:
                break
            parts.append(f"{head} {text[i:e]}")
            end = e
            nx = re.match(r"\s*,\s*|\s+và\s+", text[e:])
            if not nx:
                break
            i = e + nx.end()
        if parts:
            add(Mention(fm.start(), end, text[fm.start():end], "body", parts))
    for rx, kind in ((P.group, "group"), (P.vague, "vague")):
        for m in rx.finditer(text):
            s, e = m.span()
            # a group followed by ":" and names ("UBND các tỉnh, thành phố: Tuyên Quang, …")
            lm = re.match(r"\s*:\s*((?:\p{Lu}[\w]*(?:\s+\p{Lu}[\w]*)*)(?:\s*,\s*\p{Lu}[\w]*(?:\s+\p{Lu}[\w]*)*)*)", text[e:])
            if kind == "group" and lm:
                names = [x.strip() for x in lm.group(1).split(",")]
                add_e = e + lm.end()
                if free(s, add_e):
                    add(Mention(s, add_e, text[s:add_e], "body", names))
                continue
            if free(s, e):
                add(Mention(s, e, text[s:e].strip(), kind))
    # persons: "đồng chí Lê Thanh Huy - Phó Chủ tịch UBND huyện", "Phó Thủ tướng … Trần Hồng Hà"
    for m in re.finditer(r"(?<![\w])đồng\s+chí\s+", text):
        if not free(m.start(), m.end()):
            continue
        i = m.end()
        e = _person_end(text, i)
        if e == i:
            nm = re.match(r"(?:\p{Lu}\w*)(?:\s+\p{Lu}\w*){0,3}", text[i:])
            if nm:
                e = i + nm.end()
                sep = re.match(r"\s*[-–,]?\s*", text[e:])
                e2 = _person_end(text, e + sep.end())
                if e2 > e + sep.end():
                    e = e2
        if e > i and free(m.start(), e):
            add(Mention(m.start(), e, text[m.start():e], "person"))
    for m in P.title.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if re.search(r"(?:các|những)\s*$", text[max(0, m.start() - 6):m.start()]):
            continue
        e = _person_end(text, m.start())
        if e > m.end() and free(m.start(), e):  # a bare "Chủ tịch" is the speaker, not an owner
            add(Mention(m.start(), e, text[m.start():e], "person"))
    for m in P.head.finditer(text):
        s, e0 = m.span()
        if not free(s, e0):
            continue
        head = m.group()
        standalone = bool(P.standalone.match(head))
        if head in ("phòng", "sở") and not re.match(r"\s+\p{Lu}", text[e0:]):
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
    for m in _PLACE_OWNER.finditer(text):
        s = m.start()
        if not free(s, m.end()):
            continue
        e = _chunk_name(text, m.end(), False)
        names = [f"{m.group('kind').lower()} {text[m.end():e]}"]
        end = e
        while m.group("lead"):
            nx = re.match(r"\s*,\s*(?=\p{Lu})", text[end:])
            if not nx:
                break
            e2 = _chunk_name(text, end + nx.end(), False)
            if e2 <= end + nx.end() or P.head.match(text[end + nx.end():]):
                break
            names.append(f"{m.group('kind').lower()} {text[end + nx.end():e2]}")
            end = e2
        if free(s, end):
            add(Mention(s, end, text[s:end], "body", names if len(names) > 1 else []))
    found.sort(key=lambda x: x.start)
    return found


_CLAUSE = re.compile(r"(?<=[.!?])\s+(?=\S)|[;:()]")


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans: sentences, split further at ';', ':' and parentheses."""
    out = []
    start = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


_LEAD_STRIP = re.compile(r"^[\s\-–+*•(\"“]*(?:\d+[.)]\s*|\(\w+\)\s*|[a-zđ]\)\s*)?(?:và\s+|đồng\s+thời\s+|riêng\s+)?", re.I)


def owners_in(text: str, para: int = -1) -> list[Owner]:
    """The owners written in one paragraph's text, with their roles."""
    P = patterns()
    mentions = find_mentions(text)
    out: list[Owner] = []
    for ci, (cs, ce) in enumerate(clauses(text)):
        ms = [m for m in mentions if cs <= m.start < ce]
        k = 0
        while k < len(ms):
            # a list: mentions separated by "," / "và"
            lst = [ms[k]]
            while k + 1 < len(ms) and _LIST_GAP.match(text[lst[-1].end:ms[k + 1].start]):
                k += 1
                lst.append(ms[k])
            k += 1
            pre = text[cs:lst[0].start]
            post = text[lst[-1].end:ce]
            role = None
            via = ""
            chu_tri = False
            if P.support_end.search(pre):
                role, via = "support", "support"
            elif P.assign_end.search(pre):
                role, via = "lead", "assign"
            else:
                via = "subject"
                bare = _LEAD_STRIP.sub("", pre)
                if (not bare.strip() or P.adverbial.match(bare)) and not P.assess_after.match(post):
                    if not post.strip() or post.strip() in (":", ".") or P.verb_after.match(post) or P.lead_after.match(post):
                        role = "lead"
            if role == "lead" and P.lead_after.match(post):
                chu_tri = True
            if role is None:
                continue
            by_function = bool(re.match(r"\s*,?\s*theo\s+chức\s+năng", post, re.I))
            for m in lst:
                names = m.parts or [m.name]
                for nm in names:
                    out.append(Owner(nm, role, m.kind, para, m.start, m.end, chu_tri, by_function, ci, via=via))
    return out


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
