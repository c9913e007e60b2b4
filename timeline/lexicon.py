"""Language data: reads ``lang/<code>.toml`` plus dateparser's names into a `Lexicon`.

A `Lexicon` maps every case-folded token (or run of tokens) the tagger cares
about to an `Entry`: a one-character grammar symbol and its value. The grammar
in `tagger.py` is written over those symbols, so it never sees a word of any
language, and adding a language means adding a data file.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import importlib.util
import pathlib
import tomllib
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from timeline.errors import InvalidTimexError, LexiconError, UnsupportedLanguageError
from timeline.partial import Feast
from timeline.segment import word_tokens
from timeline.values import TimexValue

LANG_DIR = pathlib.Path(__file__).parent / "lang"

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july",
               "august", "september", "october", "november", "december")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday",
                 "saturday", "sunday")
_DATEPARSER_ALIASES = {"no": "nb"}
_RELATIVE_UNITS = ("D", "W", "M", "Y", "Q", "DE", "CE", "WE")
_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Sym:
    """The grammar's alphabet: one character per kind of token."""

    DIGITS = "d"          # 1-2 digit number
    YEAR_NUM = "y"        # 4-digit number
    NUMBER = "n"          # any other number
    COUNT = "c"           # number word
    ORDINAL = "o"         # first, 21st, 15:e
    MONTH = "M"
    MONTH_WEAK = "m"      # abbreviation or ambiguous name: needs a number beside it
    WEEKDAY = "W"
    WEEKDAY_WEAK = "v"
    UNIT_YEAR = "Y"       # year, jaar, Jahr (unit words for years)
    UNIT = "U"            # every other unit word
    POD = "P"             # part of day
    SEASON = "S"
    RELDAY = "R"          # today, gisteren
    RELDAY_POD = "J"      # tonight, gisteravond
    WEEKDAY_POD = "K"     # Dienstagmorgen
    DEICTIC = "X"         # next, vorig, vergangenen
    REFERENCE = "V"       # now, the future
    HOLIDAY = "H"
    SET = "T"             # annual, jaarlijks
    EVERY = "E"
    ARTICLE = "a"
    OF = "f"
    MOD = "q"             # in-span modifier: early, meer dan
    BEFORE = "B"          # out-of-span bound: before, vóór
    AFTER = "A"
    AGO = "g"             # after a duration
    AGO_PREFIX = "G"      # before a duration (German "vor")
    FUTURE = "i"          # before a duration: in, over, om
    LATER = "l"           # after a duration: later
    FROM = "F"
    TO = "r"
    AND = "k"
    DECADE = "Z"          # 1990s, 1950-talet
    QUARTER = "Q"         # Q1, H2
    CLOCK = "t"           # 14h12
    HOUR_WORD = "u"       # Uhr, o'clock
    AMPM = "p"
    CLOCK_WORD = "ζ"      # noon, midnight: a clock time, and a part of day's place
    MORE = "μ"            # between a count and its unit: "two more years", "zwei weitere Jahre"
    PERIOD = "e"          # time, period, Zeit
    AGE = "ω"             # "old" in "a 6-year-old": the duration is an age, not a timex
    TENSE_FUTURE = "φ"
    TENSE_PAST = "π"
    DEICTIC_AFTER = "ξ"   # a deictic only after its noun: "mardi prochain", "mars dernier"
    NEWLINE = "|"
    WORD = "x"
    OTHER = "_"
    PUNCT = ".,/:()-'"


@attrs.frozen
class Entry:
    """What one word (or run of words) means to the grammar.

    Example:
        >>> Entry(Sym.MONTH, 2).value
        2
    """

    sym: str
    value: Any = None


