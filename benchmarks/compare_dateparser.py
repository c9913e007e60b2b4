"""Score dateparser's `search_dates` as a tagger, beside timeline, with the shared scorer.

Usage:
    python benchmarks/compare_dateparser.py [--skip-timebank]

dateparser finds dates in text but gives each one a full `datetime`, with no
span and no TIMEX3 value. To score it like a tagger, each found string is
located in the text (in order) and given the value a user would take from it:
the year alone when the string is a bare four-digit year, else the day
(`YYYY-MM-DD`). It gets the same language and reference date as timeline (the
publication date where the corpus gives one). Both outputs are written in the
output contract and scored by `../shared/tools/score.py`; the script prints one
row per corpus and tool. Measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time
from typing import Any

from corpus import ROOT, SEED_LANGUAGES, TIMEBANK

import timeline

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
GOLD = {"seeds": SHARED / "gold" / "seeds.json",
        "TimeBank": SHARED / "corpora" / "timebank_en" / "gold.json"}
_YEAR_RE = re.compile(r"\d{4}")
_CODES = {"no": "nb"}

Doc = dict[str, Any]


def seed_documents() -> list[Doc]:
    return [{"id": p.name, "text": p.read_text(encoding="utf-8"),
             "language": SEED_LANGUAGES[p.name[:3]], "published": None}
            for p in sorted((ROOT / "seeds").glob("*.txt"))]


def timebank_documents() -> list[Doc]:
    return [json.loads(line) for line in TIMEBANK.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def dateparser_output(docs: list[Doc]) -> dict[str, Any]:
    from dateparser.search import search_dates

    out = []
    for doc in docs:
        text, settings = doc["text"], {"RETURN_AS_TIMEZONE_AWARE": False}
        if doc.get("published"):
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(doc["published"])
        found = search_dates(text, languages=[_CODES.get(doc["language"], doc["language"])],
                             settings=settings) or []
        timexes, pos = [], 0
        for k, (written, when) in enumerate(found, start=1):
            start = text.find(written, pos)
            if start < 0:
                continue
            pos = start + len(written)
            value = str(when.year) if _YEAR_RE.fullmatch(written.strip()) else \
                when.date().isoformat()
            timexes.append({"id": f"t{k}", "text": written, "start": start, "end": pos,
                            "type": "DATE", "value": value})
        out.append({"id": doc["id"], "language": doc["language"], "timexes": timexes})
    return {"documents": out, "events": []}


def timeline_output(docs: list[Doc]) -> dict[str, Any]:
    t = timeline.extract([timeline.Document(**doc) for doc in docs])
    return t.model_dump(mode="json")


def score(gold: pathlib.Path, system: dict[str, Any]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False,
                                     encoding="utf-8") as fh:
        json.dump(system, fh, ensure_ascii=False)
    done = subprocess.run([sys.executable, str(SCORER), str(gold), fh.name, "--json"],
                          capture_output=True, text=True, check=True)
    pathlib.Path(fh.name).unlink()
    result: dict[str, Any] = json.loads(done.stdout)["timexes"]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--skip-timebank", action="store_true")
    args = ap.parse_args()
    if not SCORER.exists():
        sys.exit(f"the shared scorer is not at {SCORER}")
    corpora = {"seeds": seed_documents()}
    if not args.skip_timebank and TIMEBANK.exists():
        corpora["TimeBank"] = timebank_documents()
    print(f"{'corpus':10} {'tool':22} {'value F1':>8} {'strict F1':>9} {'relaxed F1':>10} "
          f"{'seconds':>8}")
    for name, docs in corpora.items():
        for tool, run in (("timeline", timeline_output),
                          ("dateparser search_dates", dateparser_output)):
            start = time.perf_counter()
            system = run(docs)
            seconds = time.perf_counter() - start
            s = score(GOLD[name], system)
            print(f"{name:10} {tool:22} {s['value_f1']:8.3f} {s['strict_f1']:9.3f} "
                  f"{s['relaxed_f1']:10.3f} {seconds:8.1f}")


if __name__ == "__main__":
    main()
