"""Whoosh loads without `urllib.request` and asyncio, and everything that asks for them still gets them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from app.search.engine.whoosh_loading import _StandIn, _urlretrieve

ROOT = Path(__file__).resolve().parents[3]

_PROBE = """
import json, sys
import whoosh
if len(sys.argv) > 1:
    whoosh.__version__ = (2, 8, 0)
import app.search.engine
import whoosh.compat, whoosh.reading
heavy = sorted(m for m in ("urllib.request", "http.client", "asyncio", "cached_property") if m in sys.modules)
stand_in = type(sys.modules.get("urllib.request")).__name__
prop = type(whoosh.reading.SegmentReader.__dict__["deleted_docs_set"]).__module__
import urllib.request
real = urllib.request.urlopen.__module__
print(json.dumps({"heavy": heavy, "stand_in": stand_in, "property": prop, "urlopen": real}))
"""


def _probe(*args: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_tested_whoosh_loads_without_urllib_request_and_asyncio() -> None:
    found = _probe()
    assert found["heavy"] == []  # and no stand-in left behind in sys.modules
    assert found["stand_in"] == "NoneType"
    assert found["property"] == "functools"  # deleted_docs_set: the standard library's cached_property
    assert found["urlopen"] == "urllib.request"  # a later import gets the real module


def test_another_whoosh_loads_its_own_imports_untouched() -> None:
    found = _probe("untested")
    assert {"urllib.request", "asyncio", "cached_property"} <= set(found["heavy"])
    assert found["property"] == "cached_property"


_WINDOW = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("lean", "app/search/engine/whoosh_loading.py")
lean = importlib.util.module_from_spec(spec); spec.loader.exec_module(lean)  # the stand-ins without loading Whoosh
with lean._stand_ins():
    import urllib.request  # as another thread might, while Whoosh loads
    request = urllib.request.Request("http://example.org/").full_url
    from cached_property import threaded_cached_property
    import cached_property as package
    kinds = [type(sys.modules.get(name)).__name__ for name in ("urllib.request", "cached_property")]
left = [name for name in ("urllib.request", "cached_property") if type(sys.modules.get(name)).__name__ == "_StandIn"]
import urllib.request
print(json.dumps({"request": request, "threaded": threaded_cached_property.__name__, "left": left,
                  "package": package.cached_property.__module__, "after": urllib.request.urlopen.__module__}))
"""


def test_code_importing_the_modules_meanwhile_gets_what_it_asks_for() -> None:
    """Another thread importing urllib.request or cached_property while Whoosh loads meets the stand-ins:
    every name it asks for, and `urllib.request` as the package's attribute, are the real ones."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _WINDOW], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=True)  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["request"] == "http://example.org/" and found["threaded"] == "threaded_cached_property"
    assert found["left"] == [] and found["after"] == "urllib.request"


def test_the_stand_in_answers_every_name_with_the_real_modules(tmp_path: Path) -> None:
    stand_in = _StandIn("urllib.request", {"urlretrieve": _urlretrieve})
    assert stand_in.urlopen is urllib.request.urlopen and stand_in.Request is urllib.request.Request
    assert not hasattr(stand_in, "__path__")  # not taken for a package by the import system
    source = tmp_path / "page.txt"
    source.write_text("fetched", encoding="utf-8")
    copy, _headers = stand_in.urlretrieve(source.as_uri(), str(tmp_path / "copy.txt"))
    assert Path(copy).read_text(encoding="utf-8") == "fetched"
    with pytest.raises(AttributeError):
        stand_in.no_such_name  # noqa: B018
