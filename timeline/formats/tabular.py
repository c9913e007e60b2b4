"""The timeline as a table: CSV text, or a pandas DataFrame with typed columns.

One column set serves both kinds of row; a cell that does not apply is empty.

========== ========================================= ==========================================
column     event row (``kind`` = ``event``)          timex row (``kind`` = ``timex``)
========== ========================================= ==========================================
kind       ``event``                                 ``timex``
document                                             the document id
id         the event id                              the timex id (unique within its document)
type       event type (``meeting``, ``visit``, …)    TIMEX3 type (``DATE``, ``TIME``, …)
label      the event's label
text                                                 the expression as written
start                                                start offset (a Python ``str`` index)
end                                                  end offset
value      TIMEX3 value                              TIMEX3 value
mod        TIMEX3 modifier                           TIMEX3 modifier
earliest   first day (or moment) covered             first day (or moment) covered
latest     last day (or moment) covered              last day (or moment) covered
anchor                                               ``published``, ``narrative`` or ``event``
rule                                                 the grammar rule that matched
languages  the mentions' languages, ``;``-separated
documents  how many documents mention it
mentions   how many mentions it has
part_of    the id of the event it is part of
sentence   the first mention's sentence (the
           mention's own text when the document
           text is not at hand)
========== ========================================= ==========================================

In `to_pandas`, ``start``, ``end``, ``documents`` and ``mentions`` are ``Int64``,
``earliest`` and ``latest`` are ``datetime64[s]`` (day or moment; empty or
unparseable bounds are ``NaT``; the exact text stays in ``value``), and every
other column is ``string``; missing cells are ``<NA>``/``NaT``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from timeline.formats import ExportContext
from timeline.models import Event, Source, Timeline
from timeline.segment import sentences

if TYPE_CHECKING:
    import pandas as pd

Cell = str | int | None
"""A table cell: text, a count or offset, or empty."""

COLUMNS: tuple[str, ...] = (
    "kind", "document", "id", "type", "label", "text", "start", "end", "value", "mod",
    "earliest", "latest", "anchor", "rule", "languages", "documents", "mentions", "part_of",
    "sentence")
"""The columns of every row, in order (see the module docstring)."""

_INTEGER_COLUMNS = ("start", "end", "documents", "mentions")
_TIME_COLUMNS = ("earliest", "latest")


def rows(timeline: Timeline, *, timexes: bool = True,
         texts: Mapping[str, str] | None = None) -> Iterator[dict[str, Cell]]:
    """One dict per event, then (if ``timexes``) one per time expression, keyed by `COLUMNS`.

    Args:
        timeline: what to tabulate.
        timexes: also yield the documents' time expressions, after the events.
        texts: document id → text, to quote each event's first sentence.

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The ministers met on 19 February 2025."], language="en")
        >>> [(r["kind"], r["type"], r["value"]) for r in rows(t)]
        [('event', 'meeting', '2025-02-19'), ('timex', 'DATE', '2025-02-19')]
    """
    texts = texts or {}
    for event in timeline.events:
        yield _event_row(event, texts)
    if timexes:
        for doc in timeline.documents:
            for t in doc.timexes:
                yield _row(kind="timex", document=doc.id, id=t.id, type=t.type, text=t.text,
                           start=t.start, end=t.end, value=t.value, mod=t.mod,
                           earliest=t.earliest, latest=t.latest, anchor=t.anchor, rule=t.rule)


def to_csv(timeline: Timeline, *, timexes: bool = True,
           texts: Mapping[str, str] | None = None) -> str:
    """`rows` as CSV (RFC 4180: a header row, CRLF line ends, quotes where needed).

    Example:
        >>> import timeline
        >>> text = "It rained. The ministers met, at last, on 19 February 2025."
        >>> t = timeline.extract([text], language="en")
        >>> header, event = to_csv(t, timexes=False, texts={"doc1": text}).splitlines()
        >>> header.split(",")[:4], event.split(",")[:4] == ["event", "", t.events[0].id, "meeting"]
        (['kind', 'document', 'id', 'type'], True)
        >>> event.split(",", 18)[-1]
        '"The ministers met, at last, on 19 February 2025."'
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows(timeline, timexes=timexes, texts=texts))
    return out.getvalue()


def render_csv(timeline: Timeline, context: ExportContext) -> str:
    """The ``csv`` format: events and time expressions (see `to_csv`).

    Example:
        >>> render_csv(Timeline(), ExportContext()).split(",")[:3]
        ['kind', 'document', 'id']
    """
    return to_csv(timeline, texts=context.texts)


def to_pandas(timeline: Timeline, *, timexes: bool = False,
              texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """`rows` as a pandas DataFrame with typed columns (needs the ``pandas`` extra).

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The ministers met on 19 February 2025."], language="en")
        >>> df = to_pandas(t)
        >>> str(df.loc[0, "earliest"]), str(df["mentions"].dtype)
        ('2025-02-19 00:00:00', 'Int64')
    """
    import pandas as pd

    table = list(rows(timeline, timexes=timexes, texts=texts))
    columns: dict[str, pd.Series[Any]] = {}
    for name in COLUMNS:
        cells = [r[name] for r in table]
        if name in _INTEGER_COLUMNS:
            columns[name] = pd.Series(cells, dtype="Int64")
        elif name in _TIME_COLUMNS:
            columns[name] = pd.Series([_moment(c) for c in cells], dtype="datetime64[s]")
        else:
            columns[name] = pd.Series(cells, dtype="string")
    return pd.DataFrame(columns)


def source_sentence(source: Source, texts: Mapping[str, str]) -> str:
    """The sentence a source stands in, or the source's own text if its document is not given.

    Example:
        >>> s = Source(document="a.txt", start=16, end=23, text="meeting")
        >>> source_sentence(s, {"a.txt": "It rained. The meeting, at last, began."})
        'The meeting, at last, began.'
        >>> source_sentence(s, {})
        'meeting'
    """
    text = texts.get(source.document)
    if text is None:
        return source.text
    for a, b in sentences(text):
        if a <= source.start < b:
            return text[a:max(b, source.end)]
    return text[source.start:source.end]


def _event_row(event: Event, texts: Mapping[str, str]) -> dict[str, Cell]:
    sentence = source_sentence(event.mentions[0], texts) if event.mentions else None
    return _row(kind="event", id=event.id, type=event.type, label=event.label,
                value=event.value, mod=event.mod, earliest=event.earliest,
                latest=event.latest,
                languages=";".join(sorted({m.language for m in event.mentions if m.language})),
                documents=len({m.document for m in event.mentions}),
                mentions=len(event.mentions), part_of=event.part_of, sentence=sentence)


def _row(**cells: Cell) -> dict[str, Cell]:
    return {name: cells.get(name) for name in COLUMNS}


def _moment(cell: Cell) -> dt.datetime | None:
    if not isinstance(cell, str):
        return None
    try:
        return dt.datetime.fromisoformat(cell)
    except ValueError:
        return None
