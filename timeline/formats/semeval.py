"""The timeline of one entity in the SemEval-2015 Task 4 TimeLine format.

The file (``<entity>.txt``: the name in lower case, spaces as underscores)
starts with the entity's name; then each event that involves the entity is
one tab-separated line::

    ORDER<TAB>DATE<TAB>DOC-SENTENCE-WORD[<TAB>DOC-SENTENCE-WORD…]

* An event involves the entity when one of its mentions stands in a sentence
  naming it (whole words, ignoring case and accents) or has all of its words
  among the mention's participants.
* ``DATE`` is what is certain of the event's time: ``2025-02-20``,
  ``2025-02-XX`` (a month, or days within one month), ``2025-XX-XX`` (a
  year, a season, months within one year), else ``XXXX-XX-XX``.
* ``ORDER`` numbers the distinct dates from 1 by the time each covers: the
  earliest start first and, of two that start together, the longer first
  (``2025-XX-XX``, then ``2025-01-XX``, then ``2025-01-01``); a ``XXXX-XX-XX``
  that still has bounds (``1950/2025``) is placed by them. Events with the
  same ``ORDER`` are simultaneous. Undated events have order 0 and date
  ``XXXX-XX-XX``. An event known only to lie before (``BEFORE``,
  ``ON_OR_BEFORE``) or after (``AFTER``, ``ON_OR_AFTER``) a time is dated
  ``XXXX-XX-XX`` and ordered just before that time starts or just after it ends.
* A mention is ``DOC-SENTENCE-WORD``: the document id without a ``.txt``,
  ``.xml`` or ``.tml`` extension and with hyphens and spaces as underscores
  (the format separates its parts with hyphens); the sentence number, counting
  from 0 over `timeline.segment.sentences` of the document text (a headline
  line is sentence 0); and the trigger as written, spaces as underscores.
  The mentions of an event are its coreferent mentions, across documents.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from timeline.errors import TimelineError
from timeline.events import normalize_name
from timeline.formats import ExportContext
from timeline.models import Event, Timeline
from timeline.segment import sentences
from timeline.values import TimexValue

UNKNOWN_DATE = "XXXX-XX-XX"
"""The date of an event whose time is not known."""

_BEFORE = frozenset({"BEFORE", "ON_OR_BEFORE"})
_AFTER = frozenset({"AFTER", "ON_OR_AFTER"})
_EXTENSIONS = (".txt", ".xml", ".tml")
_TICK = dt.timedelta(microseconds=1)
_UNSAFE_RE = re.compile(r"[^\w&+.-]")

_NO_TIME = dt.timedelta(0)
_Key = tuple[dt.datetime, int, dt.timedelta]
"""Start, then before (0) / during (1) / after (2), then minus the length: coarser first."""


class _Mention(NamedTuple):
    document: str
    start: int
    text: str
    participants: frozenset[str]


def to_semeval_timeline(timeline: Timeline, texts: Mapping[str, str], entity: str) -> str:
    """The TimeLine of ``entity``: its name, then one line per event involving it, in order.

    Args:
        timeline: the reconciled events.
        texts: document id → text (sentence numbers are counted in it).
        entity: the target entity's name.

    Raises:
        TimelineError: the entity is blank, or the text of a document it is mentioned
            with is not given.

    Example:
        >>> import timeline
        >>> text = "Oslo, 3 May 2024.\\nThe Nordic Council met in Oslo on 2 May 2024."
        >>> t = timeline.extract([timeline.Document(id="a.txt", text=text, language="en")])
        >>> print(to_semeval_timeline(t, {"a.txt": text}, "Nordic Council"))
        Nordic Council
        1	2024-05-02	a-1-met
        <BLANKLINE>
    """
    name = " ".join(entity.split())
    if not name:
        raise TimelineError("a SemEval TimeLine needs a non-blank entity name")
    words = normalize_name(name).split()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
    spans = {doc: sentences(text) for doc, text in texts.items()}
    mentions = _mentions(timeline)
    chosen = [e for e in timeline.events
              if any(_involves(m, texts, spans, pattern, words) for m in mentions[e.id])]
    dated = [(e, *_date(e)) for e in chosen]
    numbers = {key: n for n, key in enumerate(sorted({key for *_, key in dated if key}), start=1)}
    lines = sorted((numbers[key] if key else 0, k, date, e)
                   for k, (e, date, key) in enumerate(dated))
    out = [name]
    for number, _, date, e in lines:
        refs = dict.fromkeys(_reference(m, texts, spans) for m in
                             sorted(mentions[e.id], key=lambda m: (m.document, m.start)))
        out.append("\t".join([str(number), date, *refs]))
    return "\n".join(out) + "\n"


def render_semeval(timeline: Timeline, context: ExportContext) -> dict[str, str]:
    """The ``semeval-timeline`` format: one file, named for ``context.entity``.

    Raises:
        TimelineError: no entity was given.

    Example:
        >>> render_semeval(Timeline(), ExportContext(entity="Nordic Council"))
        {'nordic_council.txt': 'Nordic Council\\n'}
    """
    if context.entity is None:
        raise TimelineError("the semeval-timeline format needs an entity (--entity NAME)")
    return {entity_file_name(context.entity):
            to_semeval_timeline(timeline, context.texts, context.entity)}


def entity_file_name(entity: str) -> str:
    """The file for an entity's TimeLine: its name in lower case, spaces as underscores.

    Characters that are unsafe in a file name become underscores too.

    Example:
        >>> entity_file_name("S&P 500"), entity_file_name("../Mr. X/Y")
        ('s&p_500.txt', '_mr._x_y.txt')
    """
    slug = _UNSAFE_RE.sub("_", "_".join(entity.casefold().split())).lstrip(".")
    return f"{slug or 'entity'}.txt"


def _mentions(timeline: Timeline) -> dict[str, list[_Mention]]:
    """Each event's mentions: the documents' trigger mentions, else the event's sources."""
    found: dict[str, list[_Mention]] = defaultdict(list)
    for doc in timeline.documents:
        for m in doc.mentions:
            if m.event is not None:
                found[m.event].append(_Mention(doc.id, m.start, m.text,
                                               frozenset(m.participants)))
    for e in timeline.events:
        if e.id not in found:
            found[e.id] = [_Mention(s.document, s.start, s.text, frozenset())
                           for s in e.mentions]
    return found


