"""Properties of `tag` and `extract` over arbitrary input, and the public API."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.lexicon import available_languages

LANGS = available_languages()
# Text that looks like news about dates: digits, month words, separators.
_PIECES = st.sampled_from([
    "18", "2025", "1950", "-", "–", "/", ".", ",", " ", " ", "\n", "januari", "February",
    "März", "den", "the", "of", "van", "31", "12", "april", "next", "vorig", "år", "jaar",
    "Uhr", "14:12", "(", ")", "und", "en", "och", "and", "morning", "ochtend", "Q1", "1990s"])
newsish = st.lists(_PIECES, max_size=40).map("".join)
anytext = st.one_of(st.text(max_size=300), newsish)


@settings(max_examples=150, deadline=None)
@given(text=anytext, lang=st.sampled_from(LANGS))
def test_offsets_index_text_and_never_overlap(text: str, lang: str) -> None:
    found = timeline.tag(text, language=lang, published="2025-02-21")
    last_end = 0
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end
        last_end = t.end
        timeline.TimexValue.parse(t.value)


@settings(max_examples=60, deadline=None)
@given(text=anytext)
def test_tagging_is_deterministic_and_detects_a_language(text: str) -> None:
    a = timeline.tag(text)
    b = timeline.tag(text)
    assert a == b


def test_empty_and_whitespace_give_clean_empty_results() -> None:
    assert timeline.tag("", language="en") == []
    assert timeline.tag(" \n\t ", language="nl") == []
    t = timeline.extract(["", "   "], language="en")
    assert len(t.documents) == 2 and all(d.timexes == [] for d in t.documents)


def test_invalid_calendar_dates_never_get_a_value() -> None:
    for text, lang in [("31 februari 2025", "nl"), ("30 February 2025", "en"),
                       ("29.02.2025", "de"), ("2025-02-30", "en")]:
        for t in timeline.tag(text, language=lang):
            assert "02-3" not in t.value and "02-29" not in t.value
            timeline.TimexValue.parse(t.value)


def test_absurd_years_are_not_years() -> None:
    assert [t.value for t in timeline.tag("in the year 99999", language="en")] == []


def test_published_accepts_date_and_string() -> None:
    a = timeline.tag("yesterday", language="en", published=dt.date(2025, 2, 21))
    b = timeline.tag("yesterday", language="en", published="2025-02-21")
    assert a == b and a[0].value == "2025-02-20"


def test_bad_arguments_raise_timeline_errors() -> None:
    with pytest.raises(timeline.UnsupportedLanguageError):
        timeline.tag("x", language="xx")
    with pytest.raises(timeline.InputError):
        timeline.tag("x", language="en", published="yesterday")
    with pytest.raises(timeline.TimelineError):
        timeline.tag(b"bytes", language="en")  # type: ignore[arg-type]


def test_dateline_is_the_reference_when_no_date_is_given() -> None:
    text = "Headline about talks\n\n21/02/2025\n\nThe talks ended yesterday."
    values = [t.value for t in timeline.tag(text, language="en")]
    assert values == ["2025-02-21", "2025-02-20"]


def test_narrative_anchoring_without_a_reference() -> None:
    text = "The talks opened in 2025. On 20 February the ministers met. That afternoon they signed."
    found = {t.text: (t.value, t.anchor) for t in timeline.tag(text, language="en")}
    assert found["20 February"] == ("2025-02-20", "narrative")


def test_without_any_reference_only_certain_parts_are_given() -> None:
    [t] = timeline.tag("They met on 20 February.", language="en")
    assert (t.value, t.anchor) == ("XXXX-02-20", None)


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("The Senate voted yesterday.", "en", "XXXX-XX-XX"),
    ("The vote is next week.", "en", "XXXX-WXX"),
    ("Vorige maand stegen de prijzen.", "nl", "XXXX-XX"),
    ("El año pasado subieron los precios.", "es", "XXXX"),
    ("Das Ergebnis des letzten Quartals war schwach.", "de", "XXXX-QX"),
])
def test_a_relative_expression_with_nothing_to_count_from_keeps_its_kind(
        text: str, lang: str, value: str) -> None:
    [t] = timeline.tag(text, language=lang)
    assert (t.value, t.anchor) == (value, None)


def test_explainable_numeric_date() -> None:
    [t] = timeline.tag("signed 03/04/2025", language="en")
    assert t.value == "2025-03-04" and t.rule == "numeric_date"
    assert t.note is not None and "MDY" in t.note and t.alternatives == ["2025-04-03"]
    [u] = timeline.tag("signed 23/04/2025", language="en")
    assert u.value == "2025-04-23" and u.alternatives == []


def test_published_dates_are_read_strictly() -> None:
    from timeline.pipeline import parse_published

    assert parse_published("2025-02-21T08:30:00+01:00") == dt.date(2025, 2, 21)
    for bad in ("2025-02-21garbage", "2025-02-30", "21/02/2025", ""):
        with pytest.raises(timeline.InputError):
            parse_published(bad)


def test_lone_surrogates_become_replacement_characters() -> None:
    text = "The summit " + chr(0xD800) + " met on 4 March 2024."
    t = timeline.extract([timeline.Document(id="a", text=text, language="en")])
    assert t.model_dump_json()  # serialisable: no surrogate left anywhere
    [x] = t.documents[0].timexes
    assert (x.text, x.start) == ("4 March 2024", text.index("4 March"))
