"""The ics format: valid iCalendar (parsed with icalendar), dates, caveats, escaping, folding."""

from __future__ import annotations

import datetime as dt
import pathlib
import subprocess
import sys

import pytest
from generated import small_timelines
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.formats import ExportContext, render
from timeline.formats.ics import OPEN_MODS, event_uid, fold, to_ics
from timeline.models import DocumentResult, Event, Source, Timeline

icalendar = pytest.importorskip("icalendar")

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.extract([str(p) for p in SEEDS])


def vevents(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def timeline_of(*events: Event, published: dt.date | None = None) -> Timeline:
    return Timeline(documents=[DocumentResult(id="a.txt", language="en", published=published)],
                    events=list(events))


def event(value: str | None, *, mod: str | None = None, label: str = "talks",
          ident: str = "ev-1", part_of: str | None = None, quote: str = "talks") -> Event:
    source = Source(document="a.txt", start=0, end=len(quote), text=quote, language="en")
    return Event(id=ident, type="meeting", label=label, value=value, mod=mod,
                 mentions=[source], part_of=part_of)


def only(value: str, **kw: str) -> icalendar.Event:
    [vevent] = vevents(to_ics(timeline_of(event(value, **kw))))
    return vevent


def assert_well_formed(text: str) -> None:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line


def test_seeds_give_one_vevent_per_closed_dated_event(seeds: Timeline) -> None:
    out = render("ics", seeds, ExportContext())
    assert isinstance(out, str)
    assert_well_formed(out)
    cal = icalendar.Calendar.from_ical(out)
    assert (str(cal["VERSION"]), str(cal["CALSCALE"])) == ("2.0", "GREGORIAN")
    assert cal["PRODID"]
    expected = [e for e in seeds.events
                if e.earliest and e.latest and (e.mod or "") not in OPEN_MODS]
    got = vevents(out)
    assert [str(v["SUMMARY"]) for v in got] == [e.label for e in expected]
    assert len({str(v["UID"]) for v in got}) == len(got)
    assert len(got) < len(seeds.events)  # undated and open-ended events are left out
    for v, e in zip(got, expected, strict=True):
        assert v.decoded("DTSTART") == dt.date.fromisoformat((e.earliest or "")[:10])
        last = dt.date.fromisoformat((e.latest or "")[:10])
        assert v.decoded("DTEND") == last + dt.timedelta(days=1)
        assert str(v["CATEGORIES"].cats[0]) == e.type
        assert v["DTSTAMP"]


def test_seeds_output_is_reproducible(seeds: Timeline) -> None:
    assert to_ics(seeds) == to_ics(timeline.extract([str(p) for p in reversed(SEEDS)]))


def test_single_day_is_all_day_with_exclusive_end() -> None:
    v = only("2025-03-04")
    assert (v.decoded("DTSTART"), v.decoded("DTEND")) == (dt.date(2025, 3, 4), dt.date(2025, 3, 5))
    assert "uncertain" not in str(v["DESCRIPTION"])


def test_multi_day_range_spans_its_days() -> None:
    v = only("2025-02-19/2025-02-21")
    assert (v.decoded("DTSTART"), v.decoded("DTEND")) == (dt.date(2025, 2, 19),
                                                          dt.date(2025, 2, 22))
    assert "uncertain" not in str(v["DESCRIPTION"])


@pytest.mark.parametrize(("value", "first", "stop", "note"), [
    ("2025-02", dt.date(2025, 2, 1), dt.date(2025, 3, 1), "date uncertain: 2025-02 (month)"),
    ("2024", dt.date(2024, 1, 1), dt.date(2025, 1, 1), "date uncertain: 2024 (year)"),
    ("2025-SP", dt.date(2025, 3, 1), dt.date(2025, 6, 1), "date uncertain: 2025-SP (season)"),
    ("2025-XX-20", dt.date(2025, 1, 1), dt.date(2026, 1, 1),
     "date uncertain: 2025-XX-20 (year)"),
    ("2025-02-20TAF", dt.date(2025, 2, 20), dt.date(2025, 2, 21),
     "time uncertain: 2025-02-20TAF (part of day)"),
    ("1950/2025", dt.date(1950, 1, 1), dt.date(2026, 1, 1), "date uncertain: 1950/2025 (year)"),
])
def test_coarse_dates_cover_their_bounds_and_say_so(value: str, first: dt.date, stop: dt.date,
                                                   note: str) -> None:
    v = only(value)
    assert (v.decoded("DTSTART"), v.decoded("DTEND")) == (first, stop)
    assert note in str(v["DESCRIPTION"]).splitlines()


def test_clock_times_are_date_times() -> None:
    v = only("2025-04-14T14:12")
    assert v.decoded("DTSTART") == dt.datetime(2025, 4, 14, 14, 12)
    assert v.decoded("DTEND") == dt.datetime(2025, 4, 14, 14, 13)
    r = only("2025-02-20T10:00/2025-02-20T12:30")
    assert (r.decoded("DTSTART"), r.decoded("DTEND")) == (dt.datetime(2025, 2, 20, 10),
                                                          dt.datetime(2025, 2, 20, 12, 31))


def test_open_and_undated_events_are_left_out() -> None:
    events = [event("2025", mod="BEFORE", ident="ev-b"), event("2026", mod="AFTER", ident="ev-a"),
              event("2025-02-19/XXXX-XX-XX", ident="ev-o"), event("XXXX-02-20", ident="ev-x"),
              event(None, ident="ev-n"), event("PAST_REF", ident="ev-p"),
              event("9999-12-31", ident="ev-9"), event("2025", mod="START", ident="ev-s")]
    [kept] = vevents(to_ics(timeline_of(*events)))
    assert str(kept["UID"]) == event_uid(events[-1])
    assert "modifier: START" in str(kept["DESCRIPTION"]).splitlines()


def test_dtstamp_is_the_latest_publication_date() -> None:
    v = vevents(to_ics(timeline_of(event("2025-03-04"), published=dt.date(2025, 3, 6))))[0]
    assert v.decoded("DTSTAMP") == dt.datetime(2025, 3, 6, tzinfo=dt.UTC)


def test_part_of_links_to_the_parent_uid() -> None:
    parent = event("2025-02-19/2025-02-21", ident="ev-p", label="summit")
    child = event("2025-02-20", ident="ev-c", part_of="ev-p", label="talks")
    got = vevents(to_ics(timeline_of(parent, child)))
    assert str(got[1]["RELATED-TO"]) == str(got[0]["UID"])
    assert got[1]["RELATED-TO"].params["RELTYPE"] == "PARENT"


def test_description_lists_sources_with_sentences_when_texts_are_given() -> None:
    text = "It rained. The envoys, tired; met on 4 March 2025.\nLater, nothing."
    t = timeline.extract([timeline.Document(id="a.txt", text=text, language="en")])
    [v] = vevents(to_ics(t, {"a.txt": text}))
    lines = str(v["DESCRIPTION"]).splitlines()
    assert lines[0] == "type: meeting" and "languages: en" in lines
    assert "- a.txt: The envoys, tired; met on 4 March 2025." in lines


def test_escaping_and_folding_of_long_multibyte_text() -> None:
    label = 'Ünïcødé; "quoted", back\\slash\nsecond line ' + "漢字" * 60
    out = to_ics(timeline_of(event("2025-03-04", label=label)))
    assert_well_formed(out)
    assert "SUMMARY:Ünïcødé\\; \"quoted\"\\, back\\\\slash\\nsecond line " in out
    [v] = vevents(out)
    assert str(v["SUMMARY"]) == label


def test_fold_never_splits_a_character() -> None:
    for n in range(60, 90):
        line = "SUMMARY:" + "a" * (n % 3) + "€😀" * n
        pieces = fold(line).split("\r\n ")
        assert "".join(pieces) == line
        assert all(len(p.encode()) <= 75 for p in pieces[:1])
        assert all(len(p.encode()) <= 74 for p in pieces[1:])


@settings(max_examples=60, deadline=None)
@given(label=st.text(min_size=1), quote=st.text(min_size=1))
def test_any_text_gives_a_parseable_calendar(label: str, quote: str) -> None:
    out = to_ics(timeline_of(event("2025-03-04", label=label, quote=quote)))
    assert_well_formed(out)
    [v] = vevents(out)
    expected = label.replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(" " if (ord(c) < 32 and c not in "\t\n") or c == "\x7f" else c
                       for c in expected)
    assert str(v["SUMMARY"]) == expected


@settings(max_examples=15, deadline=None)
@given(small_timelines)
def test_generated_timelines_give_valid_calendars(t: Timeline) -> None:
    out = to_ics(t)
    assert_well_formed(out)
    for v in vevents(out):
        assert v.decoded("DTSTART") < v.decoded("DTEND")


def test_cli_writes_an_ics_file(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "out.ics"
    done = subprocess.run([sys.executable, "-m", "timeline", "extract", *map(str, SEEDS),
                           "--format", "ics", "-o", str(target)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert len(vevents(data.decode("utf-8"))) > 0
