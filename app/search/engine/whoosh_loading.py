"""Whoosh loaded without two heavy imports it never uses: a third of a `search` command's start.

In the tested Whoosh, `whoosh.compat` imports `urllib.request` (with http.client, ssl and
email, 30 ms) only to re-export `urlretrieve`, which no part of Whoosh calls, and
`whoosh.reading` takes `cached_property` from the package of that name, which imports asyncio
(30 ms) for coroutine methods; Whoosh's one such property (`deleted_docs_set`) is a plain one.

So while Whoosh's modules load, `sys.modules` holds a stand-in for each: `cached_property` is
the standard library's, and `urllib.request` gives a `urlretrieve` that imports the real module
when called, and any other name by importing the real module, so code that meets the stand-in
still works. Both are taken out once Whoosh is loaded; later imports get the real modules. A
module already imported is never replaced, and with any Whoosh but the tested one (`TESTED_WHOOSH`, the release
whose imports were read) nothing is.
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


def _real_urllib_request() -> types.ModuleType:
    if isinstance(sys.modules.get(_URLLIB_REQUEST), _UrllibRequestStandIn):
        del sys.modules[_URLLIB_REQUEST]
    return importlib.import_module(_URLLIB_REQUEST)


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    return _real_urllib_request().urlretrieve(*args, **kwargs)


class _UrllibRequestStandIn(types.ModuleType):
    """`urllib.request` until something other than `urlretrieve` is asked of it."""

    def __init__(self) -> None:
        super().__init__(_URLLIB_REQUEST)
        self.urlretrieve = _urlretrieve

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for `__path__` and the like: not a package
            raise AttributeError(name)
        return getattr(_real_urllib_request(), name)


def _cached_property_stand_in() -> types.ModuleType:
    module = types.ModuleType(_CACHED_PROPERTY)
    module.cached_property = functools.cached_property  # type: ignore[attr-defined]
    return module


@contextmanager
def _stand_ins() -> Iterator[None]:
    placed: dict[str, types.ModuleType] = {}
    if installed_whoosh() == TESTED_WHOOSH and "whoosh.compat" not in sys.modules:
        for name, make in ((_URLLIB_REQUEST, _UrllibRequestStandIn), (_CACHED_PROPERTY, _cached_property_stand_in)):
            if name not in sys.modules:
                placed[name] = sys.modules[name] = make()
    try:
        yield
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def load_whoosh() -> None:
    """Import the Whoosh modules the engine uses, with the stand-ins in place while they load."""
    with _stand_ins():
        for name in ("whoosh.compat", "whoosh.reading", "whoosh.searching"):
            importlib.import_module(name)
