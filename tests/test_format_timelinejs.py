"""The timelinejs format: TimelineJS3 slides with only the date fields that are known."""

from __future__ import annotations

import datetime as dt
import html
import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest
from generated import small_timelines
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.formats import ExportContext, render
from timeline.formats.timelinejs import to_timelinejs
from timeline.models import DocumentResult, Event, Source, Timeline

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))
_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
               "autolink", "unique_id"}
_DATE_KEYS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.extract([str(p) for p in SEEDS])


def event(value: str | None, *, mod: str | None = None, label: str = "talks",
          ident: str = "ev-1") -> Event:
    source = Source(document="a.txt", start=0, end=5, text="talks", language="en")
    return Event(id=ident, type="meeting", label=label, value=value, mod=mod, mentions=[source])


def slides(*events: Event) -> list[dict[str, Any]]:
    t = Timeline(documents=[DocumentResult(id="a.txt", language="en")], events=list(events))
    data = to_timelinejs(t)
    assert_valid(data)
    return list(data["events"])


def assert_date(date: dict[str, Any]) -> None:
    assert set(date) <= {*_DATE_KEYS, "display_date"}
    numbers = [k for k in _DATE_KEYS if k in date]
    assert numbers == list(_DATE_KEYS[:len(numbers)]), "only leading fields, none skipped"
    assert all(type(date[k]) is int for k in numbers)
    dt.datetime(date["year"], date.get("month", 1), date.get("day", 1), date.get("hour", 0),
                date.get("minute", 0), date.get("second", 0))


def assert_valid(data: dict[str, Any]) -> None:
    """The structure the TimelineJS3 JSON format documents."""
    assert set(data) <= {"events", "title", "eras", "scale"}
    assert isinstance(data["title"]["text"]["headline"], str)
    for slide in data["events"]:
        assert set(slide) <= _SLIDE_KEYS
        assert_date(slide["start_date"])
        if "end_date" in slide:
            assert_date(slide["end_date"])
        assert set(slide["text"]) == {"headline", "text"}
    ids = [s["unique_id"] for s in data["events"]]
    assert len(ids) == len(set(ids))


def test_seeds_give_one_slide_per_dated_event(seeds: Timeline) -> None:
    out = render("timelinejs", seeds, ExportContext())
    assert isinstance(out, str)
    data = json.loads(out)
    assert_valid(data)
    dated = [e for e in seeds.events if e.earliest]
    assert [s["unique_id"] for s in data["events"]] == [e.id for e in dated]
    for slide, e in zip(data["events"], dated, strict=True):
        assert slide["text"]["headline"] == html.escape(e.label)
        assert slide["group"] == e.type
        assert slide["start_date"]["year"] == int((e.earliest or "")[:4])
    assert len(dated) < len(seeds.events)


@pytest.mark.parametrize(("value", "start", "end", "display"), [
    ("2025", {"year": 2025}, None, None),
    ("2025-02", {"year": 2025, "month": 2}, None, None),
    ("2025-02-19", {"year": 2025, "month": 2, "day": 19}, None, None),
    ("2025-02-19/2025-02-21", {"year": 2025, "month": 2, "day": 19},
     {"year": 2025, "month": 2, "day": 21}, None),
    ("2025-04-14T14:12", {"year": 2025, "month": 4, "day": 14, "hour": 14, "minute": 12}, None,
     None),
    ("2025-SP", {"year": 2025, "month": 3}, {"year": 2025, "month": 5}, "2025-SP"),
    ("2025-W08", {"year": 2025, "month": 2, "day": 17}, {"year": 2025, "month": 2, "day": 23},
     "2025-W08"),
    ("199", {"year": 1990}, {"year": 1999}, "199"),
    ("2025-XX-20", {"year": 2025}, None, "2025-XX-20"),
    ("2025-02-20TAF", {"year": 2025, "month": 2, "day": 20}, None, "2025-02-20TAF"),
])
def test_only_known_fields(value: str, start: dict[str, int], end: dict[str, int] | None,
                           display: str | None) -> None:
    [slide] = slides(event(value))
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide.get("display_date") == display


def test_modifiers_are_said_in_the_display_date() -> None:
    before, start = slides(event("2026", mod="BEFORE", ident="a"),
                           event("2025-SP", mod="START", ident="b"))
    assert (before["start_date"], before["display_date"]) == ({"year": 2026}, "before 2026")
    assert start["display_date"] == "start of 2025-SP"


def test_undated_events_are_left_out() -> None:
    kept = slides(event(None, ident="a"), event("XXXX-02-20", ident="b"),
                  event("PAST_REF", ident="c"), event("2024", ident="d"))
    assert [s["unique_id"] for s in kept] == ["d"]


def test_text_is_escaped_html_with_sources() -> None:
    text = "It rained. Envoys <b>met</b> & talked on 4 March 2025."
    t = timeline.extract([timeline.Document(id="a.txt", text=text, language="en")])
    [slide] = to_timelinejs(t, {"a.txt": text})["events"]
    body = slide["text"]["text"]
    assert "<b>met</b>" not in body
    assert "Envoys &lt;b&gt;met&lt;/b&gt; &amp; talked on 4 March 2025." in body
    assert body.startswith("<p>meeting · en</p><ul><li><b>a.txt</b>: ")


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1))
def test_any_label_survives(label: str) -> None:
    [slide] = slides(event("2025-03-04", label=label))
    data = json.loads(json.dumps(slide, ensure_ascii=False))
    assert html.unescape(data["text"]["headline"]) == label


@settings(max_examples=15, deadline=None)
@given(small_timelines)
def test_generated_timelines_give_valid_json(t: Timeline) -> None:
    out = render("timelinejs", t, ExportContext())
    assert isinstance(out, str)
    data = json.loads(out)
    assert_valid(data)
    assert len(data["events"]) == sum(1 for e in t.events if e.earliest)


def test_cli_writes_timelinejs(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "timeline.json"
    done = subprocess.run([sys.executable, "-m", "timeline", "extract", *map(str, SEEDS),
                           "--format", "timelinejs", "-o", str(target)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert_valid(data)
    assert data["events"]
