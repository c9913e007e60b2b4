"""Seconds to tag hostile text: each case at half its size and at full size (1 MB).

Usage:
    python benchmarks/bench_hostile.py [--mb 1.0] [--extract] [--ten-mb] [--only NAME ...]

Every pattern must run in linear time, so the last column (full size over
half size) should stay near 2; the issue asks for each 1 MB case to be tagged
in well under 15 s. ``--extract`` also times `timeline.extract` (tagging, event
mentions and reconciliation) at full size; ``--ten-mb`` adds a 10 MB
document of ordinary sentences. One process, one core; figures are printed,
never asserted in tests (``tests/test_bad_input.py`` runs a few cases).
"""

from __future__ import annotations

import argparse
import time

import timeline
from timeline.models import Document

# name → (repeated unit, language)
CASES: dict[str, tuple[str, str]] = {
    "a million digits": ("1", "nl"),
    "digits and spaces": ("1 ", "nl"),
    "month name (nl)": ("januari ", "nl"),
    "month name (en)": ("January ", "en"),
    "month names of three languages": ("januari Februar mars ", "nl"),
    "year and dash": ("2025-", "nl"),
    "year and dot": ("2025.", "de"),
    "numeric dates": ("18/01/1950 ", "nl"),
    "written dates": ("18 januari 1950, ", "nl"),
    "clock times": ("12:", "en"),
    "slashes": ("1/", "en"),
    "full stops": (".", "nl"),
    "newlines": ("\n", "nl"),
    "one long word": ("a", "nl"),
    "control characters": ("".join(chr(c) for c in range(32)), "nl"),
    "surrogates and symbols": ("\ud800\udfff€£¥©®™", "nl"),
    "trigger words": ("vergadering ", "nl"),
    "relative words": ("gisteren ", "nl"),
}
SENTENCE = "De raad kwam bijeen en besprak de begroting voor het komende jaar. "


def repeated(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def seconds(fn: object, *args: object, **kwargs: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)  # type: ignore[operator]
    return time.perf_counter() - start, result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mb", type=float, default=1.0, help="full size of each case in MB")
    p.add_argument("--extract", action="store_true", help="also time timeline.extract")
    p.add_argument("--ten-mb", action="store_true", help="also a 10 MB ordinary document")
    p.add_argument("--only", nargs="*", help="run only these cases")
    args = p.parse_args()
    size = int(args.mb * 1_000_000)
    for code in {lang for _, lang in CASES.values()}:
        timeline.tag("18 januari 1950", language=code)  # lexicons loaded before timing
    print(f"{'case':32} {'lang':4} {'half s':>7} {'full s':>7} {'ratio':>6} {'timexes':>8}"
          + (f" {'extract s':>10} {'events':>7}" if args.extract else ""))
    for name, (unit, lang) in CASES.items():
        if args.only and name not in args.only:
            continue
        half, _ = seconds(timeline.tag, repeated(unit, size // 2), language=lang)
        text = repeated(unit, size)
        full, found = seconds(timeline.tag, text, language=lang)
        row = (f"{name:32} {lang:4} {half:7.2f} {full:7.2f} {full / max(half, 1e-3):6.1f} "
               f"{len(found):8}")  # type: ignore[arg-type]
        if args.extract:
            took, t = seconds(timeline.extract, [Document(id=name, text=text, language=lang)])
            row += f" {took:10.2f} {len(t):7}"  # type: ignore[arg-type]
        print(row, flush=True)
    if args.ten_mb:
        text = repeated(SENTENCE, 10_000_000) + "Op 18 januari 1950 werd het gesticht."
        took, _ = seconds(timeline.tag, text, language="nl")
        print(f"10 MB of ordinary Dutch sentences: tag {took:.1f} s", flush=True)
        took, _ = seconds(timeline.extract, [Document(id="big", text=text, language="nl")])
        print(f"10 MB of ordinary Dutch sentences: extract {took:.1f} s")


if __name__ == "__main__":
    main()
