"""docs/: the published JSON Schema is current and docs/output.md documents every field."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

from timeline.cli import main
from timeline.models import Timeline

DOCS = pathlib.Path(__file__).parent.parent / "docs"
REGENERATE = ("docs/schema.json is out of date: regenerate it with "
              "`timeline schema > docs/schema.json`")
_SECTION_RE = re.compile(r"^## (\w+)\n(.*?)(?=^## |\Z)", re.M | re.S)
_FIELD_RE = re.compile(r"^\| `(\w+)` \|", re.M)
_JSON_BLOCK_RE = re.compile(r"```json\n(.*?)```", re.S)


def _sections() -> dict[str, str]:
    text = (DOCS / "output.md").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in _SECTION_RE.finditer(text)}


def test_published_schema_is_the_models_schema() -> None:
    published = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    assert published == Timeline.model_json_schema(), REGENERATE


def test_published_schema_is_byte_for_byte_what_the_cli_prints(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert (DOCS / "schema.json").read_text(encoding="utf-8") == printed, REGENERATE
    assert printed.endswith("}\n") and printed.startswith('{\n  "')


def test_output_md_documents_exactly_the_fields_of_each_model() -> None:
    schema = Timeline.model_json_schema()
    models = {"Timeline": schema, **schema["$defs"]}
    sections = _sections()
    for name, model in models.items():
        assert name in sections, f"docs/output.md has no '## {name}' section"
        documented = _FIELD_RE.findall(sections[name])
        assert documented == list(model["properties"]), (
            f"docs/output.md, section {name}: the table lists {documented}, "
            f"the model has {list(model['properties'])}")


def test_output_md_links_the_schema() -> None:
    assert "(schema.json)" in (DOCS / "output.md").read_text(encoding="utf-8")


def test_output_md_example_is_valid_output_with_true_offsets() -> None:
    blocks = _JSON_BLOCK_RE.findall(_sections()["Example"])
    assert len(blocks) == 2, "the example is one .jsonl input and its JSON output"
    inputs = {d["id"]: d["text"] for d in map(json.loads, blocks[0].splitlines())}
    written = json.loads(blocks[1])
    timeline = Timeline.model_validate(written)
    assert timeline.model_dump(mode="json") == written, "every field is always written"
    assert [d.id for d in timeline.documents] == list(inputs)
    for doc in timeline.documents:
        text = inputs[doc.id]
        for item in (*doc.timexes, *doc.mentions):
            assert text[item.start:item.end] == item.text
    for event in timeline.events:
        for source in event.mentions:
            assert inputs[source.document][source.start:source.end] == source.text
