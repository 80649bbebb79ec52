"""Frozen records without the class-making cost of a dataclass.

Python 3.11 writes and compiles the methods of every @dataclass when its module is imported
(0.5-1.8 ms each for a record of a dozen compiled patterns). The few records a module builds once
per process (its compiled patterns, its rule data) are subclasses of Frozen instead: the same
behaviour as @dataclass(frozen=True) (built by position or name, read-only, equal when their class
and values are, hashed and shown by their values; defaults that are immutable values), methods
written once here.
tests/test_record.py compares it with the dataclass.
"""
from __future__ import annotations

from dataclasses import FrozenInstanceError


class Frozen:
    """Fields: the annotations of the class (and of its Frozen bases first), in order. A field
    given a value in the class body has it as its default (an immutable value: as a dataclass,
    no field without a default may follow one with a default)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _defaults: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        own = tuple(n for n in cls.__dict__.get("__annotations__", {}) if n not in cls._fields)
        cls._fields = cls._fields + own
        cls._defaults = {**cls._defaults, **{n: cls.__dict__[n] for n in own if n in cls.__dict__}}
        defaulted = False
        for n in cls._fields:
            if n in cls._defaults:
                defaulted = True
            elif defaulted:
                raise TypeError(f"non-default argument {n!r} follows default argument")

    def __init__(self, *args, **kwargs):
        names = self._fields
        if not kwargs and len(args) == len(names):  # every field by position (most records): no checks to make
            for n, value in zip(names, args):
                object.__setattr__(self, n, value)
            return
        name = type(self).__qualname__
        if len(args) > len(names):
            raise TypeError(f"{name}.__init__() takes {len(names) + 1} positional arguments but {len(args) + 1} were given")
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key in values:
                raise TypeError(f"{name}.__init__() got multiple values for argument '{key}'")
            if key not in names:
                raise TypeError(f"{name}.__init__() got an unexpected keyword argument '{key}'")
            values[key] = value
        for n, value in self._defaults.items():
            values.setdefault(n, value)
        missing = [n for n in names if n not in values]
        if missing:
            raise TypeError(f"{name}.__init__() missing {len(missing)} required argument(s): "
                            + ", ".join(repr(n) for n in missing))
        for n in names:
            object.__setattr__(self, n, values[n])

    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in self._fields)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self):
        return hash(self._values())

    def __repr__(self):
        return f"{type(self).__qualname__}(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields) + ")"
