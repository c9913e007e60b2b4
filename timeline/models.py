"""The public, serialisable objects: pydantic models with JSON and JSON Schema.

Conversion from the internal attrs values happens here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from timeline.anchor import Anchored
from timeline.values import Duration, TimexValue

if TYPE_CHECKING:
    import pandas as pd

TimexValueStr = Annotated[str, Field(
    description="A TIMEX3 value: ISO 8601 date, time, duration, X-placeholders, "
                "PRESENT_REF/PAST_REF/FUTURE_REF, or an interval A/B.",
    examples=["2025-02-21", "2025-02-21TMO", "P2Y", "2025-02-19/2025-02-21"])]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(_Model):
    """One input document.

    Example:
        >>> Document(id="a.txt", text="Op 18 januari 1950.", language="nl").language
        'nl'
    """

    id: str
    text: str
    language: str | None = None
    published: dt.date | None = None


class TimeExpression(_Model):
    """A time expression found in a document, with its TIMEX3 value.

    ``start``/``end`` are Python string offsets: ``text == document[start:end]``.
    ``anchor`` says what an underspecified value was resolved against.

    Example:
        >>> import timeline
        >>> t = timeline.tag("It opened on 18 January 1950.", language="en")[0]
        >>> (t.text, t.type, t.value)
        ('18 January 1950', 'DATE', '1950-01-18')
    """

    id: str
    text: str
    start: int
    end: int
    type: TimexType
    value: TimexValueStr
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    anchor: Literal["published", "narrative", "event"] | None = None
    rule: str | None = Field(default=None, description="The grammar rule that matched.")
    note: str | None = Field(default=None, description="Why an ambiguous reading was chosen.")
    alternatives: list[str] = Field(default_factory=list,
                                    description="Readings considered and rejected.")
    offset: str | None = Field(default=None, description=(
        "For an expression counted from an event (\"the day before the meeting\"): the "
        "signed TIMEX3 duration from that event, e.g. -P1D."))
    relative_to: str | None = Field(default=None, description=(
        "The id of the event mention the offset counts from; once that event is dated, "
        "the value is resolved against it and anchor is 'event'."))

    def timex_value(self) -> TimexValue:
        """The value as a `TimexValue` (parsed from ``value``)."""
        return TimexValue.parse(self.value)


class EventMention(_Model):
    """A word or phrase in a document that names an event.

    Example:
        >>> EventMention(id="d1-e1", text="meeting", start=4, end=11, type="meeting").type
        'meeting'
    """

    id: str
    text: str
    start: int
    end: int
    type: str
    timex: str | None = None
    event: str | None = None
    value: TimexValueStr | None = Field(
        default=None, description="The time of the mention: its timex's value, or the "
                                  "commemorated date for the event an anniversary names.")
    mod: str | None = None
    participants: list[str] = Field(default_factory=list,
                                    description="Normalised proper names of its sentence.")
    key: str = Field(default="", description="The normalised trigger word.")
    phrase_start: int = Field(default=0, description="Start of the trigger-to-date phrase.")
    phrase_end: int = Field(default=0, description="End of the trigger-to-date phrase.")
    phrase: str = Field(default="", description="The trigger-to-date phrase.")


class DocumentResult(_Model):
    """What was found in one document.

    Example:
        >>> DocumentResult(id="a.txt", language="en").timexes
        []
    """

    id: str
    language: str | None
    published: dt.date | None = None
    timexes: list[TimeExpression] = Field(default_factory=list)
    mentions: list[EventMention] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)


class Source(_Model):
    """Where an event is mentioned: a span of one document.

    Example:
        >>> Source(document="a.txt", start=0, end=7, text="meeting", language="en").document
        'a.txt'
    """

    document: str
    start: int
    end: int
    text: str
    language: str | None = None


class Conflict(_Model):
    """A value some sources give for an event that disagrees with the one kept.

    Example:
        >>> Conflict(value="2024", sources=[]).value
        '2024'
    """

    value: TimexValueStr
    sources: list[Source] = Field(default_factory=list)


class Event(_Model):
    """One event of the timeline, reconciled across documents and languages.

    Example:
        >>> Event(id="ev1", type="meeting", label="meeting", value="2025-02-20").value
        '2025-02-20'
    """

    id: str
    type: str
    label: str
    value: TimexValueStr | None = None
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    mentions: list[Source] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    part_of: str | None = None


class Timeline(_Model):
    """Documents and their events, in timeline order (undated events last).

    Example:
        >>> import timeline
        >>> t = timeline.extract(["Talks were held on 20 February 2025."], language="en")
        >>> len(t.documents)
        1
    """

    documents: list[DocumentResult] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def __iter__(self) -> Iterator[Event]:  # type: ignore[override]
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def between(self, start: dt.date | str, end: dt.date | str) -> list[Event]:
        """The dated events that overlap ``[start, end]`` (inclusive days), in order.

        Example:
            >>> Timeline().between("2025-01-01", "2025-12-31")
            []
        """
        lo, hi = str(start)[:10], str(end)[:10]
        return [e for e in self.events if e.earliest is not None and e.latest is not None
                and e.earliest[:10] <= hi and lo <= e.latest[:10]]

    def merge(self, other: Timeline) -> Timeline:
        """Combine two timelines (say, built on two machines) into one.

        Documents are united by id and all mentions reconciled again, so the
        result is the same in any order and merging a timeline with itself
        changes nothing.

        Example:
            >>> import timeline
            >>> a = timeline.extract(["The summit opened on 19 February 2025."], language="en")
            >>> a.merge(a) == a
            True
        """
        from timeline.pipeline import build_timeline

        docs: dict[str, DocumentResult] = {}
        for d in (*self.documents, *other.documents):
            d = d.model_copy(update={"mentions": [
                m.model_copy(update={"event": None}) for m in d.mentions]})
            old = docs.get(d.id)
            if old is None or d.model_dump_json() < old.model_dump_json():
                docs[d.id] = d
        return build_timeline([docs[k] for k in sorted(docs)])

    def of_type(self, *types: str) -> list[Event]:
        """The events of the given types, in order."""
        return [e for e in self.events if e.type in types]

    def in_language(self, *languages: str) -> list[Event]:
        """The events mentioned in any of the given languages, in order."""
        return [e for e in self.events if any(m.language in languages for m in e.mentions)]

    def to_pandas(self, *, timexes: bool = False) -> pd.DataFrame:
        """The events (and, with ``timexes``, every time expression) as a typed DataFrame.

        Needs the ``pandas`` extra; the columns are described in `timeline.formats.tabular`.

        Example:
            >>> import timeline
            >>> t = timeline.extract(["The ministers met on 19 February 2025."], language="en")
            >>> t.to_pandas()[["kind", "type", "value"]].values.tolist()
            [['event', 'meeting', '2025-02-19']]
            >>> t.to_pandas(timexes=True)["kind"].tolist()
            ['event', 'timex']
        """
        from timeline.formats.tabular import to_pandas

        return to_pandas(self, timexes=timexes)


def to_time_expression(a: Anchored, ident: str) -> TimeExpression:
    """Convert an anchored internal value into its public model."""
    value, earliest, latest = _written(a.value)
    return TimeExpression(
        id=ident, text=a.text, start=a.start, end=a.end, type=a.type.value, value=value,
        mod=a.mod.value if a.mod else None, earliest=earliest, latest=latest,
        anchor=a.anchor,  # type: ignore[arg-type]
        rule=a.rule, note=a.note, alternatives=list(a.alternatives),
        offset=_signed_duration(a.offset))


@functools.lru_cache(maxsize=4096)
def _written(value: TimexValue) -> tuple[str, str | None, str | None]:
    """A value as TIMEX3 with its inclusive bounds (news repeats its dates: cached)."""
    return value.iso(), iso_bound(value.earliest), iso_bound(value.latest)


def _signed_duration(offset: tuple[str, int] | None) -> str | None:
    if offset is None:
        return None
    unit, amount = offset
    iso = Duration.of(unit, abs(amount)).iso()
    return iso if amount >= 0 else "-" + iso


def iso_bound(value: dt.date | dt.datetime | None) -> str | None:
    """An inclusive bound as ISO 8601 (minutes for times), or None.

    Example:
        >>> iso_bound(dt.datetime(2025, 4, 14, 14, 12))
        '2025-04-14T14:12'
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


def time_expressions(anchored: Iterable[Anchored], prefix: str = "t") -> list[TimeExpression]:
    """Number anchored values ``t1, t2, …`` and convert them."""
    return [to_time_expression(a, f"{prefix}{k}") for k, a in enumerate(anchored, start=1)]
