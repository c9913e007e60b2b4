"""Event mentions: trigger words from each language's data, linked to a time.

A trigger is a word of an ``[event.<type>]`` table. In languages that write
compounds as one word (``compounds = true``), a trigger also matches inside a
longer word (``voorjaarsbijeenkomst``, ``vårmötet``); elsewhere it matches a
word that starts with it plus a short inflection (``meetings``). Each mention
takes the date or time of its clause (the nearest across the fewest clause
breaks), the proper names of its sentence as participants, and, for an
anniversary with its ordinal (``75-årsdagen``), the arithmetic that dates the
event it commemorates. A dated clause with no trigger still yields a generic
mention, so no dated statement is lost.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence

import attrs
from dateutil.relativedelta import relativedelta

from timeline.anchor import Anchored
from timeline.lexicon import Lexicon, Sym, load_lexicon
from timeline.segment import sentences
from timeline.values import CalendarDate, Granularity, Interval, TimexType, TimexValue

GENERIC = "event"
_OF_DISTANCE = 24  # characters between "anniversary" and the event it is of
_LABEL_GAP = 12  # "vårmötet 2025", "voorjaarsbijeenkomst van 2025": the year names the event
_MAX_BREAKS = 2  # a date more clause breaks away belongs to another clause
_MAX_LINK_DISTANCE = 160  # characters
_NAMED_EVENT_GAP = 24  # characters between "the day before" and the event word it names
_LONGEST_TIMEX = 120  # characters: how far left of a mention a linkable timex may start
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]—–]|\s-\s")
_WORD_RE = re.compile(r"[^\W\d_]+")
_NAME_RE = re.compile(r"[^\W\d_][\w'’-]*")
_ORDINAL_BEFORE_RE = re.compile(r"(\d{1,3})(?:[.:°º]?[^\W\d_]{0,3})?[-‐ ]?$")
_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th",
                           "ł": "l", "đ": "d"})


@attrs.frozen
class Mention:
    """An event mention inside one document, before reconciliation.

    Example:
        >>> Mention(0, 7, "meeting", "meeting", None, None, frozenset(), "meeting").type
        'meeting'
    """

    start: int
    end: int
    text: str
    type: str
    timex: int | None          # index into the document's anchored timexes
    value: TimexValue | None
    participants: frozenset[str]
    key: str                   # the trigger word, normalised: what "the same word" means
    mod: str | None = None
    anniversary: int | None = None
    names_event_for: int | None = None  # the timex counted from this event ("the day before")


def normalize_name(name: str) -> str:
    """Case-fold, drop diacritics and transliterate simple letters.

    Example:
        >>> normalize_name("Hà Nội"), normalize_name("Straße")
        ('ha noi', 'strasse')
    """
    folded = name.casefold().translate(_TRANSLIT)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@attrs.frozen
class _Triggers:
    exact: dict[str, tuple[str, str]]           # word -> (type, key)
    inner: re.Pattern[str] | None               # compounds: trigger anywhere in a word
    phrases: re.Pattern[str] | None             # every multi-word trigger, longest first
    phrase_of: dict[str, tuple[str, str]]       # folded phrase, one space -> (type, key)
    seasons: tuple[tuple[str, str], ...]       # (season word, TIMEX3 season code)


@functools.cache
def _triggers(code: str) -> _Triggers:
    lex = load_lexicon(code)
    exact: dict[str, tuple[str, str]] = {}
    phrase_of: dict[str, tuple[str, str]] = {}
    for etype, words in sorted(lex.events.items()):
        for w in words:
            folded = w.casefold()
            if " " in folded:
                folded = " ".join(folded.split())
                phrase_of.setdefault(folded, (etype, folded))
            else:
                exact.setdefault(folded, (etype, folded))
    # Inflected triggers share one key: "konferensen" and "konferens" are the same word.
    for word, (etype, _) in list(exact.items()):
        roots = [w for w in exact if len(w) >= 4 and word.startswith(w) and len(word) - len(w) <= 4]
        exact[word] = (etype, min(roots, key=len) if roots else word)
    stems = sorted((w for w in exact if len(w) >= 4), key=len, reverse=True)
    inner = None
    if lex.compounds and stems:
        inner = re.compile("|".join(re.escape(w) for w in stems if len(w) >= 5))
    seasons = tuple((w, str(e.value)) for w, e in lex.words.items()
                    if e.sym == Sym.SEASON and len(w) >= 3)
    phrases = None
    if phrase_of:
        alternatives = sorted(phrase_of, key=lambda p: (-len(p), p))
        phrases = re.compile(r"(?<!\w)(?:" + "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in alternatives) + r")(?!\w)",
            re.IGNORECASE)
    return _Triggers(exact, inner, phrases, phrase_of, seasons)


def _match_word(word: str, trig: _Triggers) -> tuple[str, str] | None:
    folded = word.casefold()
    hit = trig.exact.get(folded)
    if hit is not None:
        return hit
    if len(folded) > 40:
        return None
    if trig.inner is not None:
        m = trig.inner.search(folded)
        if m is not None:
            return trig.exact[m.group()]
    for cut in range(1, 4):  # an inflected form: the trigger plus up to three letters
        hit = trig.exact.get(folded[:-cut])
        if hit is not None and len(folded) - cut >= 4:
            return hit
    return None


def find_mentions(text: str, lex: Lexicon, timexes: Sequence[Anchored]) -> list[Mention]:
    """Every event mention of one document, in text order.

    Args:
        text: the document.
        lex: its language's lexicon (for triggers and stopwords).
        timexes: its anchored time expressions, in order.

    Example:
        >>> import datetime as dt
        >>> from timeline.anchor import anchor_candidates
        >>> from timeline.tagger import find_candidates
        >>> lex = load_lexicon("en")
        >>> text = "The ministers held a meeting on 20 February 2025."
        >>> tx = anchor_candidates(text, find_candidates(text, lex), None)
        >>> [(m.text, m.type, m.value.iso()) for m in find_mentions(text, lex, tx)]
        [('meeting', 'meeting', '2025-02-20')]
    """
    trig = _triggers(lex.code)
    out: list[Mention] = []
    k = 0
    for s_start, s_end in sentences(text):
        while k < len(timexes) and timexes[k].end <= s_start:
            k += 1
        inside = []
        j = k
        while j < len(timexes) and timexes[j].start < s_end:
            inside.append(j)
            j += 1
        dated = [i for i in inside if _is_dated(timexes[i])]
        starts = [timexes[i].start for i in dated]
        sentence = text[s_start:s_end]
        names = _participants(sentence, lex)
        found = _sentence_triggers(sentence, s_start, trig, timexes, inside)
        named = _named_events(text, found, inside, timexes)
        mentions = []
        for start, end, etype, key in found:
            relative = named.get(start)
            tidx = _nearest(text, start, end, dated, starts, timexes, exclude=relative)
            quals = _qualifiers(text, start, end, trig)
            value = timexes[tidx].value if tidx is not None else None
            tmod = timexes[tidx].mod if tidx is not None else None
            mod = tmod.value if tmod is not None else None
            mentions.append(Mention(start, end, text[start:end], etype, tidx, value,
                                    names | quals, key, mod,
                                    _anniversary_ordinal(text, start, etype), relative))
        mentions = _joined(text, mentions)
        mentions, consumed = _refined(mentions, dated, starts, timexes)
        mentions = _commemorated(mentions)
        linked = {m.timex for m in mentions} | consumed
        for i in dated:
            if i not in linked:
                t = timexes[i]
                mentions.append(Mention(t.start, t.end, t.text, GENERIC, i, t.value, names,
                                        GENERIC, t.mod.value if t.mod else None))
        out.extend(sorted(mentions, key=lambda m: m.start))
    return out


def _is_dated(t: Anchored) -> bool:
    if t.type not in (TimexType.DATE, TimexType.TIME):
        return False
    return t.value.bounds()[0] is not None


def _sentence_triggers(sentence: str, offset: int, trig: _Triggers, timexes: Sequence[Anchored],
                       inside: list[int]) -> list[tuple[int, int, str, str]]:
    covered = bytearray(len(sentence))  # characters already inside a timex or a phrase
    for i in inside:
        a, b = max(0, timexes[i].start - offset), timexes[i].end - offset
        covered[a:b] = b"\x01" * (b - a)
    found: list[tuple[int, int, str, str]] = []
    if trig.phrases is not None:
        for m in trig.phrases.finditer(sentence):
            a, b = m.span()
            hit = trig.phrase_of.get(" ".join(m.group().casefold().split()))
            if hit is not None and not any(covered[a:b]):
                found.append((offset + a, offset + b, *hit))
                covered[a:b] = b"\x01" * (b - a)
    for m in _WORD_RE.finditer(sentence):
        a, b = m.span()
        if any(covered[a:b]):
            continue
        hit = _match_word(m.group(), trig)
        if hit is not None:
            found.append((offset + a, offset + b, hit[0], hit[1]))
    return sorted(found)


def _window(start: int, end: int, dated: list[int], starts: list[int]) -> list[int]:
    """The dated timexes that can be linked to a mention at ``start:end``."""
    lo = bisect.bisect_left(starts, start - _MAX_LINK_DISTANCE - _LONGEST_TIMEX)
    hi = bisect.bisect_right(starts, end + _MAX_LINK_DISTANCE)
    return dated[lo:hi]


def _named_events(text: str, found: list[tuple[int, int, str, str]], inside: list[int],
                  timexes: Sequence[Anchored]) -> dict[int, int]:
    """Triggers that an event-relative expression names: "the day before [the meeting]",
    "two weeks after [the talks]", "la veille de [la visite]". Maps trigger start to timex."""
    out: dict[int, int] = {}
    for i in inside:
        t = timexes[i]
        if t.offset is None:
            continue
        for start, _, _, _ in found:
            if start >= t.end:
                if start - t.end <= _NAMED_EVENT_GAP and not _CLAUSE_BREAK_RE.search(
                        text[t.end:start]):
                    out[start] = i
                break
    return out


def _nearest(text: str, start: int, end: int, dated: list[int], starts: list[int],
             timexes: Sequence[Anchored], exclude: int | None = None) -> int | None:
    """The dated timex of the mention's clause: fewest clause breaks between, then nearest."""
    best: tuple[int, int, int] | None = None
    for i in _window(start, end, dated, starts):
        if i == exclude:
            continue
        t = timexes[i]
        lo, hi = (end, t.start) if t.start >= end else (t.end, start)
        gap = text[lo:hi] if lo < hi else ""
        breaks = len(_CLAUSE_BREAK_RE.findall(gap))
        distance = max(0, hi - lo)
        if breaks > _MAX_BREAKS or distance > _MAX_LINK_DISTANCE:
            continue
        key = (breaks, distance, i)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None


