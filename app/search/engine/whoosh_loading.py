"""Whoosh loaded without two heavy imports it never uses: a third of a `search` command's start.

In the tested Whoosh, `whoosh.compat` imports `urllib.request` (with http.client, ssl and
email, 30 ms) only to re-export `urlretrieve`, which no part of Whoosh calls, and
`whoosh.reading` takes `cached_property` from the package of that name, which imports asyncio
(30 ms) for coroutine methods; Whoosh's one such property (`deleted_docs_set`) is a plain one.

So while Whoosh's modules load, `sys.modules` holds a stand-in for each: `cached_property` is
the standard library's, and `urlretrieve` imports the real module when called; any other name
asked of a stand-in (by another thread importing meanwhile) imports the real module and answers
from it. Both are taken out once Whoosh is loaded; later imports get the real modules. A module
already imported is never replaced, and with any Whoosh but the tested one (`TESTED_WHOOSH`, the
release whose imports were read) nothing is.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import whoosh  # the package's __init__ only: its version, nothing else loaded

TESTED_WHOOSH = "2.7.5"
"""The Whoosh release (distribution whoosh-reloaded, pinned in setup.cfg) whose imports and private code were read."""
_URLLIB_REQUEST = "urllib.request"
_CACHED_PROPERTY = "cached_property"


def installed_whoosh() -> str:
    """The installed Whoosh version as "major.minor.patch"."""
    return ".".join(map(str, whoosh.__version__))


class _StandIn(types.ModuleType):
    """A module in `sys.modules` that holds a few names of its own and answers any other by importing the
    real module (taking itself out first), as a package's attribute too (`import urllib.request` then
    `urllib.request.Request` reads the parent's attribute, which the import system sets only for a real
    import)."""

    def __init__(self, name: str, own: dict[str, Any]) -> None:
        super().__init__(name)
        self.__dict__.update(own)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for `__path__` and the like: not a package
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> types.ModuleType:
    """The real module `name`, imported once its stand-in is out of the way."""
    _withdraw(name)
    return importlib.import_module(name)


def _withdraw(name: str) -> None:
    if isinstance(sys.modules.get(name), _StandIn):
        del sys.modules[name]
    parent, _, child = name.rpartition(".")
    if parent and isinstance(getattr(sys.modules.get(parent), child, None), _StandIn):
        delattr(sys.modules[parent], child)


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    return _real(_URLLIB_REQUEST).urlretrieve(*args, **kwargs)


_OWN: dict[str, dict[str, Any]] = {
    _URLLIB_REQUEST: {"urlretrieve": _urlretrieve},
    _CACHED_PROPERTY: {"cached_property": functools.cached_property},
}


@contextmanager
def _stand_ins() -> Iterator[None]:
    placed: list[str] = []
    if installed_whoosh() == TESTED_WHOOSH and "whoosh.compat" not in sys.modules:
        for name, own in _OWN.items():
            if name not in sys.modules:
                stand_in = sys.modules[name] = _StandIn(name, own)
                parent, _, child = name.rpartition(".")
                if parent:
                    setattr(importlib.import_module(parent), child, stand_in)  # `urllib` itself is light
                placed.append(name)
    try:
        yield
    finally:
        for name in placed:
            _withdraw(name)


def load_whoosh() -> None:
    """Import the Whoosh modules the engine uses, with the stand-ins in place while they load."""
    with _stand_ins():
        for name in ("whoosh.compat", "whoosh.reading", "whoosh.searching"):
            importlib.import_module(name)
