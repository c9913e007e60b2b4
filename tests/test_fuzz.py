"""Fuzzing `tag` and `extract`: arbitrary text and documents never raise anything but
`TimelineError`, every offset indexes its document, and every value is valid TIMEX3."""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.models import Document, DocumentResult, Timeline

LANGUAGES = timeline.available_languages()
CODES = st.sampled_from([*LANGUAGES, "EN", "nb", "de-AT", "", "xx", "zz-ZZ", "english"])

# Every code point Python can hold, lone surrogates and control characters included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=300)

PIECES = [
    # month and weekday names, abbreviations and relative words of several languages
    "januari", "Februar", "mars", "March", "avril", "agosto", "dezembro", "okt.", "Sept.",
    "mei", "Mai", "juni", "tháng", "Juli", "Maret", "diciembre", "marzo", "ottobre",
    "maandag", "Dienstag", "söndag", "lundi", "domingo", "Thứ", "Senin", "venerdì",
    "gisteren", "yesterday", "morgen", "igår", "hier", "mañana", "ieri", "ontem", "hôm nay",
    "vorig jaar", "nächste Woche", "nästa år", "l'année dernière", "el próximo mes",
    "begin", "eind", "medio", "Anfang", "Ende", "mitten av", "fin", "finales de", "circa",
    "Q1", "Q4", "W07", "week", "kw", "uur", "Uhr", "h", "klockan", "a.m.", "p.m.", "om",
    "jaar", "years", "Jahre", "år", "ans", "años", "dagen", "days", "decennium", "eeuw",
    "summit", "vergadering", "Treffen", "mötet", "réunion", "reunión", "Tagung", "verkiezing",
    "in", "on", "am", "den", "le", "el", "de", "van", "tot", "bis", "till", "à", "al", "and",
]
SEPARATORS = ["", " ", " ", "-", "/", ".", ":", ",", "–", "—", "'", "T", "\n", "\t", "(", ")",
              "–", "..", "°", "\u00a0", "\u200b", "\ud800", "𝟚", "٣"]
NUMBERS = st.one_of(
    st.integers(0, 40).map(str),
    st.integers(0, 12).map(lambda n: f"{n:02d}"),
    st.integers(0, 3000).map(str),
    st.integers(0, 10**12).map(str),
    st.integers(1, 31).map(lambda n: f"{n}."),
)
DATE_LIKE = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SEPARATORS), NUMBERS),
                     max_size=40).map("".join)

PUBLISHED = st.one_of(
    st.none(),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["2025-02-30", "2025-13-01", "yesterday", "", "0000-01-01", "25-02-21"]),
    st.text(max_size=12),
)
# TIMELINE_FUZZ_SCALE=50 pytest tests/test_fuzz.py searches fifty times longer.
SCALE = int(os.environ.get("TIMELINE_FUZZ_SCALE", "1"))
FUZZ = settings(max_examples=200 * SCALE, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def check_document(doc: DocumentResult, text: str) -> None:
    """Offsets index the text, values are TIMEX3, cross-references resolve."""
    timex_ids = {t.id for t in doc.timexes}
    mention_ids = {m.id for m in doc.mentions}
    assert len(timex_ids) == len(doc.timexes) and len(mention_ids) == len(doc.mentions)
    for t in doc.timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        timeline.TimexValue.parse(t.value)
        assert t.relative_to is None or t.relative_to in mention_ids
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert text[m.phrase_start:m.phrase_end] == m.phrase
        assert m.phrase_start <= m.start and m.end <= m.phrase_end
        assert m.timex is None or m.timex in timex_ids
        if m.value is not None:
            timeline.TimexValue.parse(m.value)


def check_timeline(t: Timeline, texts: dict[str, str]) -> None:
    """Every document appears once, and every event points into them."""
    assert [d.id for d in t.documents] == list(texts)
    for doc in t.documents:
        check_document(doc, texts[doc.id])
    event_ids = {e.id for e in t.events}
    for doc in t.documents:
        assert all(m.event is None or m.event in event_ids for m in doc.mentions)
    for e in t.events:
        assert e.part_of is None or e.part_of in event_ids
        if e.value is not None:
            timeline.TimexValue.parse(e.value)
        for c in e.conflicts:
            timeline.TimexValue.parse(c.value)
        for s in (*e.mentions, *(s for c in e.conflicts for s in c.sources)):
            assert texts[s.document][s.start:s.end] == s.text


def tag_or_timeline_error(text: str, language: str | None,
                          published: object) -> list[timeline.TimeExpression] | None:
    try:
        return timeline.tag(text, language=language, published=published)  # type: ignore[arg-type]
    except timeline.TimelineError:
        return None


@FUZZ
@given(text=ANY_TEXT, language=st.one_of(st.none(), CODES), published=PUBLISHED)
def test_tag_any_text(text: str, language: str | None, published: object) -> None:
    found = tag_or_timeline_error(text, language, published)
    if found is not None:
        check_document(DocumentResult(id="x", language=language, timexes=found), text)


@FUZZ
@given(text=DATE_LIKE, language=st.sampled_from(LANGUAGES),
       published=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_tag_date_like_text(text: str, language: str, published: dt.date | None) -> None:
    found = timeline.tag(text, language=language, published=published)
    check_document(DocumentResult(id="x", language=language, timexes=found), text)


DOCUMENT = st.builds(
    lambda text, language, published: (text, language, published),
    st.one_of(DATE_LIKE, ANY_TEXT, DATE_LIKE.map(lambda s: s * 5)),
    st.one_of(st.none(), st.sampled_from(LANGUAGES)),
    st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
)


@settings(FUZZ, max_examples=80 * SCALE)
@given(items=st.lists(DOCUMENT, max_size=6), language=st.one_of(st.none(), CODES),
       published=PUBLISHED)
def test_extract_any_documents(items: list[tuple[str, str | None, dt.date | None]],
                               language: str | None, published: object) -> None:
    docs = [Document(id=f"d{k}", text=text, language=lang, published=pub)
            for k, (text, lang, pub) in enumerate(items)]
    try:
        t = timeline.extract(docs, language=language, published=published)  # type: ignore[arg-type]
    except timeline.TimelineError:
        return
    check_timeline(t, {d.id: d.text for d in docs})
    assert t.merge(t) == t


@FUZZ
@given(record=st.dictionaries(
    st.sampled_from(["id", "text", "language", "published", "url"]),
    st.one_of(ANY_TEXT, DATE_LIKE, CODES, PUBLISHED, st.integers(), st.none(),
              st.lists(st.integers(), max_size=2))))
def test_a_bag_item_never_raises(record: dict[str, object]) -> None:
    from timeline.dask import process_item

    [result] = process_item(record)
    if result.errors:
        assert not result.timexes and not result.mentions
    else:
        assert isinstance(record["text"], str)
        check_document(result, record["text"])
