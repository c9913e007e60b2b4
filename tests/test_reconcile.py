"""Reconciliation: merge laws, order independence, and the rules that keep events apart."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.models import Document, Timeline

_TRIGGERS = ["summit", "meeting", "conference", "state visit", "election", "agreement",
             "exhibition"]
_PLACES = ["Hanoi", "Geneva", "Oslo", "Lima", "Jakarta"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 12, 31)))
    when = draw(st.sampled_from([
        f"on {day.day} {day:%B} {day.year}", f"in {day.year}", f"in {day:%B} {day.year}",
        f"from {day.day} to {min(day.day + 2, 28)} {day:%B} {day.year}"]))
    return (f"The {draw(st.sampled_from(_TRIGGERS))} in {draw(st.sampled_from(_PLACES))} "
            f"took place {when}.")


@st.composite
def documents(draw: st.DrawFn) -> list[Document]:
    n = draw(st.integers(1, 4))
    return [Document(id=f"d{k}", text=" ".join(draw(st.lists(sentences(), min_size=1,
                                                            max_size=3))), language="en")
            for k in range(n)]


def build(docs: list[Document]) -> Timeline:
    return timeline.extract(docs)


@settings(max_examples=25, deadline=None)
@given(documents())
def test_document_order_does_not_matter(docs: list[Document]) -> None:
    a = build(docs)
    b = build(list(reversed(docs)))
    assert a.events == b.events


@settings(max_examples=20, deadline=None)
@given(documents(), documents(), documents())
def test_merge_is_associative_commutative_idempotent(x: list[Document], y: list[Document],
                                                     z: list[Document]) -> None:
    def rename(docs: list[Document], tag: str) -> list[Document]:
        return [d.model_copy(update={"id": f"{tag}-{d.id}"}) for d in docs]

    a, b, c = build(rename(x, "a")), build(rename(y, "b")), build(rename(z, "c"))
    assert a.merge(b) == b.merge(a)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))
    assert a.merge(a) == a
    assert a.merge(b) == build(rename(x, "a") + rename(y, "b"))


@settings(max_examples=25, deadline=None)
@given(documents())
def test_events_are_sorted_and_every_mention_is_kept(docs: list[Document]) -> None:
    t = build(docs)
    keys = [timeline.TimexValue.parse(e.value).sort_key() for e in t.events if e.value]
    assert keys == sorted(keys)
    in_events = sum(len(e.mentions) for e in t.events)
    assert in_events == sum(len(d.mentions) for d in t.documents)
    assert all(m.event is not None for d in t.documents for m in d.mentions)


def test_json_round_trip() -> None:
    t = build([Document(id="a", text="The summit took place on 19 February 2025.",
                        language="en")])
    assert Timeline.model_validate_json(t.model_dump_json()) == t


def test_coarse_and_precise_mentions_merge_across_documents() -> None:
    t = timeline.extract([
        Document(id="a", text="The Geneva summit took place from 19 to 21 February 2025.",
                 language="en"),
        Document(id="b", text="At the 2025 summit in Geneva the ministers agreed.",
                 language="en")])
    [summit] = t.of_type("meeting")
    assert summit.value == "2025-02-19/2025-02-21"
    assert {m.document for m in summit.mentions} == {"a", "b"}


def test_two_days_are_two_events_and_a_day_is_part_of_the_span() -> None:
    t = timeline.extract([Document(id="a", language="en", text=(
        "The Geneva summit took place from 19 to 21 February 2025. "
        "The ministers met in Geneva on 20 February 2025. "
        "The ministers met in Geneva on 21 February 2025."))])
    meetings = t.of_type("meeting")
    values = [e.value for e in meetings]
    assert values == ["2025-02-19/2025-02-21", "2025-02-20", "2025-02-21"]
    assert meetings[1].part_of == meetings[0].id and meetings[2].part_of == meetings[0].id


def test_different_years_stay_apart() -> None:
    t = timeline.extract([
        Document(id="a", text="The 2024 summit in Oslo was short.", language="en"),
        Document(id="b", text="The 2025 summit in Oslo was long.", language="en")])
    assert [e.value for e in t.of_type("meeting")] == ["2024", "2025"]


def test_anniversary_dates_the_original_event() -> None:
    t = timeline.extract([Document(id="a", language="en", text=(
        "On 18 January 2025 they marked the 75th anniversary of the establishment of "
        "relations."))])
    types = {e.type: e.value for e in t}
    assert types["anniversary"] == "2025-01-18"
    assert types["establishment"] == "1950-01-18"


def test_between_and_in_language() -> None:
    t = timeline.extract([Document(id="a", language="en", text=(
        "The summit took place on 19 February 2025. The election was held in 2019."))])
    assert [e.type for e in t.between("2025-01-01", "2025-12-31")] == ["meeting"]
    assert len(t.in_language("en")) == len(t) and t.in_language("fr") == []


def test_event_relative_time_counts_from_the_named_event() -> None:
    t = timeline.extract([
        Document(id="a", language="en",
                 text="The Geneva summit took place on 19 February 2025."),
        Document(id="b", language="en", published=dt.date(2025, 3, 30), text=(
            "Two weeks after the summit in Geneva, the ministers met again. "
            "The day before the summit, protests began."))])
    relative = {x.text: x for x in t.documents[1].timexes}
    assert (relative["Two weeks"].value, relative["Two weeks"].anchor) == ("2025-03-05", "event")
    assert (relative["The day before"].value, relative["The day before"].anchor) == (
        "2025-02-18", "event")
    [summit] = t.of_type("meeting")[:1]
    assert summit.value == "2025-02-19" and {m.document for m in summit.mentions} == {"a", "b"}


def test_event_relative_time_without_a_dated_event_keeps_its_reading() -> None:
    t = timeline.extract([Document(id="b", language="en", published=dt.date(2025, 3, 30),
                                   text="The day before the summit, protests began.")])
    [x] = t.documents[0].timexes
    assert (x.value, x.anchor, x.offset) == ("2025-03-29", "published", "-P1D")


_VISIT = "{name} began the state visit to {place} on {day} April 2025{tail}."


def _visit(name: str, place: str, day: int, tail: str = "") -> str:
    return _VISIT.format(name=name, place=place, day=day, tail=tail)


def test_disagreeing_sources_make_one_event_with_a_conflict() -> None:
    texts = [_visit("Anna Berg", "Oslo", 14), _visit("Anna Berg", "Oslo", 15, ", aides said"),
             _visit("Anna Berg", "Oslo", 14, ", her office said")]
    docs = [Document(id=f"d{k}", text=t, language="en") for k, t in enumerate(texts)]
    [event] = timeline.extract(docs).of_type("visit")
    assert event.value == "2025-04-14"  # two documents against one
    assert [c.value for c in event.conflicts] == ["2025-04-15"]
    assert [s.document for s in event.conflicts[0].sources] == ["d1"]
    assert {m.document for m in event.mentions} == {"d0", "d1", "d2"}  # nothing dropped
    for order in ([2, 0, 1], [1, 2, 0]):
        assert timeline.extract([docs[k] for k in order]).events == timeline.extract(docs).events


def test_two_dates_from_one_author_stay_two_events() -> None:
    text = _visit("Anna Berg", "Oslo", 14) + " " + _visit("Anna Berg", "Oslo", 17)
    events = timeline.extract([text], language="en").of_type("visit")
    assert [e.value for e in events] == ["2025-04-14", "2025-04-17"]
    assert all(not e.conflicts for e in events)


def test_different_people_or_distant_days_are_different_events() -> None:
    other_person = [_visit("Anna Berg", "Oslo", 14), _visit("Carl Moe", "Lima", 15)]
    assert len(timeline.extract(other_person, language="en").of_type("visit")) == 2
    weeks_apart = [_visit("Anna Berg", "Oslo", 1), _visit("Anna Berg", "Oslo", 20)]
    events = timeline.extract(weeks_apart, language="en").of_type("visit")
    assert [e.value for e in events] == ["2025-04-01", "2025-04-20"]
