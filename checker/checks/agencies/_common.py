"""What the N4xx rules share: how a difference between a written name and the official one is
put in words."""
from __future__ import annotations

from ...diagnostics import Msg


def describe(what: list[tuple]) -> Msg:
    """'thiếu "lâm"; "-" thay cho ","' from the matcher's notes."""
    vi, en = [], []
    for item in what:
        if item[0] == "missing":
            vi.append(f"thiếu \"{item[1]}\"")
            en.append(f"\"{item[1]}\" is missing")
        elif item[0] == "extra":
            vi.append(f"thừa \"{item[1]}\"")
            en.append(f"extra \"{item[1]}\"")
        else:
            vi.append(f"\"{item[1]}\" thay cho \"{item[2]}\"")
            en.append(f"\"{item[1]}\" instead of \"{item[2]}\"")
    return Msg("; ".join(vi), "; ".join(en))


def day(d) -> str:
    return d.strftime("%d/%m/%Y")
