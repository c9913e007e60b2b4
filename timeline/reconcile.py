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

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from timeline.models import DocumentResult, Event, EventMention, Source, iso_bound
from timeline.values import Granularity, Interval, TimexValue

GENERIC = "event"
# Types that may name the same happening: a spring meeting is also a conference.
_TYPE_GROUP = {"meeting": "meeting", "conference": "meeting", "celebration": "anniversary",
               "anniversary": "anniversary"}


@attrs.define
class _Record:
    doc: str
    language: str | None
    mention: EventMention
    value: TimexValue | None
    span: tuple[int, int]
    span_text: str

    @property
    def sort_key(self) -> tuple[int, str, int]:
        return (-_precision(self.value), self.doc, self.mention.start)


@attrs.define
class _Cluster:
    records: list[_Record]
    value: TimexValue | None
    group: str
    keys: set[str]
    participants: set[str]
    part_of: int | None = None


def _precision(value: TimexValue | None) -> int:
    if value is None:
        return -1
    g = value.granularity
    return int(g) if g is not None else -1


def _is_precise(value: TimexValue) -> bool:
    g = value.granularity
    return g is not None and g >= Granularity.DAY


def _contains(outer: TimexValue, inner: TimexValue) -> bool:
    a0, a1 = outer.bounds()
    b0, b1 = inner.bounds()
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return False
    return a0 <= b0 and b1 <= a1