def _involves(m: _Mention, texts: Mapping[str, str], spans: Mapping[str, list[tuple[int, int]]],
              pattern: re.Pattern[str], words: list[str]) -> bool:
    if words and all(w in m.participants for w in words):
        return True
    text = texts.get(m.document)
    if not text or not spans[m.document]:
        return False
    a, b = spans[m.document][_sentence_index(spans[m.document], m.start)]
    return pattern.search(normalize_name(text[a:b])) is not None


def _reference(m: _Mention, texts: Mapping[str, str],
               spans: Mapping[str, list[tuple[int, int]]]) -> str:
    if m.document not in texts:
        raise TimelineError(f"no text for document {m.document!r}: a SemEval TimeLine "
                            "numbers the sentences of the documents")
    doc = m.document
    for ext in _EXTENSIONS:
        doc = doc.removesuffix(ext)
    doc = re.sub(r"[\s-]", "_", doc)
    return f"{doc}-{_sentence_index(spans[m.document], m.start)}-{'_'.join(m.text.split())}"


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """The 0-based number of the sentence holding ``offset`` (the one before, in a gap)."""
    return max(0, bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1)


def _date(event: Event) -> tuple[str, _Key | None]:
    """The event's DATE and the key that orders it (None: undated, order 0)."""
    if event.value is None:
        return UNKNOWN_DATE, None
    first, after = TimexValue.parse(event.value).bounds()
    if first is None or after is None:
        return UNKNOWN_DATE, None
    last = after - _TICK
    if event.mod in _BEFORE:
        return UNKNOWN_DATE, (first, 0, _NO_TIME)
    if event.mod in _AFTER:
        return UNKNOWN_DATE, (last, 2, _NO_TIME)
    if first.date() == last.date():
        return first.date().isoformat(), (_midnight(first.date()), 1, _NO_TIME)
    if (first.year, first.month) == (last.year, last.month):
        days = calendar.monthrange(first.year, first.month)[1]
        return f"{first:%Y-%m}-XX", (_midnight(first.date().replace(day=1)), 1,
                                     -dt.timedelta(days=days))
    if first.year == last.year:
        days = 366 if calendar.isleap(first.year) else 365
        return f"{first:%Y}-XX-XX", (dt.datetime(first.year, 1, 1), 1, -dt.timedelta(days=days))
    return UNKNOWN_DATE, (first, 1, first - after)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)
