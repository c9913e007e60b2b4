"""The benchmarks' multilingual text: at least 1 MB of news-like documents in 12 languages.

Made of the bundled seeds (Dutch, German, Swedish), each language's example
sentences (`timeline/lang/corpus/<code>.toml`, grouped into documents of 25
sentences) and, when the shared corpora are beside the repository, the 256
English TimeBank documents. The non-English part is repeated until the whole
reaches the size asked for, so every language weighs in.
"""

from __future__ import annotations

import json
import pathlib
import tomllib
from collections import Counter

from timeline.lexicon import LANG_DIR, available_languages

ROOT = pathlib.Path(__file__).resolve().parent.parent
TIMEBANK = ROOT.parent / "shared" / "corpora" / "timebank_en" / "docs.jsonl"
SEED_LANGUAGES = {"000": "nl", "001": "de", "002": "sv", "003": "nl", "004": "sv"}
_PER_DOCUMENT = 25

Doc = tuple[str, str]  # (text, language)


def multilingual_corpus(min_bytes: int = 1_000_000, *, timebank: bool = True) -> list[Doc]:
    """Documents ``(text, language)`` totalling at least ``min_bytes`` of UTF-8."""
    seeds = [(p.read_text(encoding="utf-8"), SEED_LANGUAGES[p.name[:3]])
             for p in sorted((ROOT / "seeds").glob("*.txt"))]
    examples = [doc for code in available_languages() for doc in _example_documents(code)]
    english = _timebank() if timebank else []
    base = seeds + examples
    docs = list(english)
    while _size(docs) < min_bytes or not docs:
        docs += base
    return docs


def describe(docs: list[Doc]) -> str:
    """One line: size, documents, and the share of each language."""
    by_lang: Counter[str] = Counter()
    for text, lang in docs:
        by_lang[lang] += len(text.encode("utf-8"))
    total = sum(by_lang.values())
    shares = ", ".join(f"{code} {100 * n / total:.0f}%" for code, n in by_lang.most_common())
    return f"{len(docs)} documents, {total / 1e6:.2f} MB ({shares})"


def _example_documents(code: str) -> list[Doc]:
    data = tomllib.loads((LANG_DIR / "corpus" / f"{code}.toml").read_text(encoding="utf-8"))
    sentences = [ex["text"] for ex in data.get("example", []) + data.get("negative", [])]
    return [(" ".join(sentences[k:k + _PER_DOCUMENT]), code)
            for k in range(0, len(sentences), _PER_DOCUMENT)]


def _timebank() -> list[Doc]:
    if not TIMEBANK.exists():
        return []
    out = []
    for line in TIMEBANK.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append((rec["text"], rec.get("language") or "en"))
    return out


def _size(docs: list[Doc]) -> int:
    return sum(len(t.encode("utf-8")) for t, _ in docs)
