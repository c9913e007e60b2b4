"""timeline.spacy: the pipeline component on blank pipelines (no model download)."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import pathlib
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.errors import InputError, UnsupportedLanguageError

spacy = pytest.importorskip("spacy")

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from timeline.spacy import SPAN_EXTENSIONS, TimexTagger, register_extensions  # noqa: E402

Row = tuple[str, str, str | None, str | None]


def _pipeline(lang: str, **config: str | None) -> Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("timeline", config=config)
    return nlp


def _rows(doc: Doc, key: str = "timex") -> list[Row]:
    return [(s.text, s.label_, s._.timex_value, s._.timex_mod) for s in doc.spans[key]]


def _annotations(doc: Doc, key: str = "timex") -> list[tuple[object, ...]]:
    return [(s.start_char, s.end_char, s.label_,
             *(getattr(s._, name) for name in SPAN_EXTENSIONS)) for s in doc.spans[key]]


def test_english_spans_carry_type_value_and_mod() -> None:
    nlp = _pipeline("en", published="2024-06-01")
    doc = nlp("Output fell in March 2024; the plant reopens in early 2025 "
              "and is inspected every Monday for three weeks.")
    assert _rows(doc) == [
        ("March 2024", "DATE", "2024-03", None),
        ("early 2025", "DATE", "2025", "START"),
        ("every Monday", "SET", "XXXX-WXX-1", None),
        ("three weeks", "DURATION", "P3W", None),
    ]
    early = doc.spans["timex"][1]
    assert (early._.timex_type, early._.timex_earliest, early._.timex_latest) == (
        "DATE", "2025-01-01", "2025-12-31")
    assert early._.timex_text == "early 2025"
    assert all(s._.timex_rule for s in doc.spans["timex"])


def test_dutch_and_german_take_the_language_of_the_pipeline() -> None:
    nl = _pipeline("nl", published="2025-02-21")
    doc = nl("Begin volgend jaar opent het museum, dat sinds 12 maart 1998 bestaat; "
             "gisteren werd het bekend.")
    assert _rows(doc) == [("Begin volgend jaar", "DATE", "2026", "START"),
                          ("12 maart 1998", "DATE", "1998-03-12", "AFTER"),
                          ("gisteren", "DATE", "2025-02-20", None)]
    de = _pipeline("de", published="2025-02-20")
    doc = de("Die Tagung fand am 20. Februar statt, Ende März folgt die nächste.")
    assert _rows(doc) == [("20. Februar", "DATE", "2025-02-20", None),
                          ("Ende März", "DATE", "2025-03", "END")]


def test_language_comes_from_config_then_pipeline_then_detection() -> None:
    assert _rows(_pipeline("nl", published="2025-02-21")("gisteren")) == [
        ("gisteren", "DATE", "2025-02-20", None)]
    assert _rows(_pipeline("en", language="nl", published="2025-02-21")("gisteren")) == [
        ("gisteren", "DATE", "2025-02-20", None)]
    # One word gives detection no evidence; only Dutch reads it as a date.
    assert _rows(_pipeline("xx", published="2025-02-21")("gisteren")) == [
        ("gisteren", "DATE", "2025-02-20", None)]
    assert _rows(_pipeline("de", language="en", published="2025-02-21")("gisteren")) == []
    detected = _pipeline("xx", published="2025-02-21")(
        "Het overleg begon gisteren en de ministers zijn het nog niet eens.")
    assert _rows(detected) == [("gisteren", "DATE", "2025-02-20", None)]


def test_a_documents_own_published_date_wins_over_the_config() -> None:
    nlp = _pipeline("en", published="2025-02-21")
    assert _rows(nlp("It happened yesterday."))[0][2] == "2025-02-20"
    for own in ("2019-07-01", dt.date(2019, 7, 1)):
        doc = nlp.make_doc("It happened yesterday.")
        doc.user_data["published"] = own
        assert _rows(nlp(doc))[0][2] == "2019-06-30"
    # Without any date to count from, "yesterday" is some day.
    assert _rows(_pipeline("en")("It happened yesterday.")) == [
        ("yesterday", "DATE", "XXXX-XX-XX", None)]


def test_bad_config_fails_when_the_component_is_made() -> None:
    with pytest.raises(InputError):
        _pipeline("en", published="next spring")
    with pytest.raises(UnsupportedLanguageError):
        _pipeline("en", language="tlh")


def test_empty_and_dateless_documents_get_an_empty_group() -> None:
    nlp = _pipeline("en")
    for text in ("", "   \n ", "No dates here, only words about a quiet harbour."):
        doc = nlp(text)
        assert "timex" in doc.spans
        assert list(doc.spans["timex"]) == []


def test_a_boundary_inside_a_token_widens_the_span() -> None:
    doc = _pipeline("en")("The archive holds ref19/02/2025 and nothing else.")
    [span] = doc.spans["timex"]
    assert span.text == "ref19/02/2025"
    assert span._.timex_text == "19/02/2025"
    assert span._.timex_value == "2025-02-19"


def test_two_expressions_in_one_token_keep_the_first() -> None:
    text = "The ferry runs 14.3.2025–15.3.2025 only."
    assert len(timeline.tag(text, language="en")) == 2
    doc = _pipeline("en")(text)
    [span] = doc.spans["timex"]
    assert (span.text, span._.timex_text, span._.timex_value) == (
        "14.3.2025–15.3.2025", "14.3.2025", "2025-03-14")


def test_spans_key_is_configurable_and_replaced_on_each_run() -> None:
    nlp = _pipeline("en", spans_key="dates")
    doc = nlp("It closed on 3 May 2021.")
    assert "timex" not in doc.spans
    assert _rows(doc, "dates") == [("3 May 2021", "DATE", "2021-05-03", None)]
    nlp.get_pipe("timeline")(doc)
    assert len(doc.spans["dates"]) == 1


def test_a_long_document() -> None:
    months = "January February March April May June July August September October " \
             "November December".split()
    sentences = [f"A report was filed on {k % 28 + 1} {months[k % 12]} {1950 + k % 70}."
                 for k in range(3000)]
    nlp = _pipeline("en")
    doc = nlp(" ".join(sentences))
    spans = doc.spans["timex"]
    assert len(spans) == 3000
    for k in (0, 1234, 2999):
        assert spans[k]._.timex_value == f"{1950 + k % 70}-{k % 12 + 1:02d}-{k % 28 + 1:02d}"


TEXTS = ["The board met on 4 March 2024 and again a week later.",
         "Ze vergaderden op 21 februari 2025 in de ochtend.",
         "Nothing dated here.",
         "",
         "Sales rose in 2023 and fell in the first half of 2024."]


def test_pipe_over_many_docs_equals_one_at_a_time() -> None:
    nlp = _pipeline("en", published="2025-02-21")
    one = [_annotations(nlp(t)) for t in TEXTS * 20]
    assert [_annotations(d) for d in nlp.pipe(TEXTS * 20, batch_size=7)] == one
    assert [_annotations(d) for d in nlp.pipe(TEXTS, n_process=2)] == one[:len(TEXTS)]


def test_saved_pipeline_loads_with_its_config(tmp_path: pathlib.Path) -> None:
    nlp = _pipeline("en", language="nl", published="2025-02-21", spans_key="dates")
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["timeline"]
    component = loaded.get_pipe("timeline")
    assert isinstance(component, TimexTagger)
    assert (component.language, component.published, component.spans_key) == (
        "nl", dt.date(2025, 2, 21), "dates")
    text = "Gisteren en op 14 april."
    assert _annotations(loaded(text), "dates") == _annotations(nlp(text), "dates")


def test_spans_and_values_survive_doc_bytes_and_docbin() -> None:
    nlp = _pipeline("en", published="2025-02-21")
    docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert _annotations(copy) == _annotations(doc)
    restored = list(DocBin(docs=docs, store_user_data=True).get_docs(nlp.vocab))
    assert [_annotations(d) for d in restored] == [_annotations(d) for d in docs]
    bin_bytes = DocBin(docs=docs, store_user_data=True).to_bytes()
    again = list(DocBin().from_bytes(bin_bytes).get_docs(spacy.blank("en").vocab))
    assert [_annotations(d) for d in again] == [_annotations(d) for d in docs]
    assert sum(len(d.spans["timex"]) for d in again) >= 5


def test_registering_extensions_is_idempotent_and_keeps_a_users_own() -> None:
    register_extensions()
    register_extensions()
    assert all(Span.has_extension(name) for name in SPAN_EXTENSIONS)
    saved = Span.remove_extension("timex_rule")
    try:
        Span.set_extension("timex_rule", getter=lambda span: "mine")
        register_extensions()
        doc = _pipeline("en")("It closed on 3 May 2021.")
        assert doc.spans["timex"][0]._.timex_rule == "mine"
    finally:
        Span.remove_extension("timex_rule")
        Span.set_extension("timex_rule", default=saved[0])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 /.-:aMyJunemarchpQ\n")), max_size=80))
def test_every_expression_lies_in_its_span(text: str) -> None:
    doc = _NLP(text)
    expected = timeline.tag(text, language="en", published="2025-02-21")
    spans = doc.spans["timex"]
    assert len(spans) <= len(expected)
    for span in spans:
        exact = span._.timex_text
        assert exact is not None and exact in span.text
        matches = [t for t in expected if t.text == exact
                   and span.start_char <= t.start and t.end <= span.end_char]
        assert any(t.value == span._.timex_value and t.type == span.label_ for t in matches)


_NLP = _pipeline("en", published="2025-02-21")


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, check=True, timeout=120)
    return out.stdout.strip()


def test_importing_timeline_does_not_import_spacy() -> None:
    assert _run("""
        import sys, timeline
        print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'}
                     or m == 'timeline.spacy'))
        """) == "[]"


def test_entry_point_finds_the_factory_without_importing_it(tmp_path: pathlib.Path) -> None:
    points = importlib.metadata.entry_points(group="spacy_factories", name="timeline")
    assert [p.value for p in points] == ["timeline.spacy:make_timex_tagger"], (
        "the spacy_factories entry point is not installed: run pip install -e .")
    _pipeline("de", published="2025-02-20").to_disk(tmp_path / "saved")
    out = _run(f"""
        import json, sys, spacy
        before = 'timeline.spacy' in sys.modules
        nlp = spacy.blank("en")
        nlp.add_pipe("timeline", config={{"published": "2025-02-21"}})
        doc = nlp("It happened yesterday.")
        loaded = spacy.load({str(tmp_path / "saved")!r})
        doc2 = loaded("Die Tagung endete am 20. Februar.")
        print(json.dumps([before,
                          [s._.timex_value for s in doc.spans["timex"]],
                          [s._.timex_value for s in doc2.spans["timex"]]]))
        """)
    assert json.loads(out) == [False, ["2025-02-20"], ["2025-02-20"]]
