"""Pathological and hostile input: never a crash, offsets always valid.

Speed on such input is measured by benchmarks, not asserted here; the sizes
below only make sure every path runs on repetitive text.
"""

from __future__ import annotations

import pytest

import timeline
from timeline.models import Document

CASES = {
    "digits": "1" * 50_000,
    "month names": "januari " * 6_000,
    "year dashes": "2025-" * 10_000,
    "dates": "18 januari 1950, " * 3_000,
    "stops": "." * 50_000,
    "newlines": "\n" * 50_000,
    "one long word": "a" * 50_000,
    "numbers": ", ".join(str(i % 30 + 1) for i in range(15_000)),
    "triggers": "voorjaarsbijeenkomst van 2025 " * 1_500,
    "control characters": "".join(chr(c) for c in range(32)) * 1_000,
    "surrogates and symbols": "\ud800\udfff€£¥©®™" * 5_000,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_text_is_handled(name: str) -> None:
    text = CASES[name]
    t = timeline.extract([Document(id=name, text=text, language="nl")])
    [doc] = t.documents
    for x in doc.timexes:
        assert text[x.start:x.end] == x.text
    for e in t.events:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_absurd_years_and_invalid_dates() -> None:
    for text in ("99999", "in the year 0", "31 February 2025", "2025-13-45", "24:61",
                 "the 0th century", "Q5 2025", "week 99"):
        for t in timeline.tag(text, language="en", published="2025-02-21"):
            timeline.TimexValue.parse(t.value)
