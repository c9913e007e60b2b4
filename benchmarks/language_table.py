"""Print the README's language table: per language, its example corpus and how much passes.

Usage:
    python benchmarks/language_table.py

An example passes when `timeline.tag` yields exactly what it expects; entries
marked `limitation` are known gaps and count as not passing.
"""

from __future__ import annotations

import sys
import tomllib

import timeline
from timeline.lexicon import LANG_DIR, available_languages, load_lexicon

sys.path.insert(0, str(LANG_DIR.parent.parent / "tests"))
from test_corpus import expected


def figures(code: str) -> tuple[int, int, int, int]:
    data = tomllib.loads((LANG_DIR / "corpus" / f"{code}.toml").read_text(encoding="utf-8"))
    ok_ex = ok_neg = 0
    for ex in data.get("example", []):
        found = timeline.tag(ex["text"], language=code,
                             published=ex.get("reference", data.get("reference")) or None)
        got = [{"text": t.text, "value": t.value, "type": t.type, "mod": t.mod} for t in found]
        ok_ex += got == expected(ex)
    for ex in data.get("negative", []):
        ok_neg += not timeline.tag(ex["text"], language=code,
                                   published=data.get("reference") or None)
    return len(data.get("example", [])), ok_ex, len(data.get("negative", [])), ok_neg


def main() -> None:
    print("| code | language | examples passing | negatives passing |")
    print("|------|----------|------------------|-------------------|")
    for code in available_languages():
        n, ok, neg, ok_neg = figures(code)
        print(f"| {code} | {load_lexicon(code).name} | {ok}/{n} ({ok / n:.0%}) | "
              f"{ok_neg}/{neg} |")


if __name__ == "__main__":
    main()
