"""Which supported language a text is written in.

Words and letters give the evidence: each occurrence of a word from a
language's ``[detect]`` lists counts one point, split between the languages
that list it (so "og" counts half a point each for Danish and Norwegian, and
"the" a whole point for English); each letter English does not use (``ø``,
``ñ``, ``ơ``) counts half a point, split the same way, and so does each other
word with an ending typical of a language (Bokmål ``-ene``, Danish ``-erne``,
Swedish ``-arna``). A text long enough gives one language a clear lead. A
short one (a headline, one sentence) may not: then every language tags it, and
the one that reads most of it as time expressions wins ("Mødet fandt sted d.
12. marts 2024" is Danish because only Danish reads "12. marts 2024"), the word
evidence breaking ties.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

import attrs

from timeline.lexicon import available_languages, detection_profile, load_lexicon
from timeline.tagger import find_candidates

_SAMPLE = 4000  # characters read from the start of the text
_FIRST_SAMPLE = 1000  # characters read first; the rest only when they leave doubt
_CLEAR_LEAD = 8.0  # points ahead after the first characters: no need to read on
_SURE = 3.0  # points the leader needs, and its lead, to be taken without tagging
_LETTER_POINTS = 0.5
_ENDING_POINTS = 0.5  # a word none of the lists holds, by its ending
_CLOSE = 1.0  # points: languages this close to the leader are told apart by tagging
_FALLBACK = "en"  # when nothing at all tells the languages apart
_WORD_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The supported language the text is most likely written in (English if nothing
    tells).

    Example:
        >>> detect_language("The talks will continue next week, the minister said.")
        'en'
        >>> detect_language("Mødet fandt sted d. 12. marts 2024.")
        'da'
    """
    for size in (_FIRST_SAMPLE, _SAMPLE):  # most texts are told by their first lines
        sample = text[:size]
        scores = language_scores(sample)
        ranked = sorted(scores, key=lambda code: (-scores[code], code))
        if ranked:
            lead = scores[ranked[0]] - (scores[ranked[1]] if len(ranked) > 1 else 0.0)
            if lead >= _CLEAR_LEAD if size < len(text) else (
                    scores[ranked[0]] >= _SURE and lead >= _SURE):
                return ranked[0]
        if size >= len(text):
            break
    return _by_tagging(sample, scores)


def language_scores(text: str) -> dict[str, float]:
    """The word and letter points of each language that has any.

    Example:
        >>> s = language_scores("Han kom hjem i går og spiste.")
        >>> max(s, key=s.__getitem__) in ("da", "no", "sv")
        True
    """
    p = _profiles()
    scores: defaultdict[str, float] = defaultdict(float)
    for word, n in Counter(_WORD_RE.findall(text.casefold())).items():
        codes = p.words.get(word)
        if codes:
            _share(scores, codes, n)
        else:
            _share(scores, _ending_codes(word, p), _ENDING_POINTS * n)
    if p.letter_re is not None:
        for letter, n in Counter(p.letter_re.findall(text.lower())).items():
            _share(scores, p.letters[letter], _LETTER_POINTS * n)
    return dict(scores)


def _share(scores: defaultdict[str, float], codes: tuple[str, ...], points: float) -> None:
    """Give ``points`` to the languages of ``codes``, split evenly."""
    for code in codes:
        scores[code] += points / len(codes)


def _ending_codes(word: str, p: _Profiles) -> tuple[str, ...]:
    """The languages listing the longest ending of ``word`` (a stem of two letters
    at least), or none."""
    for size in range(min(p.longest_ending, len(word) - 2), 1, -1):
        codes = p.endings.get(word[-size:])
        if codes:
            return codes
    return ()


def _by_tagging(text: str, scores: dict[str, float]) -> str:
    """Among the languages the evidence cannot tell apart (within a point, or half
    the leader's points, of the leader), the one that reads most characters of ``text``
    as time expressions; ties go to the evidence, then to English, then to the
    first code."""
    top = max(scores.values(), default=0.0)
    floor = top - max(_CLOSE, top / 2)
    close = [code for code in available_languages() if scores.get(code, 0.0) >= floor]
    best: tuple[int, float, bool, str] | None = None
    for code in close:
        covered = sum(c.end - c.start for c in find_candidates(text, load_lexicon(code)))
        key = (covered, scores.get(code, 0.0), code == _FALLBACK, code)
        if best is None or key[:3] > best[:3]:
            best = key
    return best[3] if best is not None and (best[0] or best[1]) else _FALLBACK


@attrs.frozen
class _Profiles:
    """Every language's detection lists, each entry with the languages listing it."""

    words: dict[str, tuple[str, ...]]
    letters: dict[str, tuple[str, ...]]
    letter_re: re.Pattern[str] | None
    endings: dict[str, tuple[str, ...]]
    longest_ending: int


@functools.cache
def _profiles() -> _Profiles:
    words: dict[str, list[str]] = {}
    letters: dict[str, list[str]] = {}
    endings: dict[str, list[str]] = {}
    for code in available_languages():
        profile = detection_profile(code)
        for word in profile.stopwords | profile.common:
            words.setdefault(word, []).append(code)
        for letter in profile.letters:
            letters.setdefault(letter, []).append(code)
        for ending in profile.endings:
            endings.setdefault(ending, []).append(code)
    letter_re = re.compile("[" + re.escape("".join(sorted(letters))) + "]") if letters else None
    return _Profiles({w: tuple(c) for w, c in words.items()},
                     {ch: tuple(c) for ch, c in letters.items()}, letter_re,
                     {e: tuple(c) for e, c in endings.items()},
                     max(map(len, endings), default=0))
