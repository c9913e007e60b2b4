"""Build one timeline from the five bundled seed articles (Dutch, German, Swedish) and print it."""

import pathlib

import timeline

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))

t = timeline.extract(SEEDS)
for event in t:
    if event.type == "event":
        continue  # dated statements without an event word
    languages = ",".join(sorted({m.language or "?" for m in event.mentions}))
    part = f"  (part of {event.part_of})" if event.part_of else ""
    print(f"{event.value or 'undated':24} {event.type:13} {languages:9} {event.label}{part}")
    for m in event.mentions:
        print(f"{'':24}   {m.document[:3]} {m.text!r}")