def _qualifiers(text: str, start: int, end: int, trig: _Triggers) -> frozenset[str]:
    """Language-independent marks of which occasion a trigger names: a season
    ("vårmötet", "Frühjahrstagung", "spring meeting") becomes ``@SP``."""
    word = text[start:end].casefold()
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    prev = before[-1].casefold() if before else ""
    nxt = after[1].casefold().rstrip(".,") if len(after) > 1 else ""
    return frozenset(f"@{code}" for w, code in trig.seasons
                     if word.startswith(w) or prev == w or nxt == w)


def _participants(sentence: str, lex: Lexicon) -> frozenset[str]:
    """Capitalised words that are not sentence-initial, function words or date words."""
    names = set()
    first = True
    for m in _NAME_RE.finditer(sentence):
        word = m.group()
        if first:
            first = False
            continue
        if not word[0].isupper():
            continue
        folded = word.casefold()
        if folded in lex.stopwords:
            continue
        entry = lex.words.get(folded)
        if entry is not None and entry.sym != Sym.WORD:
            continue
        names.add(normalize_name(word))
    return frozenset(names)


def _anniversary_ordinal(text: str, start: int, etype: str) -> int | None:
    """The N of "75-årsdagen", "the 75th anniversary", "75° anniversario"."""
    if etype != "anniversary":
        return None
    m = _ORDINAL_BEFORE_RE.search(text[max(0, start - 8):start])
    if m is None:
        return None
    n = int(m.group(1))
    return n if 1 <= n <= 999 else None


