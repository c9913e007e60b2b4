"""Merges event mentions across documents and languages into ordered events.

Mentions are one event when their types are compatible, their times are
compatible, and they share the trigger word or a participant. Times are
compatible when equal, or when the coarser one (a year, a month) contains the
finer: ``2025`` and ``2025-02-19/2025-02-21`` are one meeting, but two
different days are two events, and a day inside a multi-day event becomes a
part of it (``part_of``). The result depends only on the set of mentions,
never on the order of the documents, which makes `Timeline.merge` commutative,
associative and idempotent.

Events are ordered by their earliest bound, then their latest bound, then
their first mention; undated events come last.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from timeline.events import GENERIC
from timeline.models import (
    Conflict,
    DocumentResult,
    Event,
    Source,
    TimeExpression,
    iso_bound,
)
from timeline.values import CalendarDate, Duration, Granularity, Interval, TimexValue

# Types that may name the same happening: a spring meeting is also a conference.
_TYPE_GROUP = {"meeting": "meeting", "conference": "meeting", "celebration": "anniversary",
               "anniversary": "anniversary"}


@attrs.frozen
class _When:
    """A value with what comparisons need, computed once."""

    value: TimexValue
    iso: str
    start: dt.datetime | None
    end: dt.datetime | None
    precision: int
    precise: bool
    interval: bool
    lo: float  # the bounds as seconds since year 1, for fast comparisons (nan: open)
    hi: float


_NO_BOUND = float("nan")


def _when(value: TimexValue | None) -> _When | None:
    if value is None:
        return None
    g = value.granularity
    start, end = value.bounds()
    return _When(value, value.iso(), start, end, int(g) if g is not None else -1,
                 g is not None and g >= Granularity.DAY, isinstance(value, Interval),
                 _seconds(start), _seconds(end))


def _seconds(moment: dt.datetime | None) -> float:
    return _NO_BOUND if moment is None else (moment - dt.datetime.min).total_seconds()


@attrs.frozen(slots=True)
class _Mention:
    """What reconciliation reads of an `EventMention` (a few fields, not the model)."""

    id: str
    text: str
    start: int
    end: int
    type: str
    timex: str | None
    mod: str | None
    participants: tuple[str, ...]
    key: str


@attrs.define(slots=True)
class _Record:
    doc: str
    language: str | None
    mention: _Mention
    when: _When | None
    span: tuple[int, int]
    span_text: str

    @property
    def value(self) -> TimexValue | None:
        return self.when.value if self.when is not None else None

    @property
    def sort_key(self) -> tuple[int, str, int]:
        return (-(self.when.precision if self.when else -1), self.doc, self.mention.start)


@attrs.define
class _Cluster:
    records: list[_Record]
    when: _When | None
    group: str
    keys: set[str]
    participants: set[str]
    part_of: int | None = None
    conflicts: list[_Cluster] = attrs.field(factory=list)
    absorbed_by: int | None = None  # the event that took this one as a conflict
    by_doc: dict[str, list[_Record]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        for r in self.records:
            self.by_doc.setdefault(r.doc, []).append(r)

    @property
    def value(self) -> TimexValue | None:
        return self.when.value if self.when is not None else None


def _contains(outer: _When, inner: _When) -> bool:
    # any comparison with nan (an open bound) is false: nothing open contains or is contained
    return outer.lo <= inner.lo and inner.hi <= outer.hi


def _times_agree(a: _When | None, b: _When | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.iso == b.iso:
        return True
    if a.precise and b.precise:
        return False
    return _contains(a, b) or _contains(b, a)


def _group(etype: str) -> str:
    return _TYPE_GROUP.get(etype, etype)


Links = dict[tuple[str, str], str]
"""The event of each mention: ``(document id, mention id) -> event id``."""


@attrs.frozen
class Reconciled:
    """The events, the event each mention names, and the expressions an event re-dated.

    ``redated`` maps ``(document id, expression id)`` to the expression resolved
    against the event it counts from ("the day before the summit").
    """

    drafts: list[_Draft]
    event_of: Links
    redated: dict[tuple[str, str], TimeExpression]

    @property
    def events(self) -> list[Event]:
        """The ordered events (built afresh on each call)."""
        return list(self.iter_events())

    def iter_events(self) -> Iterator[Event]:
        """The ordered events, each built as it is asked for."""
        return (d.model() for d in self.drafts)

    def mention_update(self, doc: str, mention: str, timex: str | None) -> dict[str, Any]:
        """The fields reconciliation changes in one mention: its event, and its value
        when its expression was re-dated."""
        update: dict[str, Any] = {"event": self.event_of.get((doc, mention))}
        new = self.redated.get((doc, timex)) if timex is not None else None
        if new is not None:
            update["value"] = new.value
        return update

    def linked(self, doc: DocumentResult) -> DocumentResult:
        """``doc`` with its mentions linked to their events and its expressions re-dated."""
        timexes = [self.redated.get((doc.id, t.id), t) for t in doc.timexes] \
            if self.redated else doc.timexes
        mentions = [m.model_copy(update=self.mention_update(doc.id, m.id, m.timex))
                    for m in doc.mentions]
        return doc.model_copy(update={"mentions": mentions, "timexes": timexes})


def reconcile(records: list[_Record],
              relative: Mapping[str, Sequence[TimeExpression]]) -> Reconciled:
    """Group mentions into events, then date the expressions counted from an event.

    ``relative`` holds, by document id, the expressions whose
    ``relative_to`` names a mention ("the day before the summit"). Each is
    resolved against that mention's event once reconciliation has dated it to
    the day, and the mentions it dates are reconciled again.

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The summit was held on 19 February 2025.",
        ...                       "The 2025 summit drew crowds."], language="en")
        >>> [(e.type, e.value, len(e.mentions)) for e in t.events]
        [('meeting', '2025-02-19', 2)]
    """
    drafts, event_of = _cluster(records)
    redated = _redated(relative, drafts, event_of)
    if redated:
        whens: dict[str, _When | None] = {}
        for r in records:
            new = redated.get((r.doc, r.mention.timex)) if r.mention.timex else None
            if new is not None:
                r.when = _cached_when(new.value, whens)
        drafts, event_of = _cluster(records)
    return Reconciled(drafts, event_of, redated)


def mention_records(documents: Iterable[DocumentResult]) -> list[_Record]:
    """The mentions of result models, as reconciliation reads them."""
    whens: dict[str, _When | None] = {}
    return [_record(doc.id, doc.language, m.__dict__, whens)
            for doc in documents for m in doc.mentions]


def read_json_results(documents: Iterable[Mapping[str, Any]]
                      ) -> tuple[list[_Record], dict[str, list[TimeExpression]]]:
    """What `reconcile` reads of results in their JSON form (``model_dump(mode="json")``,
    as spooled): the mention records and the expressions counted from an event."""
    whens: dict[str, _When | None] = {}
    records: list[_Record] = []
    relative: dict[str, list[TimeExpression]] = {}
    for doc in documents:
        records += [_record(doc["id"], doc["language"], m, whens) for m in doc["mentions"]]
        counted = [TimeExpression.model_validate(t) for t in doc["timexes"]
                   if t["relative_to"] is not None]
        if counted:
            relative.setdefault(doc["id"], []).extend(counted)
    return records, relative


def counted_from_events(documents: Iterable[DocumentResult]) -> dict[str, list[TimeExpression]]:
    """The expressions counted from an event mention, by document id."""
    out: dict[str, list[TimeExpression]] = {}
    for doc in documents:
        relative = [t for t in doc.timexes if t.relative_to is not None]
        if relative:
            out.setdefault(doc.id, []).extend(relative)
    return out


def _record(doc: str, language: str | None, m: Mapping[str, Any],
            whens: dict[str, _When | None]) -> _Record:
    intern = sys.intern
    mention = _Mention(m["id"], m["text"], m["start"], m["end"], intern(m["type"]), m["timex"],
                       m["mod"], tuple(intern(p) for p in m["participants"]), intern(m["key"]))
    when = _cached_when(m["value"], whens) if m["value"] else None
    return _Record(intern(doc), language, mention, when, (m["phrase_start"], m["phrase_end"]),
                   m["phrase"])


def _cached_when(value: str, whens: dict[str, _When | None]) -> _When | None:
    """News repeats its dates: each distinct value is parsed once."""
    try:
        return whens[value]
    except KeyError:
        when = whens[value] = _when(TimexValue.parse(value))
        return when


def _cluster(records: list[_Record]) -> tuple[list[_Draft], Links]:
    ordered = sorted(records, key=lambda r: r.sort_key)
    index = _Index()
    precise = [r for r in ordered if r.when is not None and r.when.precise]
    rest = [r for r in ordered if r.when is None or not r.when.precise]
    for rec in precise:
        _place(rec, index)
    # Parts are known before coarse mentions arrive, so "the 2025 meeting" joins the
    # whole meeting, never the morning session inside it.
    _link_parts(index)
    for rec in rest:
        _place(rec, index)
    _settle_conflicts(index)
    return _events(index.clusters)


def _redated(relative: Mapping[str, Sequence[TimeExpression]], drafts: list[_Draft],
             event_of: Links) -> dict[tuple[str, str], TimeExpression]:
    by_id = {d.id: d.value for d in drafts}
    out: dict[tuple[str, str], TimeExpression] = {}
    for doc, timexes in relative.items():
        for t in timexes:
            value = by_id.get(event_of.get((doc, t.relative_to or ""), ""))
            new = _from_event(t, value) if value is not None else None
            if new is not None and new.value != t.value:
                out[(doc, t.id)] = new
    return out


def _from_event(t: TimeExpression, value: TimexValue) -> TimeExpression | None:
    """"The day before the summit": the summit's first day minus one; "two weeks after
    the talks": their last day plus two weeks. Only events dated to the day count."""
    if t.offset is None or value.earliest is None:
        return None
    if value.granularity is None or value.granularity < Granularity.DAY:
        return None
    negative = t.offset.startswith("-")
    shift = Duration.parse(t.offset.lstrip("-")).to_relativedelta()
    base = value.earliest if negative else value.latest
    if shift is None or base is None:
        return None
    day = base.date() if isinstance(base, dt.datetime) else base
    try:
        target = day - shift if negative else day + shift
    except (ValueError, OverflowError):
        return None
    new = CalendarDate.from_date(target)
    return t.model_copy(update={"value": new.iso(), "earliest": iso_bound(new.earliest),
                                "latest": iso_bound(new.latest), "anchor": "event",
                                "type": "DATE"})


