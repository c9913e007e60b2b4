"""Tokens and sentences keep exact offsets; language guessing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.detect import detect_language
from timeline.segment import sentences, tokenize


@given(st.text())
def test_tokens_index_the_text(text: str) -> None:
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
        assert tok.text.strip() or tok.text == "\n"


@given(st.text())
def test_sentences_are_ordered_disjoint_and_stripped(text: str) -> None:
    last = 0
    for a, b in sentences(text):
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        last = b


def test_digits_glued_to_words_split() -> None:
    assert [t.text for t in tokenize("Nam19/02/2025")] == ["Nam", "19", "/", "02", "/", "2025"]


def test_sentences_split_on_stops_and_blank_lines() -> None:
    text = "Title line\n\nFirst one. Second one! third stays. Last"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Title line", "First one.", "Second one! third stays.", "Last"]


def test_detect_language_among_supported() -> None:
    assert detect_language("The minister said the talks would continue next week.") == "en"
    assert detect_language("") == "en"


def test_an_ordinal_day_does_not_end_a_sentence() -> None:
    text = "Am 3. März 2025 trafen sie sich. Dann gingen sie."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Am 3. März 2025 trafen sie sich.", "Dann gingen sie."]
    text = "Sie kamen 2025. Dann gingen sie."
    assert len(sentences(text)) == 2  # a year is no ordinal
