"""Every example in ``timeline/lang/corpus/<code>.toml`` is one test.

An ``[[example]]`` either is one expression spanning its whole ``text`` (with
``value``, optional ``type`` and ``mod``), or lists what its text must yield
in ``expect``. A ``[[negative]]`` must yield no expression at all. An entry
with ``limitation = "why"`` documents a known gap: it is a strict xfail, so
the suite fails the day the engine learns it and the marker must go.
"""

from __future__ import annotations

import pathlib
import tomllib
from typing import Any

import pytest

import timeline

CORPUS_DIR = pathlib.Path(timeline.__file__).parent / "lang" / "corpus"


def _cases() -> list[Any]:
    cases = []
    for path in sorted(CORPUS_DIR.glob("*.toml")):
        code = path.stem
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        reference = data.get("reference")
        for kind, negative in (("example", False), ("negative", True)):
            for k, ex in enumerate(data.get(kind, []), start=1):
                marks = ([pytest.mark.xfail(reason=ex["limitation"], strict=True)]
                         if "limitation" in ex else [])
                label = f"{code}-{'neg' if negative else ''}{k}-{ex['text'][:40]}"
                cases.append(pytest.param(code, reference, ex, negative, id=label, marks=marks))
    return cases


def expected(ex: dict[str, Any]) -> list[dict[str, Any]]:
    """The expressions an example must yield, with defaults filled in."""
    items = ex.get("expect")
    if items is None:
        items = [{"text": ex["text"], "value": ex["value"], "type": ex.get("type", "DATE"),
                  "mod": ex.get("mod")}]
    return [{"text": i["text"], "value": i["value"], "type": i.get("type", "DATE"),
             "mod": i.get("mod")} for i in items]


@pytest.mark.parametrize(("code", "reference", "ex", "negative"), _cases())
def test_example(code: str, reference: str | None, ex: dict[str, Any], negative: bool) -> None:
    text = ex["text"]
    found = timeline.tag(text, language=code, published=ex.get("reference", reference) or None)
    got = [{"text": t.text, "value": t.value, "type": t.type, "mod": t.mod} for t in found]
    if negative:
        assert got == [], f"expected no time expression in {text!r}"
    else:
        assert got == expected(ex)
    for t in found:
        assert text[t.start:t.end] == t.text
