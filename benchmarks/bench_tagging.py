"""Time `timeline.tag` against dateparser's `search_dates` and a regex floor, in one run.

Usage:
    python benchmarks/bench_tagging.py [--repeat N] [--corpus FILE.jsonl ...]

By default the text is the bundled seeds plus, when present, the English
TimeML corpus beside the repository (`../shared/corpora/timebank_en`). Each
tool gets the same documents and the same language; the script prints KB/s
for each and the ratios. Figures are measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import time
from collections.abc import Callable

import timeline

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_LANGUAGES = {"000": "nl", "001": "de", "002": "sv", "003": "nl", "004": "sv"}
FLOOR = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2})\b")


def load(corpora: list[pathlib.Path]) -> list[tuple[str, str]]:
    docs = [(p.read_text(encoding="utf-8"), SEED_LANGUAGES.get(p.name[:3], "en"))
            for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in corpora:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                docs.append((rec["text"], rec.get("language") or "en"))
    return docs


def measure(name: str, fn: Callable[[str, str], object], docs: list[tuple[str, str]],
            repeat: int) -> float:
    size = sum(len(t.encode("utf-8")) for t, _ in docs) * repeat
    start = time.perf_counter()
    for _ in range(repeat):
        for text, lang in docs:
            fn(text, lang)
    seconds = time.perf_counter() - start
    rate = size / 1024 / seconds
    print(f"{name:34} {rate:10.0f} KB/s  ({size / 1024:.0f} KB in {seconds:.2f} s)")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=pathlib.Path, nargs="*")
    ap.add_argument("--skip-dateparser", action="store_true")
    args = ap.parse_args()
    default = ROOT.parent / "shared" / "corpora" / "timebank_en" / "docs.jsonl"
    corpora = args.corpus if args.corpus is not None else ([default] if default.exists() else [])
    docs = load(corpora)
    print(f"{len(docs)} documents, {sum(len(t) for t, _ in docs) / 1024:.0f} K characters")
    t0 = time.perf_counter()
    for code in sorted({lang for _, lang in docs}):
        timeline.tag("2025", language=code)
    print(f"first-call compilation of {len({lang for _, lang in docs})} languages: "
          f"{time.perf_counter() - t0:.2f} s")
    floor = measure("regex floor", lambda t, _: FLOOR.findall(t), docs, args.repeat)
    given = measure("timeline.tag (language given)",
                    lambda t, lang: timeline.tag(t, language=lang), docs, args.repeat)
    detect = measure("timeline.tag (language detected)", lambda t, _: timeline.tag(t), docs,
                     args.repeat)
    print(f"floor / timeline: {floor / given:.1f}x")
    if not args.skip_dateparser:
        from dateparser.search import search_dates

        def dp(text: str, lang: str) -> object:
            return search_dates(text, languages=[{"no": "nb"}.get(lang, lang)])

        slow = measure("dateparser search_dates (language)", dp, docs, 1)
        print(f"timeline / dateparser: {given / slow:.1f}x (language given), "
              f"{detect / slow:.1f}x (detected)")


if __name__ == "__main__":
    main()