def _times_agree(a: TimexValue | None, b: TimexValue | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.iso() == b.iso():
        return True
    if _is_precise(a) and _is_precise(b):
        return False
    return _contains(a, b) or _contains(b, a)


def _group(etype: str) -> str:
    return _TYPE_GROUP.get(etype, etype)


def reconcile(documents: Sequence[DocumentResult]) -> tuple[list[DocumentResult], list[Event]]:
    """Group the documents' mentions into events and link each mention to its event.

    Returns:
        The documents with ``mention.event`` filled in, and the ordered events.

    Example:
        >>> import timeline
        >>> t = timeline.extract(["The summit was held on 19 February 2025.",
        ...                       "The 2025 summit drew crowds."], language="en")
        >>> [(e.type, e.value, len(e.mentions)) for e in t.events]
        [('meeting', '2025-02-19', 2)]
    """
    records = sorted(_records(documents), key=lambda r: r.sort_key)
    clusters: list[_Cluster] = []
    precise = [r for r in records if r.value is not None and _is_precise(r.value)]
    rest = [r for r in records if r.value is None or not _is_precise(r.value)]
    for rec in precise:
        _place(rec, clusters)
    # Parts are known before coarse mentions arrive, so "the 2025 meeting" joins the
    # whole meeting, never the morning session inside it.
    _link_parts(clusters)
    for rec in rest:
        _place(rec, clusters)
    return _materialise(documents, clusters)


def _place(rec: _Record, clusters: list[_Cluster]) -> None:
    target = None if rec.mention.type == GENERIC else _best_cluster(rec, clusters)
    if target is None:
        clusters.append(_Cluster([rec], rec.value, _group(rec.mention.type),
                                 {rec.mention.key}, set(rec.mention.participants)))
        return
    target.records.append(rec)
    target.keys.add(rec.mention.key)
    target.participants.update(rec.mention.participants)
    if rec.value is not None and (target.value is None
                                  or _precision(rec.value) > _precision(target.value)):
        target.value = rec.value


def _records(documents: Iterable[DocumentResult]) -> Iterable[_Record]:
    for doc in documents:
        for m in doc.mentions:
            value = TimexValue.parse(m.value) if m.value else None
            yield _Record(doc.id, doc.language, m, value, (m.phrase_start, m.phrase_end),
                          m.phrase)


def _best_cluster(rec: _Record, clusters: list[_Cluster]) -> _Cluster | None:
    """The event a mention belongs to, or None for a new one.

    A coarse mention ("in 2025") joins only whole events, not their parts; inside
    one document it joins a precisely dated event only through the same trigger
    word, since the author who wrote both dates meant two occasions.
    """
    best: tuple[int, int] | None = None
    chosen = None
    group = _group(rec.mention.type)
    names = set(rec.mention.participants)
    coarse = rec.value is None or not _is_precise(rec.value)
    for k, c in enumerate(clusters):
        if c.group != group or not _times_agree(c.value, rec.value):
            continue
        if coarse and c.part_of is not None:
            continue
        same_key = rec.mention.key in c.keys
        shared = len(names & c.participants)
        if rec.value is None:
            if not (same_key and any(r.doc == rec.doc for r in c.records)):
                continue
        elif not same_key and shared == 0:
            continue
        if coarse and c.value is not None and _is_precise(c.value):
            own = {r.mention.key for r in c.records if r.doc == rec.doc}
            if own and rec.mention.key not in own:
                continue
        score = (3 * same_key + min(shared, 5)
                 + (2 if isinstance(c.value, Interval) else 0), -k)
        if best is None or score > best:
            best, chosen = score, c
    return chosen


def _link_parts(clusters: list[_Cluster]) -> None:
    """A precise event inside a longer one of the same kind is part of it."""
    spans = [(k, c) for k, c in enumerate(clusters)
             if isinstance(c.value, Interval) and c.group != GENERIC]
    for k, c in enumerate(clusters):
        if c.value is None or not _is_precise(c.value) or isinstance(c.value, Interval):
            continue
        for j, outer in spans:
            if j != k and outer.group == c.group and outer.value is not None \
                    and _contains(outer.value, c.value):
                c.part_of = j
                break


def _event_id(c: _Cluster) -> str:
    first = min((r.doc, r.mention.start, r.mention.end) for r in c.records)
    digest = hashlib.sha1(repr(first).encode("utf-8")).hexdigest()[:10]
    return f"ev-{digest}"


def _order_key(c: _Cluster) -> tuple[object, ...]:
    first = min((r.doc, r.mention.start) for r in c.records)
    if c.value is None:
        return (1, (), first)
    return (0, c.value.sort_key(), first)


def _label(c: _Cluster) -> str:
    words: list[str] = []
    for r in sorted(c.records, key=lambda r: (r.doc, r.mention.start)):
        w = r.mention.text.strip()
        if w.casefold() not in {x.casefold() for x in words}:
            words.append(w)
    return " / ".join(words[:3])


def _materialise(documents: Sequence[DocumentResult],
                 clusters: list[_Cluster]) -> tuple[list[DocumentResult], list[Event]]:
    ids = [_event_id(c) for c in clusters]
    order = sorted(range(len(clusters)), key=lambda k: _order_key(clusters[k]))
    event_of: dict[tuple[str, str], str] = {}
    events = []
    for k in order:
        c = clusters[k]
        value = c.value
        mods = {r.mention.mod for r in c.records if r.value is not None
                and value is not None and r.value.iso() == value.iso()}
        mod = mods.pop() if len(mods) == 1 else None
        sources = []
        for r in sorted(c.records, key=lambda r: (r.doc, r.span)):
            event_of[(r.doc, r.mention.id)] = ids[k]
            sources.append(Source(document=r.doc, start=r.span[0], end=r.span[1],
                                  text=r.span_text,
                                  language=r.language))
        events.append(Event(
            id=ids[k], type=c.records[0].mention.type if c.group != "meeting"
            else _main_type(c), label=_label(c), value=value.iso() if value else None, mod=mod,
            earliest=iso_bound(value.earliest) if value else None,
            latest=iso_bound(value.latest) if value else None, mentions=sources, conflicts=[],
            part_of=ids[c.part_of] if c.part_of is not None else None))
    docs = [d.model_copy(update={"mentions": [
        m.model_copy(update={"event": event_of.get((d.id, m.id))}) for m in d.mentions]})
        for d in documents]
    return docs, events


def _main_type(c: _Cluster) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in c.records:
        counts[r.mention.type] += 1
    return max(sorted(counts), key=lambda t: counts[t])