@attrs.frozen
class Lexicon:
    """A language's compiled data: immutable, built once per language.

    Example:
        >>> lex = load_lexicon("en")
        >>> lex.words["february"]
        Entry(sym='M', value=2)
    """

    code: str
    name: str
    date_order: str
    words: Mapping[str, Entry]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], Entry], ...]]
    suffixes: Mapping[tuple[str, ...], Entry]
    stopwords: frozenset[str]
    events: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    compounds: bool = False
    ambiguous: frozenset[str] = frozenset()
    past_suffixes: tuple[str, ...] = ()
    participle_after: frozenset[str] = frozenset()  # "to be completed": no past tense
    complementizers: frozenset[str] = frozenset()
    """Words opening a reported clause ("said that ..."): a cue before one does not
    govern what follows it."""
    decade_words: frozenset[str] = frozenset()
    past_names: frozenset[str] = frozenset()
    """Weekday and season names meaning the last one before now: "i fredags", "i våras"."""
    lowercase: Mapping[str, Entry] = attrs.field(factory=dict)
    """Words with another meaning when written in lower case: German "morgen"
    (tomorrow) beside the noun "Morgen" (morning). Keyed by the exact text."""
    amount_nouns: frozenset[str] = frozenset()
    """Nouns counted or measured: a 4-digit number before one is an amount ("1995 kroner")."""
    night_to: frozenset[str] = frozenset()
    """Words joining a night to the day it runs into: "natt til fredag", "Nacht zu Freitag"."""
    quarter_letters: Mapping[str, str] = attrs.field(factory=lambda: {"Q": "Q", "H": "H"})
    """Letters glued to a quarter's or half's number: Q1, H2, French T1 (trimestre), S2."""
    positions: Mapping[str, str] = attrs.field(factory=dict)
    """Words naming a position in the current period: "Jahresende" (the end of this
    year) is a relative year with mod END."""
    around_year: frozenset[str] = frozenset()
    """Words that are "around" before a year only: German "um 1950" ("um 15 Uhr" is "at")."""
    since_words: frozenset[str] = frozenset()
    """Ago or from words that mean "since" before a date: "siden" ("for tre år siden",
    "siden 2020"), Italian "dal" ("dal 3 al 5 marzo", "dal 2020")."""
    not_before_noun: frozenset[str] = frozenset()
    """Names that are a date only where no noun follows: "i vår" (this spring; "i vår
    rapport" is "in our report")."""
    hour_word_clock: frozenset[str] = frozenset()
    """Where the clock word also counts hours (Dutch "uur"): the words after which a
    count and the clock word is a time ("om 15 uur"); elsewhere it is hours ("3 uur")."""
    clock_before: frozenset[str] = frozenset()
    """Words after which a number with the plural hour word is a time: "à 15 heures"."""
    clock_bare: frozenset[str] = frozenset()
    """Words after which a bare hour is a time: "alle 15"."""
    ago_before_date: frozenset[str] = frozenset()
    """Ago words that mean "before" before a date: "trước" ("ba năm trước", "trước năm
    2026")."""


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The codes of every language with a data file, sorted.

    Example:
        >>> "en" in available_languages()
        True
    """
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.toml")))


def normalize_code(code: str) -> str:
    """Map a language code to the one the data files use (``nb`` → ``no``).

    Raises:
        UnsupportedLanguageError: no data file exists for the code.

    Example:
        >>> normalize_code("EN")
        'en'
    """
    c = code.strip().lower().replace("_", "-").split("-")[0]
    c = {"nb": "no", "nn": "no"}.get(c, c)
    if c not in available_languages():
        raise UnsupportedLanguageError(
            f"unsupported language {code!r}; supported: {', '.join(available_languages())}")
    return c


@functools.cache
def load_lexicon(code: str) -> Lexicon:
    """Read and compile one language's data (cached: built once per process).

    Raises:
        UnsupportedLanguageError: no data file for ``code``.
        LexiconError: the data file is malformed.
    """
    code = normalize_code(code)
    path = LANG_DIR / f"{code}.toml"
    return _Compiler(path, _language_data(code)).compile()


@functools.cache
def _language_data(code: str) -> dict[str, Any]:
    path = LANG_DIR / f"{code}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: {exc}") from exc


@attrs.frozen
class DetectionProfile:
    """What identifies a language in running text, from the ``[detect]`` table.

    ``stopwords``: frequent words distinctive of it among the supported languages;
    ``common``: frequent words it shares with others; ``letters``: letters its
    spelling uses that English does not; ``endings``: word endings typical of it
    (definite plurals, suffixes) that the others spell differently.

    Example:
        >>> p = detection_profile("sv")
        >>> "och" in p.stopwords, "i" in p.common, "å" in p.letters
        (True, True, True)
    """

    stopwords: frozenset[str]
    common: frozenset[str]
    letters: frozenset[str]
    endings: frozenset[str] = frozenset()


def detection_profile(code: str) -> DetectionProfile:
    """A language's `DetectionProfile`, read without compiling the whole lexicon
    (so language detection does not pay for twelve lexicons)."""
    code = normalize_code(code)
    detect = _language_data(code).get("detect", {})
    return DetectionProfile(frozenset(w.casefold() for w in detect.get("stopwords", [])),
                            frozenset(w.casefold() for w in detect.get("common", [])),
                            frozenset(detect.get("letters", "").lower()),
                            frozenset(e.casefold() for e in detect.get("endings", [])))


def _dateparser_names(locale: str) -> dict[str, Any]:
    """dateparser's locale table, read as data without importing dateparser."""
    spec = importlib.util.find_spec("dateparser")
    if spec is None or not spec.submodule_search_locations:
        return {}
    base = pathlib.Path(next(iter(spec.submodule_search_locations)))
    src = base / "data" / "date_translation_data" / f"{locale}.py"
    if not src.exists():
        return {}
    text = src.read_text(encoding="utf-8")
    body = text[text.index("{"):]
    value = ast.literal_eval(body)
    return value if isinstance(value, dict) else {}


