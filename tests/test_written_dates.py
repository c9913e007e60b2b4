"""Written and read back: a random date in each of a language's formats is tagged exactly.

Each corpus file lists its language's written date forms under ``formats``, with
``{d}`` day, ``{dd}`` zero-padded day, ``{m}``/``{mm}`` month number, ``{month}``
the month's full name from the lexicon, and ``{yyyy}`` the year.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.lexicon import LANG_DIR, Sym, available_languages, load_lexicon


def _formats(code: str) -> list[str]:
    path = LANG_DIR / "corpus" / f"{code}.toml"
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return list(data.get("formats", []))


def _month_names(code: str) -> dict[int, str]:
    """The longest strong (stand-alone) name of each month."""
    lex = load_lexicon(code)
    names: dict[int, str] = {}
    entries = [(w, e) for w, e in lex.words.items()]
    entries += [(" ".join((first, *rest)), e) for first, alts in lex.phrases.items()
                for rest, e in alts]
    for word, e in entries:
        if e.sym in (Sym.MONTH, Sym.MONTH_WEAK) and len(word) > len(names.get(e.value, "")):
            names[e.value] = word
    return names


CASES = [(code, fmt) for code in available_languages() for fmt in _formats(code)]


def test_every_language_lists_its_formats() -> None:
    missing = [c for c in available_languages() if not _formats(c)]
    assert not missing, f"no written date formats for {missing}"


@pytest.mark.parametrize(("code", "fmt"), CASES, ids=[f"{c}:{f}" for c, f in CASES])
@settings(max_examples=40, deadline=None)
@given(day=st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_written_date_reads_back(code: str, fmt: str, day: dt.date) -> None:
    names = _month_names(code)
    written = fmt.format(d=day.day, dd=f"{day.day:02d}", m=day.month, mm=f"{day.month:02d}",
                         month=names[day.month], yyyy=day.year)
    text = f"{written} ."
    found = timeline.tag(text, language=code, published="2025-02-21")
    assert [(t.text, t.value) for t in found] == [(written, day.isoformat())]


def _guess_cases() -> list[tuple[str, str]]:
    out = []
    for code in available_languages():
        path = LANG_DIR / "corpus" / f"{code}.toml"
        if not path.exists():
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for ex in data.get("example", []):
            if len(ex["text"]) > 80:
                out.append((code, ex["text"]))
    return out


@pytest.mark.parametrize(("code", "text"), _guess_cases())
def test_language_detection_on_long_examples(code: str, text: str) -> None:
    assert timeline.detect_language(text) == code


def test_corpus_dir_exists() -> None:
    assert pathlib.Path(LANG_DIR / "corpus").is_dir()
