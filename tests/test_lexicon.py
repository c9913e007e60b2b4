"""Every language data file loads, names a real dateparser locale, and is consistent."""

from __future__ import annotations

import pathlib
import tomllib

import pytest

from timeline.errors import LexiconError, UnsupportedLanguageError
from timeline.lexicon import (
    LANG_DIR,
    Sym,
    _Compiler,
    _dateparser_names,
    available_languages,
    load_lexicon,
    normalize_code,
)

CODES = available_languages()


@pytest.mark.parametrize("code", CODES)
def test_language_file_loads_with_names_from_dateparser(code: str) -> None:
    lex = load_lexicon(code)
    data = tomllib.loads((LANG_DIR / f"{code}.toml").read_text(encoding="utf-8"))
    locale = data["dateparser_locale"]
    names = _dateparser_names({"no": "nb"}.get(locale, locale))
    assert names, f"dateparser has no locale {data['dateparser_locale']!r}"
    months = {e.value for e in lex.words.values() if e.sym in (Sym.MONTH, Sym.MONTH_WEAK)}
    months |= {e.value for alts in lex.phrases.values() for _, e in alts
               if e.sym in (Sym.MONTH, Sym.MONTH_WEAK)}
    assert months == set(range(1, 13))
    strong = {e.value for e in lex.words.values() if e.sym == Sym.MONTH}
    strong |= {e.value for alts in lex.phrases.values() for _, e in alts if e.sym == Sym.MONTH}
    assert len(strong) >= 9, "most full month names should stand alone"


@pytest.mark.parametrize("code", CODES)
def test_language_file_has_a_corpus_and_stopwords(code: str) -> None:
    assert (LANG_DIR / "corpus" / f"{code}.toml").exists()
    assert len(load_lexicon(code).stopwords) >= 20


def test_conflicting_tables_are_rejected() -> None:
    data = {"code": "en", "relative_days": {"today": 0}, "references": {"PRESENT_REF": ["today"]}}
    with pytest.raises(LexiconError, match=r"'today' is also in \["):
        _Compiler(pathlib.Path("en.toml"), data).compile()


@pytest.mark.parametrize("spec", [
    "02-30", {"easter": 1, "on_or_after": "11-22", "weekday": "TH"},
    {"on_or_after": "11-22"}, {"on_or_after": "11-22", "weekday": "XX"},
    {"easter": 0, "when": "spring"},
])
def test_bad_holidays_are_rejected(spec: object) -> None:
    data = {"code": "en", "holidays": {"feast": spec}}
    with pytest.raises(LexiconError, match=r"\[holidays\] 'feast'"):
        _Compiler(pathlib.Path("en.toml"), data).compile()


@pytest.mark.parametrize("clock", ["25", "12:60", "24:30", "noon", "MO", "12:00:00Z"])
def test_bad_clock_words_are_rejected(clock: str) -> None:
    data = {"code": "en", "clock_words": {"noon": clock}}
    with pytest.raises(LexiconError, match=r"\[clock_words\] 'noon'"):
        _Compiler(pathlib.Path("en.toml"), data).compile()


def test_code_must_match_file_name() -> None:
    with pytest.raises(LexiconError, match="code"):
        _Compiler(pathlib.Path("en.toml"), {"code": "nl"}).compile()


def test_language_codes_are_normalised() -> None:
    assert normalize_code("EN-gb") == "en"
    with pytest.raises(UnsupportedLanguageError, match="supported: "):
        normalize_code("tlh")