def _joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """Neighbouring triggers of one type in one clause are one mention
    ("upprättandet av diplomatiska förbindelser", "state visit")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.type == m.type and prev.timex == m.timex:
            gap = text[prev.end:m.start]
            if len(gap.split()) <= 3 and not _CLAUSE_BREAK_RE.search(gap):
                out[-1] = attrs.evolve(prev, end=m.end, text=text[prev.start:m.end],
                                       participants=prev.participants | m.participants)
                continue
        out.append(m)
    return out


def _refined(mentions: list[Mention], dated: list[int], starts: list[int],
             timexes: Sequence[Anchored]) -> tuple[list[Mention], set[int]]:
    """A mention named by a coarse label ("the 2025 meeting") takes a finer date of its
    sentence that lies inside the label ("… which took place on 19-21 February"),
    unless another mention stands between them and claims it."""
    out = []
    consumed: set[int] = set()
    mention_starts = [m.start for m in mentions]
    for m in mentions:
        if m.timex is None or m.value is None or not isinstance(m.value, CalendarDate) \
                or m.value.granularity >= Granularity.DAY \
                or _gap(m.start, m.end, timexes[m.timex]) > _LABEL_GAP:
            out.append(m)
            continue
        best = None
        for i in _window(m.start, m.end, dated, starts):
            t = timexes[i]
            if i == m.timex or (t.value.granularity or 0) < Granularity.DAY:
                continue
            if not _inside(t.value, m.value):
                continue
            lo, hi = (m.end, t.start) if t.start >= m.end else (t.end, m.start)
            if bisect.bisect_left(mention_starts, hi) - bisect.bisect_left(mention_starts, lo) \
                    > (1 if lo <= m.start < hi else 0):
                continue
            if best is None or abs(t.start - m.start) < abs(timexes[best].start - m.start):
                best = i
        if best is None:
            out.append(m)
            continue
        consumed.add(m.timex)
        t = timexes[best]
        out.append(attrs.evolve(m, timex=best, value=t.value,
                                mod=t.mod.value if t.mod else None))
    return out, consumed


def _gap(start: int, end: int, t: Anchored) -> int:
    return t.start - end if t.start >= end else start - t.end


def _inside(inner: TimexValue, outer: TimexValue) -> bool:
    a0, a1 = outer.bounds()
    b0, b1 = inner.bounds()
    return None not in (a0, a1, b0, b1) and a0 <= b0 and b1 <= a1  # type: ignore[operator]


def _commemorated(mentions: list[Mention]) -> list[Mention]:
    """Date the event an anniversary is "of": the anniversary's year minus its ordinal.

    The commemorated event is the first other mention right after the anniversary
    word ("75-årsdagen av upprättandet", "the 75th anniversary of the founding").
    """
    out = list(mentions)
    starts = [m.start for m in mentions]
    for a in mentions:
        if a.anniversary is None or a.value is None:
            continue
        k = bisect.bisect_left(starts, a.end)
        while k < len(out) and out[k].type in ("anniversary", "celebration", GENERIC) \
                and out[k].start - a.end <= _OF_DISTANCE:
            k += 1
        if k >= len(out) or out[k].start - a.end > _OF_DISTANCE:
            continue
        shifted = _shift_years(a.value, -a.anniversary)
        if shifted is not None:
            out[k] = attrs.evolve(out[k], value=shifted, timex=a.timex)
    return out


def _shift_years(value: TimexValue, years: int) -> TimexValue | None:
    if isinstance(value, Interval):
        value = value.end
    if not isinstance(value, CalendarDate) or value.year is None:
        return None
    year = value.year + years
    if not 1000 <= year <= 9999:
        return None
    day = value.date()
    if day is not None:
        return CalendarDate.from_date(day + relativedelta(years=years))
    return CalendarDate.parse(f"{year:04d}" + value.iso()[4:])
