"""checker.record.Frozen behaves as @dataclass(frozen=True) for the records built from it (the
compiled patterns of tasks, owners, task tables and deadlines), without the class-making cost."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from checker.extract import deadlines, owners, tasks, tasktable
from checker.record import Frozen


@dataclasses.dataclass(frozen=True)
class Pair:
    first: str
    second: tuple


class FPair(Frozen):
    first: str
    second: tuple


class Triple(FPair):
    third: int


def test_built_read_and_shown_as_the_frozen_dataclass():
    for args, kwargs in ((("a", (1,)), {}), (("a",), {"second": (1,)}), ((), {"second": (1,), "first": "a"})):
        d, f = Pair(*args, **kwargs), FPair(*args, **kwargs)
        assert (f.first, f.second) == (d.first, d.second)
        assert repr(f) == repr(d).replace("Pair(", "FPair(")
        assert f == FPair("a", (1,)) and hash(f) == hash(FPair("a", (1,))) == hash(("a", (1,)))
    assert FPair("a", (1,)) != FPair("a", (2,)) and FPair("a", (1,)) != ("a", (1,))
    assert Triple("a", (), 3)._values() == ("a", (), 3) and Triple._fields == ("first", "second", "third")
    assert pickle.loads(pickle.dumps(Triple("a", (), 3))) == Triple("a", (), 3)


@pytest.mark.parametrize("args, kwargs", [(("a",), {}), (("a", 1, 2), {}), (("a", 1), {"first": "b"}),
                                          (("a", 1), {"third": 3})])
def test_wrong_arguments_raise_type_error_as_the_dataclass_does(args, kwargs):
    with pytest.raises(TypeError):
        Pair(*args, **kwargs)
    with pytest.raises(TypeError):
        FPair(*args, **kwargs)


def test_read_only():
    f = FPair("a", ())
    for change in (lambda: setattr(f, "first", "b"), lambda: setattr(f, "other", 1), lambda: delattr(f, "first")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            change()
    assert f.first == "a" and not hasattr(f, "other")


@pytest.mark.parametrize("module", [tasks, owners, tasktable, deadlines])
def test_each_pattern_record_has_every_field(module):
    p = module.patterns()
    assert isinstance(p, Frozen) and p._fields
    assert all(getattr(p, n) is not None for n in p._fields)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(p, p._fields[0], None)


class WithDefaults(Frozen):
    first: str
    second: tuple = ()
    third: int = 0


@dataclasses.dataclass(frozen=True)
class DWithDefaults:
    first: str
    second: tuple = ()
    third: int = 0


def test_defaults_as_the_frozen_dataclass():
    for args, kwargs in ((("a",), {}), (("a", (1,)), {}), (("a",), {"third": 3}), ((), {"first": "a", "second": (2,)})):
        d, f = DWithDefaults(*args, **kwargs), WithDefaults(*args, **kwargs)
        assert repr(f) == repr(d).replace("DWithDefaults(", "WithDefaults(")
        assert hash(f) == hash(dataclasses.astuple(d))
    with pytest.raises(TypeError):
        WithDefaults()
    with pytest.raises(TypeError):
        class Bad(Frozen):  # noqa: F841 - as a dataclass: no field without a default after one with
            first: str = ""
            second: int
    with pytest.raises(dataclasses.FrozenInstanceError):
        WithDefaults("a").third = 1


def test_citation_rule_data_records_are_frozen_records():
    from checker.extract import citations

    t = citations.tables()
    dt = t.types[0]
    assert isinstance(dt, Frozen) and dt.name == dt.names[0] and dt == type(dt)(*dt._values())
    assert all(isinstance(x, Frozen) for x in (*t.issuers, *t.laws, *citations.national_documents().values()))
    assert {d.generic_names for d in t.types} >= {()}  # the default where doc_types.toml has none
