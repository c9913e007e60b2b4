"""Score `timeline.tag` against the gold TIMEX3s of any TimeML corpus.

Usage:
    python benchmarks/eval_timeml.py CORPUS_DIR_OR_FILES... [--language en] [--misses]

Each ``.tml`` file (directories are searched recursively) is read with
`timeline.io.read_timeml`; its TEXT is tagged with the DCT as ``published``
(the language detected unless given) and the result compared with the gold
timexes as TempEval-3 task A does: a system timex matches the first unmatched
gold timex it overlaps (relaxed), the match is strict when the spans are
equal, and its value is right when the value strings are equal. Precision is
matches over system timexes, recall matches over gold timexes.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Iterable, Iterator, Sequence

import attrs

import timeline
from timeline.errors import TimelineError
from timeline.io import read_timeml
from timeline.models import TimeExpression

METRICS = ("strict", "relaxed", "value")


@attrs.frozen
class Counts:
    """Gold and system timexes, and matches of each kind."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other),
                                               strict=True)))

    def scores(self, metric: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of ``strict``, ``relaxed`` or ``value`` matches."""
        hits = getattr(self, metric)
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def compare(gold: Sequence[TimeExpression], system: Sequence[TimeExpression],
            misses: list[str] | None = None) -> Counts:
    """Match one document's system timexes to its gold ones; note misses if asked."""
    used: set[int] = set()
    strict = relaxed = value = 0
    for t in system:
        hit = next((i for i, g in enumerate(gold)
                    if i not in used and t.start < g.end and g.start < t.end), None)
        if hit is None:
            _note(misses, f"spurious {t.text!r} -> {t.value}")
            continue
        used.add(hit)
        g = gold[hit]
        relaxed += 1
        strict += (t.start, t.end) == (g.start, g.end)
        value += t.value == g.value
        if t.value != g.value or (t.start, t.end) != (g.start, g.end):
            _note(misses, f"{g.text!r} ({g.value}): found {t.text!r} -> {t.value}")
    for i, g in enumerate(gold):
        if i not in used:
            _note(misses, f"missed {g.text!r} ({g.value})")
    return Counts(len(gold), len(system), strict, relaxed, value)


def evaluate(paths: Iterable[pathlib.Path], language: str | None = None,
             misses: list[str] | None = None,
             problems: list[str] | None = None) -> tuple[int, Counts]:
    """Tag every TimeML file and add up the counts; returns (files scored, counts).

    A file that cannot be read is noted in ``problems`` and left out.
    """
    total, files = Counts(), 0
    for path in paths:
        try:
            doc, gold = read_timeml(path, language=language)
            found = timeline.tag(doc.text, language=language, published=gold.published)
        except TimelineError as exc:
            _note(problems, str(exc))
            continue
        found_misses: list[str] = []
        total += compare(gold.timexes, found, found_misses if misses is not None else None)
        if misses is not None:
            misses += [f"{doc.id}: {m}" for m in found_misses]
        files += 1
    return files, total


def tml_files(arguments: Sequence[str]) -> Iterator[pathlib.Path]:
    """The ``.tml`` files named, and those under the directories named, sorted."""
    for argument in arguments:
        path = pathlib.Path(argument)
        yield from sorted(path.rglob("*.tml")) if path.is_dir() else [path]


def _note(notes: list[str] | None, message: str) -> None:
    if notes is not None:
        notes.append(message)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help=".tml files or directories holding them")
    ap.add_argument("--language", help="ISO 639-1 code of every document (else detected)")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    misses: list[str] | None = [] if args.misses else None
    problems: list[str] = []
    files, counts = evaluate(tml_files(args.paths), args.language, misses, problems)
    for problem in problems:
        print(f"eval_timeml: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps({"files": files, **attrs.asdict(counts), **{
            m: dict(zip(("precision", "recall", "f1"), counts.scores(m), strict=True))
            for m in METRICS}}))
    else:
        for miss in misses or []:
            print("  " + miss)
        print(f"{files} files, {counts.gold} gold timexes, {counts.system} found")
        print(f"{'':8} precision  recall     F1")
        for m in METRICS:
            p, r, f = counts.scores(m)
            print(f"{m:8} {p:9.3f} {r:7.3f} {f:6.3f}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
