"""Time reconciliation of many generated documents (the issue's bar: 10,000 in under a minute).

Usage:
    python benchmarks/bench_reconcile.py [--documents N] [--seed S]

Documents are short English news items built from a fixed vocabulary of event
words, places and dates, so many mentions share types and years: the hard case
for blocking. Tagging and reconciliation are timed separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import timeline
from timeline.models import Document
from timeline.pipeline import build_timeline, process_document

TRIGGERS = ["summit", "meeting", "conference", "state visit", "election", "agreement",
            "exhibition", "opening", "anniversary celebration", "deadline"]
PLACES = ["Hanoi", "Geneva", "Oslo", "Lima", "Jakarta", "Lisbon", "Madrid", "Rome", "Paris",
          "Berlin", "Amsterdam", "Stockholm", "Copenhagen"]


def make_documents(n: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for k in range(n):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
            when = rng.choice([f"on {day.day} {day:%B} {day.year}", f"in {day.year}",
                               f"in {day:%B} {day.year}", "last week", "yesterday"])
            sentences.append(f"The {rng.choice(TRIGGERS)} in {rng.choice(PLACES)} took place "
                             f"{when}, officials from {rng.choice(PLACES)} said.")
        docs.append(Document(id=f"doc{k:05d}", text=" ".join(sentences), language="en",
                             published=dt.date(2026, 1, 1)))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    docs = make_documents(args.documents, args.seed)
    t0 = time.perf_counter()
    results = [process_document(d) for d in docs]
    t1 = time.perf_counter()
    tl = build_timeline(results)
    t2 = time.perf_counter()
    mentions = sum(len(d.mentions) for d in tl.documents)
    print(f"{len(docs)} documents, {mentions} mentions -> {len(tl)} events")
    print(f"tagging and mentions: {t1 - t0:.1f} s; reconciliation: {t2 - t1:.1f} s; "
          f"total {t2 - t0:.1f} s")
    assert isinstance(tl, timeline.Timeline)


if __name__ == "__main__":
    main()
