"""timeline.dask: the timeline built on a Dask cluster equals the one built in one process."""

from __future__ import annotations

import datetime as dt
import json
import logging
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import timeline
from timeline.models import Document, Timeline

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from timeline import dask as tdask  # noqa: E402

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
}
# A meeting and an agreement in each language: the same happening told in six
# languages must become one event wherever its documents land.
TEMPLATES = {
    "en": ("The foreign ministers of Norvania and Estaria met on {d} {m} {y}, the agency said.",
           "Norvania and Estaria signed a trade agreement on {d} {m} {y}."),
    "nl": ("De ministers van Norvania en Estaria vergaderden op {d} {m} {y} in de hoofdstad.",
           "Norvania en Estaria ondertekenden op {d} {m} {y} een handelsakkoord."),
    "de": ("Die Außenminister von Norvania und Estaria trafen sich am {d}. {m} {y}.",
           "Norvania und Estaria unterzeichneten am {d}. {m} {y} ein Handelsabkommen."),
    "fr": ("Les ministres de Norvania et d'Estaria se sont réunis le {d} {m} {y}.",
           "Norvania et Estaria ont signé un accord commercial le {d} {m} {y}."),
    "es": ("Los ministros de Norvania y Estaria se reunieron el {d} de {m} de {y}.",
           "Norvania y Estaria firmaron un acuerdo comercial el {d} de {m} de {y}."),
    "sv": ("Utrikesministrarna från Norvania och Estaria möttes den {d} {m} {y}.",
           "Norvania och Estaria undertecknade ett handelsavtal den {d} {m} {y}."),
}
DATES = [(7, 3, 2022), (21, 11, 2023), (2, 6, 2024)]
YESTERDAY = {
    "en": "The ministers of Norvania and Estaria met yesterday, and they said that it was "
          "a good meeting.",
    "nl": "De ministers van Norvania en Estaria vergaderden gisteren, en ze zeiden dat het "
          "een goede vergadering was.",
    "de": "Die Minister von Norvania und Estaria trafen sich gestern, und sie sagten, dass es "
          "ein gutes Treffen war.",
    "fr": "Les ministres de Norvania et d'Estaria se sont réunis hier, et ils ont dit que "
          "c'était une bonne réunion.",
    "es": "Los ministros de Norvania y Estaria se reunieron ayer, y dijeron que fue una "
          "buena reunión.",
    "sv": "Ministrarna från Norvania och Estaria möttes i går, och de sade att det var "
          "ett bra möte.",
}


def invented_documents() -> list[Document]:
    """42 short articles: 3 dates x 2 kinds x 6 languages, plus 6 relative ones."""
    docs = []
    for lang, templates in TEMPLATES.items():
        months = MONTHS[lang].split()
        for k, (day, month, year) in enumerate(DATES):
            for j, template in enumerate(templates):
                text = template.format(d=day, m=months[month - 1], y=year)
                docs.append(Document(id=f"{lang}-{k}-{j}", text=text, language=lang))
        # No language given, and dated only by its publication date.
        docs.append(Document(id=f"{lang}-yesterday", text=YESTERDAY[lang],
                             published=dt.date(2024, 6, 3)))
    return docs


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as c:
        yield c


def in_id_order(docs: list[Document]) -> list[Document]:
    """`Timeline.merge` lists documents by id; `timeline.extract` in input order."""
    return sorted(docs, key=lambda d: d.id)


def test_cluster_timeline_equals_single_process_timeline(client: Any) -> None:
    docs = invented_documents()
    expected = timeline.extract([*SEEDS, *in_id_order(docs)])
    assert [d.id for d in expected.documents] == sorted(d.id for d in expected.documents)
    assert sum(len({m.document for m in e.mentions}) >= 6 for e in expected.events) >= 6
    for npartitions in (1, 7):
        got = tdask.extract([*map(str, SEEDS), *docs], npartitions=npartitions,
                            client=client, split_every=2)
        assert got == expected


@pytest.mark.parametrize("npartitions", [2, 13, 47])
def test_any_partitioning_gives_the_same_timeline(npartitions: int) -> None:
    docs = invented_documents()
    got = tdask.extract(docs, npartitions=npartitions, scheduler="sync", split_every=3)
    assert got == timeline.extract(in_id_order(docs))
    assert got.events == timeline.extract(docs).events


def test_bad_documents_become_results_with_errors(client: Any,
                                                  tmp_path: pathlib.Path) -> None:
    docs = invented_documents()[:8]
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\xff")
    lines = tmp_path / "wire.jsonl"
    lines.write_text("\n".join([
        json.dumps({"id": "wire-1", "text": "Op 3 maart 2021 vergaderden ze.", "language": "nl"}),
        "{not json",
        json.dumps({"id": "wire-3"}),
    ]) + "\n", encoding="utf-8")
    bad: list[Any] = [
        {"id": "no-language", "text": "Something happened on 3 March 2021.", "language": "xx"},
        {"id": "bad-date", "text": "Nothing.", "published": "2021-02-30"},
        {"id": "no-text"},
        str(binary), str(lines), str(tmp_path / "missing.txt"),
    ]
    got = tdask.extract([*bad, *docs], npartitions=4, client=client)
    errors = {d.id: " ".join(d.errors) for d in got.documents if d.errors}
    assert "unsupported language 'xx'" in errors["no-language"] and "sv" in errors["no-language"]
    assert "published" in errors["bad-date"]
    assert "text" in errors["no-text"]
    assert "binary" in errors[str(binary)]
    assert "invalid JSON" in errors[f"{lines}:2"]
    assert "text" in errors[f"{lines}:3"]
    assert str(tmp_path / "missing.txt") in errors
    good = [*docs, Document(id="wire-1", text="Op 3 maart 2021 vergaderden ze.", language="nl")]
    expected = timeline.extract(in_id_order(good))
    assert got.events == expected.events
    assert [d for d in got.documents if not d.errors] == expected.documents


def test_merging_partition_timelines_in_any_grouping() -> None:
    docs = invented_documents()
    parts = [timeline.extract(docs[k::4]) for k in range(4)]
    whole = timeline.extract(in_id_order(docs))
    assert tdask.merge_timelines(parts) == whole
    assert tdask.merge_timelines(reversed(parts)) == whole
    assert tdask.merge_timelines([tdask.merge_timelines(parts[:3]), parts[3], parts[0]]) == whole
    assert tdask.merge_timelines([]) == Timeline()


def test_empty_input_and_misuse() -> None:
    assert tdask.extract([], scheduler="sync") == Timeline()
    with pytest.raises(timeline.UnsupportedLanguageError, match="supported: "):
        tdask.extract([], language="xx", scheduler="sync")
    with pytest.raises(timeline.InputError, match="published"):
        tdask.extract([], published="2025-13-01", scheduler="sync")
    with pytest.raises(ValueError, match="split_every"):
        tdask.extract([], split_every=1, scheduler="sync")


def test_importing_timeline_does_not_import_dask() -> None:
    code = ("import sys, timeline, timeline.dask; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"