_WIDE_YEARS = 12  # values longer than this are blocked together, not year by year


class _Index:
    """Clusters blocked so that a mention meets only events it could join:
    a precise mention those with its exact value, a coarse one those sharing its
    year and its trigger word or a participant, an undated one those of its
    document. This keeps reconciliation near-linear in the number of mentions."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.buckets: dict[tuple[object, ...], list[int]] = defaultdict(list)

    @staticmethod
    def _years(when: _When | None) -> list[object]:
        if when is None:
            return []
        start, end = when.start, when.end
        if start is None or end is None or end.year - start.year > _WIDE_YEARS:
            return ["wide"]
        last = (end - dt.timedelta(microseconds=1)).year
        return [*range(start.year, last + 1), "wide"]

    @staticmethod
    def _words(rec: _Record) -> list[str]:
        return [rec.mention.key, *rec.mention.participants]

    def candidates(self, rec: _Record) -> list[int]:
        group = _group(rec.mention.type)
        if rec.when is None:  # joins by its document, or by its word and a name
            keys: list[tuple[object, ...]] = [(group, "doc", rec.doc)]
            keys += [(group, "named", rec.mention.key, p) for p in _named(rec.mention.participants)]
        elif rec.when.precise:
            keys = [(group, "iso", rec.when.iso)]
        else:
            keys = [(group, y, w) for y in self._years(rec.when) for w in self._words(rec)]
        found: set[int] = set()
        for key in keys:
            found.update(self.buckets.get(key, ()))
        return sorted(found)

    def add(self, cluster: _Cluster) -> None:
        self.clusters.append(cluster)
        self.register(len(self.clusters) - 1, cluster.records[-1], set(cluster.keys),
                      set(cluster.participants))

    def register(self, k: int, rec: _Record, new_keys: set[str],
                 new_participants: set[str]) -> None:
        """File cluster ``k`` under what ``rec`` (just joined) brings to it."""
        c = self.clusters[k]
        keys: list[tuple[object, ...]] = [(c.group, "doc", rec.doc),
                                          (c.group, "key", rec.mention.key)]
        # word x name pairs, for undated mentions: only the pairs that are new
        keys += [(c.group, "named", w, p) for w in new_keys for p in _named(c.participants)]
        keys += [(c.group, "named", w, p) for w in c.keys - new_keys
                 for p in _named(new_participants)]
        if c.when is not None:
            keys.append((c.group, "iso", c.when.iso))
            words = self._words(rec) if len(c.records) > 1 else [*c.keys, *c.participants]
            keys += [(c.group, y, w) for y in self._years(c.when) for w in words]
            if c.when.interval:
                keys += [(c.group, "span", y) for y in self._years(c.when)]
        for key in keys:
            bucket = self.buckets[key]
            if not bucket or bucket[-1] != k:
                bucket.append(k)


def _place(rec: _Record, index: _Index) -> None:
    k = None if rec.mention.type == GENERIC else _best_cluster(rec, index)
    if k is None:
        index.add(_Cluster([rec], rec.when, _group(rec.mention.type),
                           {rec.mention.key}, set(rec.mention.participants)))
        return
    target = index.clusters[k]
    target.records.append(rec)
    target.by_doc.setdefault(rec.doc, []).append(rec)
    new_keys = {rec.mention.key} - target.keys
    new_participants = set(rec.mention.participants) - target.participants
    target.keys |= new_keys
    target.participants |= new_participants
    if rec.when is not None and (target.when is None
                                 or rec.when.precision > target.when.precision):
        target.when = rec.when
    index.register(k, rec, new_keys, new_participants)


def _named(participants: Iterable[str]) -> list[str]:
    """Proper names only: qualifiers ("@SP", a season) name no one."""
    return [p for p in participants if not p.startswith("@")]


def _best_cluster(rec: _Record, index: _Index) -> int | None:
    """The event a mention belongs to, or None for a new one.

    A coarse mention ("in 2025") joins only whole events, not their parts; inside
    one document it joins a precisely dated event only through the same trigger
    word, since the author who wrote both dates meant two occasions.
    """
    best: tuple[int, int] | None = None
    chosen = None
    clusters = index.clusters
    group = _group(rec.mention.type)
    names = set(rec.mention.participants)
    coarse = rec.when is None or not rec.when.precise
    for k in index.candidates(rec):
        c = clusters[k]
        if c.group != group or (rec.when is not None and not _times_agree(c.when, rec.when)):
            continue
        if coarse and c.part_of is not None:
            continue
        same_key = rec.mention.key in c.keys
        shared = len(names & c.participants)
        if rec.when is None:
            # An undated mention ("the summit") joins its own document's event by the
            # same word, or another document's by the same word and a shared name.
            if not same_key or not (_named(names & c.participants) or rec.doc in c.by_doc):
                continue
        elif not same_key and shared == 0:
            continue
        if coarse and c.when is not None and c.when.precise \
                and not _same_occasion(rec, c.by_doc.get(rec.doc, [])):
            continue
        equal = c.when is not None and rec.when is not None and c.when.iso == rec.when.iso
        whole = c.when is not None and c.when.interval and c.when.precise
        score = (3 * same_key + min(shared, 5) + 2 * equal + 2 * whole, -k)
        if best is None or score > best:
            best, chosen = score, k
    return chosen


_NEAR = 300  # characters: mentions this close in one document name one occasion


def _same_occasion(rec: _Record, own: list[_Record]) -> bool:
    """Whether a coarse mention may join an event its own document dates precisely:
    through the same word, a shared qualifier (both "spring"), or proximity."""
    if not own:
        return True
    quals = {p for p in rec.mention.participants if p.startswith("@")}
    for r in own:
        if r.mention.key == rec.mention.key or abs(r.mention.start - rec.mention.start) <= _NEAR:
            return True
        if quals & {p for p in r.mention.participants if p.startswith("@")}:
            return True
    return False


def _link_parts(index: _Index) -> None:
    """A precise event inside a longer one of the same kind is part of it."""
    clusters = index.clusters
    for k, c in enumerate(clusters):
        if c.when is None or not c.when.precise or c.when.interval:
            continue
        spans: set[int] = set()
        for y in index._years(c.when):
            spans.update(index.buckets.get((c.group, "span", y), ()))
        for j in sorted(spans):
            outer = clusters[j]
            if j != k and outer.when is not None and outer.when.interval \
                    and outer.group == c.group and _contains(outer.when, c.when):
                c.part_of = j
                break


_CONFLICT_DAYS = 7  # precise dates this close, for one named occasion, are a disagreement


def _settle_conflicts(index: _Index) -> None:
    """Events that are one occasion by every sign but their dates become one event.

    Two precisely dated events are taken for one occasion whose sources disagree
    when they share the trigger word and a named participant, lie within a week of
    each other, no document dates both (an author who writes two dates means two
    occasions) and neither is part of the other. The better-supported date (more
    documents, then more mentions, then the earlier date) is kept; the other is
    kept as a conflict with its sources, so nothing is dropped.
    """
    clusters = index.clusters
    eligible = [k for k, c in enumerate(clusters) if _may_conflict(c)]
    support = {k: _support(clusters[k]) for k in eligible}
    weeks: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for k in eligible:
        for key in clusters[k].keys:
            for w in _weeks(clusters[k].when, 0):
                weeks[(clusters[k].group, key, w)].append(k)
    for k in sorted(eligible, key=support.__getitem__):
        strong = clusters[k]
        if strong.absorbed_by is not None:
            continue
        near = {j for key in strong.keys for w in _weeks(strong.when, 1)
                for j in weeks.get((strong.group, key, w), ())}
        for j in sorted(near, key=support.__getitem__):
            weak = clusters[j]
            if j != k and weak.absorbed_by is None and support[k] < support[j] \
                    and _disagree(strong, weak):
                weak.absorbed_by = k
                strong.conflicts.append(weak)
                strong.keys |= weak.keys
                strong.participants |= weak.participants
    for c in clusters:
        if c.part_of is not None and clusters[c.part_of].absorbed_by is not None:
            c.part_of = clusters[c.part_of].absorbed_by


def _weeks(when: _When | None, margin: int) -> range:
    """The week numbers a precise value touches, widened by ``margin`` weeks each side."""
    assert when is not None and when.start is not None and when.end is not None
    first = when.start.toordinal() // 7
    last = max(first, (when.end - dt.timedelta(microseconds=1)).toordinal() // 7)
    if last - first > 4:  # a long span is blocked by its first week only
        return range(first - margin, first + margin + 1)
    return range(first - margin, last + margin + 1)


def _may_conflict(c: _Cluster) -> bool:
    return c.group != GENERIC and c.part_of is None and c.when is not None and c.when.precise


def _support(c: _Cluster) -> tuple[object, ...]:
    """Sorts the best-supported cluster first."""
    assert c.when is not None
    first = min((r.doc, r.mention.start) for r in c.records)
    return (-len(c.by_doc), -len(c.records), c.when.value.sort_key(), first)


def _disagree(a: _Cluster, b: _Cluster) -> bool:
    assert a.when is not None and b.when is not None
    if _times_agree(a.when, b.when) or not (a.keys & b.keys):
        return False
    if not _named(a.participants & b.participants) or a.by_doc.keys() & b.by_doc.keys():
        return False
    gap = max(a.when.lo, b.when.lo) - min(a.when.hi, b.when.hi)  # nan (open) compares false
    return gap <= _CONFLICT_DAYS * 86_400


def _event_id(c: _Cluster) -> str:
    first = min((r.doc, r.mention.start, r.mention.end) for r in c.records)
    digest = hashlib.sha1(repr(first).encode("utf-8")).hexdigest()[:10]
    return f"ev-{digest}"


def _order_key(c: _Cluster) -> tuple[object, ...]:
    first = min((r.doc, r.mention.start) for r in c.records)
    if c.value is None:
        return (1, (), first)
    return (0, c.value.sort_key(), first)


def _label(records: list[_Record]) -> str:
    words: list[str] = []
    for r in sorted(records, key=lambda r: (r.doc, r.mention.start)):
        w = r.mention.text.strip()
        if w.casefold() not in {x.casefold() for x in words}:
            words.append(w)
    return " / ".join(words[:3])


@attrs.frozen(slots=True)
class _Draft:
    """An event as reconciliation leaves it; `model` builds the public `Event`, so a
    long run holds its records, not a model per mention."""

    id: str
    type: str
    value: TimexValue | None
    mod: str | None
    part_of: str | None
    records: list[_Record]  # its own first, then those of the dates it overruled
    own: int
    conflicts: list[tuple[TimexValue, list[_Record]]]

    def model(self) -> Event:
        value = self.value
        return Event(
            id=self.id, type=self.type, label=_label(self.records[:self.own]),
            value=value.iso() if value else None, mod=self.mod,
            earliest=iso_bound(value.earliest) if value else None,
            latest=iso_bound(value.latest) if value else None,
            mentions=_sources(self.records),
            conflicts=[Conflict(value=v.iso(), sources=_sources(rs)) for v, rs in self.conflicts],
            part_of=self.part_of)


def _events(clusters: list[_Cluster]) -> tuple[list[_Draft], Links]:
    ids = [_event_id(c) for c in clusters]
    order = sorted((k for k, c in enumerate(clusters) if c.absorbed_by is None),
                   key=lambda k: _order_key(clusters[k]))
    event_of: Links = {}
    drafts = []
    for k in order:
        c = clusters[k]
        value = c.value
        mods = {r.mention.mod for r in c.records if r.value is not None
                and value is not None and r.value.iso() == value.iso()}
        mod = mods.pop() if len(mods) == 1 else None
        records = c.records + [r for other in c.conflicts for r in other.records]
        for r in records:
            event_of[(r.doc, r.mention.id)] = ids[k]
        conflicts = [(other.value, other.records) for other in sorted(c.conflicts, key=_support)
                     if other.value is not None]
        drafts.append(_Draft(
            ids[k], c.records[0].mention.type if c.group != "meeting" else _main_type(c),
            value, mod, ids[c.part_of] if c.part_of is not None else None, records,
            len(c.records), conflicts))
    return drafts, event_of


def _sources(records: list[_Record]) -> list[Source]:
    return [Source(document=r.doc, start=r.span[0], end=r.span[1], text=r.span_text,
                   language=r.language)
            for r in sorted(records, key=lambda r: (r.doc, r.span))]


def _main_type(c: _Cluster) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in c.records:
        counts[r.mention.type] += 1
    return max(sorted(counts), key=lambda t: counts[t])