class _Compiler:
    """Turns one parsed TOML document into a `Lexicon`, checking it as it goes."""

    def __init__(self, path: pathlib.Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self.words: dict[str, Entry] = {}
        self.origin: dict[str, str] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.positions: dict[str, str] = {}

    def fail(self, key: str, why: str) -> LexiconError:
        return LexiconError(f"{self.path.name}: [{key}] {why}")

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return value

    def add(self, form: str, entry: Entry, key: str, *, weak_ok: bool = False) -> None:
        tokens = tuple(t.casefold() for t in word_tokens(form))
        if not tokens:
            raise self.fail(key, f"empty word {form!r}")
        joined = " ".join(tokens)
        old = self.origin.get(joined)
        if old is not None and old != key:
            existing = self._lookup(tokens)
            if existing == entry or weak_ok:
                return
            if old == "dateparser":
                pass  # the data file overrides dateparser's names
            else:
                raise self.fail(key, f"{form!r} is also in [{old}]")
        self.origin[joined] = key
        if len(tokens) == 1:
            self.words[tokens[0]] = entry
        else:
            alts = [a for a in self.phrases.get(tokens[0], []) if a[0] != tokens[1:]]
            alts.append((tokens[1:], entry))
            self.phrases[tokens[0]] = alts

    def _lookup(self, tokens: tuple[str, ...]) -> Entry | None:
        if len(tokens) == 1:
            return self.words.get(tokens[0])
        for rest, entry in self.phrases.get(tokens[0], []):
            if rest == tokens[1:]:
                return entry
        return None

    def words_of(self, key: str, sub: str, value: Any) -> Iterator[str]:
        words = value
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise self.fail(f"{key}.{sub}", "must be a list of words")
        yield from words

    def compile(self) -> Lexicon:
        d = self.data
        code = d.get("code")
        if code != self.path.stem:
            raise self.fail("code", f"must be {self.path.stem!r}")
        order = d.get("date_order", "DMY")
        if order not in ("DMY", "MDY", "YMD"):
            raise self.fail("date_order", "must be DMY, MDY or YMD")
        self._names()
        self._numbers()
        self._tables()
        for w in self.words_of("not_dates", "words", self.table("not_dates").get("words", [])):
            self.add(w, Entry(Sym.WORD), "not_dates")  # "Rio de Janeiro": a name, no month
        self._compounds()
        suffixes = self._suffixes()
        phrases = {k: tuple(sorted(v, key=lambda a: -len(a[0]))) for k, v in self.phrases.items()}
        detect = self.table("detect")
        events = {k: tuple(v.get("words", [])) for k, v in self.table("event").items()}
        return Lexicon(
            code=code, name=str(d.get("name", code)), date_order=order,
            words=MappingProxyType(self.words), phrases=MappingProxyType(phrases),
            suffixes=MappingProxyType(suffixes),
            stopwords=frozenset(w.casefold() for w in detect.get("stopwords", [])),
            events=MappingProxyType(events), compounds=bool(d.get("compounds", False)),
            ambiguous=frozenset(w.casefold() for w in self.table("names").get("ambiguous", [])),
            past_suffixes=tuple(self.table("tense").get("past_suffixes", [])),
            decade_words=frozenset(w.casefold() for w in self.table("decades").get("words", [])),
            past_names=self._folded_list("names", "past"),
            not_before_noun=self._folded_list("names", "not_before_noun"),
            since_words=self._folded_list("relations", "since"),
            quarter_letters=MappingProxyType(self._quarter_letters()),
            around_year=self._folded_list("relations", "around_year"),
            positions=MappingProxyType(self.positions),
            clock_before=self._folded_list("clock", "before"),
            hour_word_clock=self._folded_list("clock", "hour_word_clock"),
            clock_bare=self._folded_list("clock", "bare"),
            participle_after=self._folded_list("tense", "participle_after"),
            complementizers=self._folded_list("tense", "complementizers"),
            night_to=self._folded_list("relations", "night_to"),
            amount_nouns=self._folded_list("amount_nouns", "words"),
            lowercase=MappingProxyType(self._lowercase()),
            ago_before_date=self._folded_list("relations", "ago_before_date"))

    def _quarter_letters(self) -> dict[str, str]:
        out = {"Q": "Q", "H": "H"}
        for letter, kind in self.table("quarter_letters").items():
            if kind not in ("Q", "H") or len(letter) != 1 or not letter.isupper():
                raise self.fail("quarter_letters", f"{letter!r} must be one capital = Q or H")
            out[letter] = kind
        return out

    def _lowercase(self) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        for form, off in self.table("relative_days_lowercase").items():
            if not form.islower() or len(word_tokens(form)) != 1:
                raise self.fail("relative_days_lowercase", f"{form!r} must be one lowercase word")
            out[form] = Entry(Sym.RELDAY, ("D", int(off), False))
        return out

    def _folded_list(self, key: str, sub: str) -> frozenset[str]:
        return frozenset(_folded(w) for w in self.words_of(key, sub, self.table(key).get(sub, [])))

    def _names(self) -> None:
        names = self.table("names")
        ambiguous = {w.casefold() for w in names.get("ambiguous", [])}
        dp = _dateparser_names(_DATEPARSER_ALIASES.get(
            str(self.data.get("dateparser_locale", self.path.stem)),
            str(self.data.get("dateparser_locale", self.path.stem))))
        kinds = (("months", _MONTH_KEYS, Sym.MONTH, Sym.MONTH_WEAK),
                 ("weekdays", _WEEKDAY_KEYS, Sym.WEEKDAY, Sym.WEEKDAY_WEAK))
        for table, keys, strong, weak in kinds:
            forms: list[tuple[str, int]] = []
            for n, k in enumerate(keys, start=1):
                forms += [(f, n) for f in dp.get(k, []) if isinstance(f, str)]
            extra = names.get(table, {})
            if not isinstance(extra, dict):
                raise self.fail(f"names.{table}", "must be a table of word = number")
            forms += [(f, int(n)) for f, n in extra.items()]
            longest: dict[int, int] = {}
            for form, n in forms:
                if " " not in form:  # "bulan Mei" makes no abbreviation of "Mei"
                    longest[n] = max(longest.get(n, 0), len(form.rstrip(".")))
            for form, n in forms:
                folded = form.casefold().rstrip(".")
                # A form shorter than the month's full name is an abbreviation: "jan", "Mrz".
                is_weak = folded in ambiguous or (len(folded) <= 3
                                                  and len(folded) < longest.get(n, 0))
                sym = weak if is_weak else strong
                origin = "dateparser" if (form, n) not in extra.items() else f"names.{table}"
                self.add(form.rstrip("."), Entry(sym, n), origin)

    def _numbers(self) -> None:
        nums = dict(self.table("numbers"))
        templates = nums.pop("compounds", [])
        for form, n in nums.items():
            self.add(form, Entry(Sym.COUNT, int(n)), "numbers")
        tens = [(f, int(n)) for f, n in nums.items() if 20 <= int(n) <= 90 and int(n) % 10 == 0]
        units = [(f, int(n)) for f, n in nums.items() if 1 <= int(n) <= 9 and " " not in f
                 and f.casefold() not in ("a", "an")]
        for template in templates:
            for tf, tn in tens:
                for uf, un in units:
                    form = template.format(ten=tf, unit=uf)
                    self.add(form, Entry(Sym.COUNT, tn + un), "numbers", weak_ok=True)
        self._decades(tens)
        for w in self.table("vague_numbers").get("words", []):
            self.add(w, Entry(Sym.COUNT, "X"), "vague_numbers")
        ordinals = dict(self.table("ordinals"))
        for template in ordinals.pop("prefixed", []):  # "ke-{n}": ke-1 … ke-100
            for n in range(1, 101):
                self.add(template.format(n=n), Entry(Sym.ORDINAL, n), "ordinals")
        for form, n in ordinals.items():
            self.add(form, Entry(Sym.ORDINAL, int(n)), "ordinals")

    def _decades(self, tens: list[tuple[str, int]]) -> None:
        """Decades written as one word: listed ("halvfemserne" = 1990) or built from the
        tens of [numbers] ("{ten}tallet": "nittitallet", "{ten}er Jahre": "neunziger
        Jahre"), each the decade itself (never a century, unlike "1900-tallet")."""
        decades = self.table("decades")
        names = decades.get("names", {})
        if not isinstance(names, dict):
            raise self.fail("decades.names", "must be a table of word = first year")
        forms = [(f, int(y)) for f, y in names.items()]
        for template in self.words_of("decades", "templates", decades.get("templates", [])):
            forms += [(template.format(ten=tf), 1900 + tn) for tf, tn in tens]
        for form, year in forms:
            if year % 10 or not 1000 <= year <= 2990:
                raise self.fail("decades.names", f"{form!r}: {year} does not begin a decade")
            self.add(form, Entry(Sym.DECADE, f"{year // 10}"), "decades")

    def _tables(self) -> None:
        anaphoric = {_folded(w) for w in self.table("anaphoric").get("words", [])}
        for unit, words in self.table("units").items():
            sym = Sym.UNIT_YEAR if unit == "Y" else Sym.UNIT
            for w in self.words_of("units", unit, words):
                self.add(w, Entry(sym, (unit, False)), "units")
        for unit, words in self.table("units_plural").items():
            sym = Sym.UNIT_YEAR if unit == "Y" else Sym.UNIT
            for w in self.words_of("units_plural", unit, words):
                tokens = " ".join(t.casefold() for t in word_tokens(w))
                if self.origin.get(tokens) == "units":
                    self.add(w, Entry(sym, (unit, None)), "units_plural", weak_ok=True)
                    self.words[tokens] = Entry(sym, (unit, None))
                else:
                    self.add(w, Entry(sym, (unit, True)), "units_plural")
        simple: tuple[tuple[str, str], ...] = (
            ("parts_of_day", Sym.POD), ("seasons", Sym.SEASON), ("references", Sym.REFERENCE),
            ("modifiers", Sym.MOD), ("sets", Sym.SET))
        for key, sym in simple:
            for value, words in self.table(key).items():
                for w in self.words_of(key, value, words):
                    self.add(w, Entry(sym, value), key)
        for value, words in self.table("bounds").items():
            sym = Sym.BEFORE if value == "BEFORE" else Sym.AFTER
            for w in self.words_of("bounds", value, words):
                self.add(w, Entry(sym, value), "bounds")
        deictic_value = {"next": 1, "last": -1, "this": 0, "coming": 1, "past": -1, "recent": -1}
        for table, sym in (("deictic", Sym.DEICTIC), ("deictic_after", Sym.DEICTIC_AFTER)):
            for kind, words in self.table(table).items():
                if kind not in deictic_value:
                    raise self.fail(table, f"unknown kind {kind!r}")
                for w in self.words_of(table, kind, words):
                    self.add(w, Entry(sym, (kind, deictic_value[kind],
                                            _folded(w) in anaphoric)), table)
        for w in self.table("periods").get("words", []):
            self.add(w, Entry(Sym.PERIOD), "periods")
        for form, spec in self.table("holidays").items():
            self.add(form, Entry(Sym.HOLIDAY, self._holiday(form, spec)), "holidays")
        for form, clock in self.table("clock_words").items():
            try:  # the time a TIMEX3 value would carry: "12:00", "24"
                TimexValue.parse(f"2000-01-01T{clock}")
            except (InvalidTimexError, TypeError) as e:
                raise self.fail("clock_words", f"{form!r} must be \"HH:MM\" or \"HH\"") from e
            if not str(clock)[:1].isdigit():
                raise self.fail("clock_words", f"{form!r} must be \"HH:MM\" or \"HH\"")
            # A word the data writes in lower case is a name when capitalised ("High Noon").
            self.add(form, Entry(Sym.CLOCK_WORD, (str(clock), form.islower())), "clock_words")
        for form, off in self.table("relative_days").items():
            self.add(form, Entry(Sym.RELDAY, ("D", int(off), _folded(form) in anaphoric)),
                     "relative_days")
        for form, spec in self.table("relative").items():
            if not (isinstance(spec, list) and len(spec) == 2 and spec[0] in _RELATIVE_UNITS):
                raise self.fail("relative", f"{form!r} must be [unit, offset], unit one of "
                                            f"{', '.join(_RELATIVE_UNITS)}")
            self.add(form, Entry(Sym.RELDAY, (str(spec[0]), int(spec[1]),
                                              _folded(form) in anaphoric)), "relative")
        for form, spec in self.table("period_positions").items():
            if not (isinstance(spec, list) and len(spec) == 2 and spec[0] in _RELATIVE_UNITS
                    and spec[1] in ("START", "MID", "END")):
                raise self.fail("period_positions", f"{form!r} must be [unit, START|MID|END]")
            self.add(form, Entry(Sym.RELDAY, (str(spec[0]), 0, False)), "period_positions")
            self.positions[_folded(form)] = str(spec[1])
        for form, (off, pod) in self.table("relative_day_parts").items():
            self.add(form, Entry(Sym.RELDAY_POD, (int(off), str(pod))), "relative_day_parts")
        rel = self.table("relations")
        for key, sym in (("ago", Sym.AGO), ("ago_prefix", Sym.AGO_PREFIX), ("future", Sym.FUTURE),
                         ("later", Sym.LATER), ("from", Sym.FROM), ("to", Sym.TO),
                         ("and", Sym.AND), ("of", Sym.OF), ("articles", Sym.ARTICLE),
                         ("every", Sym.EVERY), ("hour_after", Sym.HOUR_WORD), ("more", Sym.MORE),
                         ("age", Sym.AGE)):
            for w in self.words_of("relations", key, rel.get(key, [])):
                self.add(w, Entry(sym), f"relations.{key}")
        for key in ("am", "pm"):
            for w in self.words_of("relations", key, rel.get(key, [])):
                self.add(w, Entry(Sym.AMPM, key), f"relations.{key}")
        tense = self.table("tense")
        for key, sym in (("future", Sym.TENSE_FUTURE), ("past", Sym.TENSE_PAST)):
            for w in self.words_of("tense", key, tense.get(key, [])):
                joined = " ".join(t.casefold() for t in word_tokens(w))
                if joined not in self.origin:
                    self.add(w, Entry(sym), f"tense.{key}")

    def _holiday(self, form: str, spec: Any) -> tuple[int, int] | Feast:
        """A fixed holiday's (month, day), or the `Feast` rule of one that moves."""
        try:
            if isinstance(spec, str):
                month, day = (int(x) for x in spec.split("-"))
                dt.date(2000, month, day)
                return month, day
            rest = dict(spec)
            weekday = rest.pop("weekday", None)
            feast = Feast(easter=rest.pop("easter", None), week=rest.pop("week", False),
                          capitalised=rest.pop("capitalised", False),
                          weekday=None if weekday is None else _WEEKDAY_CODES.index(weekday) + 1)
            after = rest.pop("on_or_after", None)
            if after is not None:
                month, day = (int(x) for x in after.split("-"))
                dt.date(2000, month, day)
                feast = attrs.evolve(feast, month=month, day=day)
            if rest or (feast.easter is None) == (after is None) \
                    or (after is None) != (weekday is None):
                raise ValueError(spec)
            return feast
        except (ValueError, TypeError, AttributeError) as e:
            raise self.fail("holidays", f"{form!r} must be \"MM-DD\", {{easter = days}} or "
                                        "{on_or_after = \"MM-DD\", weekday = \"TH\"}, "
                                        "with week = true, capitalised = true as needed") from e

    def _compounds(self) -> None:
        """Weekday + part of day written as one word (Dienstagmorgen, maandagochtend)."""
        if not self.data.get("compounds", False):
            return
        pods = [(w, e.value) for w, e in self.words.items() if e.sym == Sym.POD]
        for pod, words in self.table("compound_parts_of_day").items():
            pods += [(_folded(w), pod) for w in self.words_of("compound_parts_of_day", pod, words)]
        days = [(w, e.value) for w, e in self.words.items() if e.sym == Sym.WEEKDAY]
        for dw, dn in days:
            for pw, pv in pods:
                self.words.setdefault(dw + pw, Entry(Sym.WEEKDAY_POD, (dn, pv)))
        rels = [(w, e.value[1]) for w, e in self.words.items()
                if e.sym == Sym.RELDAY and e.value[0] == "D"]
        for rw, rn in rels:
            for pw, pv in pods:
                self.words.setdefault(rw + pw, Entry(Sym.RELDAY_POD, (rn, pv)))

    def _suffixes(self) -> dict[tuple[str, ...], Entry]:
        out: dict[tuple[str, ...], Entry] = {}
        for kind, forms in self.table("digit_suffixes").items():
            sym = {"ordinal": Sym.ORDINAL, "decade": Sym.DECADE,
                   "decade_after_year": Sym.DECADE}.get(kind)
            if sym is None:
                raise self.fail("digit_suffixes", f"unknown kind {kind!r}")
            for f in self.words_of("digit_suffixes", kind, forms):
                out[tuple(t.casefold() for t in word_tokens(f))] = Entry(sym, kind)
        return out


def _folded(form: str) -> str:
    return " ".join(t.casefold() for t in word_tokens(form))
