"""Tagged documents kept on disk until their events are reconciled, then written out.

The tagging pass appends each document's result to a temporary file and
keeps none of it in memory; reconciliation reads back only the documents'
event mentions. The ``json`` and ``jsonl`` formats are then written one
document at a time, so memory grows with the events, never with the text.
The output is exactly what `timeline.export` renders for the same timeline.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any, TextIO

import attrs

from timeline.export import jsonl_lines
from timeline.models import DocumentResult, Event, Timeline
from timeline.parallel import Tagged
from timeline.reconcile import Reconciled, read_json_results, reconcile

_INDENT = "    "  # a document's depth in the json format: inside "documents": [ … ]


class ResultSpool:
    """Tagged documents in input order, on disk, waiting for reconciliation.

    Example:
        >>> from timeline.models import Document
        >>> from timeline.parallel import tag_document
        >>> with ResultSpool() as spool:
        ...     spool.add(tag_document(Document(id="a", text="The summit was on 19 May 2025."),
        ...                            language="en"))
        ...     done = spool.reconcile()
        ...     [(e.type, e.value) for e in done.events]
        [('meeting', '2025-05-19')]
    """

    def __init__(self) -> None:
        self._records = _scratch()
        self._reconcilable = _scratch()
        self._count = 0

    def add(self, tagged: Tagged) -> None:
        """Append one document's result."""
        self._records.write(tagged.record + "\n")
        if tagged.reconcilable is not None:
            self._reconcilable.write(tagged.reconcilable + "\n")
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def reconcile(self) -> SpooledTimeline:
        """Reconcile the spooled documents' mentions (see `timeline.reconcile.reconcile`).

        Only a few fields of each mention are kept in memory, never the documents.
        The result reads the documents from this spool: use it before closing.
        """
        self._reconcilable.seek(0)
        records, relative = read_json_results(json.loads(line) for line in self._reconcilable)
        return SpooledTimeline(self._records, reconcile(records, relative))

    def close(self) -> None:
        """Delete the temporary files."""
        self._records.close()
        self._reconcilable.close()

    def __enter__(self) -> ResultSpool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _scratch() -> TextIO:
    # The records are ASCII JSON (non-ASCII escaped), so any text, even lone
    # surrogates, survives the round trip.
    return tempfile.TemporaryFile("w+", encoding="ascii", newline="\n")


@attrs.frozen
class SpooledTimeline:
    """A reconciled timeline whose documents are still on disk: each is read back,
    linked to its events, and written out in turn."""

    records: TextIO
    reconciled: Reconciled

    @property
    def events(self) -> list[Event]:
        """The ordered events (built on each call)."""
        return self.reconciled.events

    def documents(self) -> Iterator[dict[str, Any]]:
        """Each document as the output contract's JSON object, in input order."""
        self.records.seek(0)
        for line in self.records:
            record: dict[str, Any] = json.loads(line)
            if record["mentions"]:
                _link(record, self.reconciled)
            yield record

    def timeline(self) -> Timeline:
        """The whole `Timeline` in memory, for the formats that need it at once."""
        return Timeline(documents=[DocumentResult.model_validate(d) for d in self.documents()],
                        events=self.events)

    def write_json(self, out: TextIO) -> None:
        """Write the ``json`` format, one document at a time."""
        out.write('{\n  "documents": [')
        _write_items(out, self.documents())
        out.write(',\n  "events": [')
        _write_items(out, (e.model_dump(mode="json") for e in self.reconciled.iter_events()))
        out.write("\n}\n")

    def write_jsonl(self, out: TextIO) -> None:
        """Write the ``jsonl`` format, one document at a time."""
        for line in jsonl_lines(self.documents(),
                                (e.model_dump(mode="json")
                                 for e in self.reconciled.iter_events())):
            out.write(line + "\n")


def _link(record: dict[str, Any], done: Reconciled) -> None:
    """Link a spooled document's mentions to their events and re-date its expressions
    counted from an event, in place."""
    doc = record["id"]
    for m in record["mentions"]:
        m.update(done.mention_update(doc, m["id"], m["timex"]))
    if done.redated:
        record["timexes"] = [
            done.redated[(doc, t["id"])].model_dump(mode="json") if (doc, t["id"]) in done.redated
            else t for t in record["timexes"]]


def _write_items(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    """A JSON array's items at the depth ``json.dumps(indent=2)`` gives them."""
    separator = "\n"
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2)
        out.write(separator + _INDENT + text.replace("\n", "\n" + _INDENT))
        separator = ",\n"
    out.write("]" if separator == "\n" else "\n  ]")
