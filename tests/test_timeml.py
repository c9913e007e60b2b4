"""TimeML: export (well-formed, text kept, tags where TimeML allows them), reading
TimeBank-style files, round trips, the CLI format and the evaluation script."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from benchmarks.eval_timeml import Counts, compare, evaluate, main, tml_files
from timeline.errors import InputError, TimelineError
from timeline.formats import ExportContext, render
from timeline.formats.timeml import read_timeml, render_timeml, safe_file_names, to_timeml
from timeline.io import read_inputs
from timeline.io import read_timeml as io_read_timeml
from timeline.models import Document, DocumentResult, EventMention, TimeExpression

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))

# TimeBank 1.2 / TempEval-3 layout, invented sentences: header elements, a DCT
# with a time, SIGNALs, entities, a comment, CDATA, whitespace and line breaks
# inside and between tags, a TIMEX3 without a value, and every kind of link.
TIMEBANK_STYLE = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>NWS19990312.0042</DOCID>

<DCT><TIMEX3 tid="t0" type="TIME" value="1999-03-12T14:30:00" temporalFunction="false" \
functionInDocument="CREATION_TIME">03/12/1999 14:30:00</TIMEX3></DCT>

<TITLE>Harbour &amp; rail board <EVENT eid="e90" class="OCCURRENCE">meets</EVENT></TITLE>

<EXTRAINFO>NWS19990312.0042 NEWS STORY</EXTRAINFO>

<TEXT>
The Harbour &amp; Rail board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> \
<SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="1999-03-11" \
temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Thursday</TIMEX3>
 and   <EVENT eid="e2" class="REPORTING">said</EVENT> the &quot;new&quot; timetable \
would <EVENT eid="e3" class="ASPECTUAL">start</EVENT>
<SIGNAL sid="s2">in</SIGNAL> <TIMEX3 tid="t2" type="DATE" value="1999-06" \
mod="START">early
   June</TIMEX3>.<!-- a note for annotators --> Fares rose <TIMEX3 tid="t3" \
type="SET" value="P1Y" quant="EVERY">every year</TIMEX3> for <TIMEX3 tid="t4" \
type="DURATION" value="P3Y" mod="MORE_THAN">more than three years</TIMEX3>, \
<![CDATA[a <rise> & a fall]]>, <TIMEX3 tid="t5" type="DATE" value="">some \
time</TIMEX3> before the <EVENT eid="e4" class="OCCURRENCE">merger</EVENT>
<TIMEX3 tid="t6" type="TIME" value="1999-03-11TEV">that evening</TIMEX3>.
</TEXT>

<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="INFINITIVE" aspect="NONE" polarity="POS" \
pos="VERB"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="NONE" aspect="NONE" polarity="POS" pos="NOUN"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" \
signalID="s1"/>
<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="INCLUDES" timeID="t6" relatedToEventInstance="ei4"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t0"/>
<SLINK lid="l5" relType="EVIDENTIAL" eventInstanceID="ei2" subordinatedEventInstance="ei3"/>
<ALINK lid="l6" relType="INITIATES" eventInstanceID="ei3" relatedToEventInstance="ei4"/>
</TimeML>
"""

# The TEXT element's content as a reader of the XML sees it.
TIMEBANK_TEXT = (
    "\nThe Harbour & Rail board met on Thursday\n and   said the \"new\" timetable would"
    " start\nin early\n   June. Fares rose every year for more than three years, "
    "a <rise> & a fall, some time before the merger\nthat evening.\n")


def write(tmp_path: pathlib.Path, content: str, name: str = "doc.tml") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def timex_fields(timexes: list[TimeExpression]) -> list[tuple[object, ...]]:
    return [(t.text, t.start, t.end, t.type, t.value, t.mod) for t in timexes]


def result_of(text: str, timexes: Sequence[TimeExpression] = (),
              mentions: Sequence[EventMention] = (),
              published: dt.date | None = None) -> DocumentResult:
    return DocumentResult(id="doc", language="en", published=published,
                          timexes=list(timexes), mentions=list(mentions))


def timex(text: str, part: str, ident: str = "t1", value: str = "2024") -> TimeExpression:
    start = text.index(part)
    return TimeExpression(id=ident, text=part, start=start, end=start + len(part),
                          type="DATE", value=value)


def mention(text: str, part: str, ident: str = "m1", kind: str = "meeting",
            timex_id: str | None = None) -> EventMention:
    start = text.index(part)
    return EventMention(id=ident, text=part, start=start, end=start + len(part), type=kind,
                        timex=timex_id)


def inline_tags(tml: str) -> list[tuple[str, str]]:
    """(tag, quoted text) of the TEXT element's children."""
    text = ET.fromstring(tml).find("TEXT")
    assert text is not None
    return [(e.tag, "".join(e.itertext())) for e in text]


# Reading TimeBank-style files

def test_reads_text_timexes_dct_and_events_of_a_timebank_style_file(
        tmp_path: pathlib.Path) -> None:
    doc, gold = read_timeml(write(tmp_path, TIMEBANK_STYLE), language="en")
    assert doc.text == TIMEBANK_TEXT
    assert (doc.id, gold.id, doc.language) == ("NWS19990312.0042", "NWS19990312.0042", "en")
    assert doc.published == gold.published == dt.date(1999, 3, 12)
    at = TIMEBANK_TEXT.index
    assert timex_fields(gold.timexes) == [
        ("Thursday", at("Thursday"), at("Thursday") + 8, "DATE", "1999-03-11", None),
        ("early\n   June", at("early"), at("June") + 4, "DATE", "1999-06", "START"),
        ("every year", at("every"), at("every") + 10, "SET", "P1Y", None),
        ("more than three years", at("more"), at(", a <"), "DURATION", "P3Y", "MORE_THAN"),
        ("that evening", at("that"), at("that") + 12, "TIME", "1999-03-11TEV", None),
    ]
    assert [t.id for t in gold.timexes] == ["t1", "t2", "t3", "t4", "t6"]
    assert all(doc.text[t.start:t.end] == t.text for t in gold.timexes)
    assert (gold.timexes[0].earliest, gold.timexes[0].latest) == ("1999-03-11", "1999-03-11")
    assert gold.errors == [f"TIMEX3 t5 ('some time' at {at('some')}): no value, left out"]
    assert [(m.id, m.text, m.start, m.type, m.timex, m.value) for m in gold.mentions] == [
        ("e1", "met", at("met"), "occurrence", "t1", "1999-03-11"),
        ("e2", "said", at("said"), "reporting", None, None),
        ("e3", "start", at("start"), "aspectual", None, None),
        ("e4", "merger", at("merger"), "occurrence", "t6", "1999-03-11TEV"),
    ]
    assert all(doc.text[m.start:m.end] == m.text for m in gold.mentions)


def test_io_exposes_the_reader() -> None:
    assert io_read_timeml is read_timeml


def test_a_value_the_library_cannot_read_is_kept_without_bounds(
        tmp_path: pathlib.Path) -> None:
    path = write(tmp_path, '<TimeML><TEXT>for <TIMEX3 tid="t1" type="DURATION" value="PXY">'
                           'years</TIMEX3></TEXT></TimeML>')
    [t] = read_timeml(path)[1].timexes
    assert (t.value, t.earliest, t.latest) == ("PXY", None, None)


def test_missing_dct_docid_and_empty_text(tmp_path: pathlib.Path) -> None:
    doc, gold = read_timeml(write(tmp_path, "<TimeML><TEXT/></TimeML>", "empty.tml"))
    assert (doc.id, doc.text, doc.published, doc.language) == ("empty.tml", "", None, None)
    assert (gold.timexes, gold.mentions, gold.errors) == ([], [], [])


def test_a_dct_without_a_calendar_date_gives_no_publication_date(
        tmp_path: pathlib.Path) -> None:
    path = write(tmp_path, '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1999-02-30" '
                           'functionInDocument="CREATION_TIME"/></DCT><TEXT>x</TEXT></TimeML>')
    assert read_timeml(path)[0].published is None


def test_a_basic_format_dct_outside_a_dct_element(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path, '<TimeML><DOC><TIMEX3 tid="t0" type="DATE" value="19990312" '
                           'functionInDocument="CREATION_TIME">March 12</TIMEX3>'
                           '<TEXT>x</TEXT></DOC></TimeML>')
    assert read_timeml(path)[0].published == dt.date(1999, 3, 12)


@pytest.mark.parametrize(("content", "message"), [
    ("plain text, not XML", "not well-formed XML"),
    ("<TimeML><TEXT>unclosed</TimeML>", "not well-formed XML"),
    ("<TimeML><TEXT>&undefined;</TEXT></TimeML>", "not well-formed XML"),
    ("<html><TEXT>x</TEXT></html>", "not a TimeML file"),
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no TEXT element"),
])
def test_files_that_are_not_timeml_raise_an_input_error_naming_them(
        tmp_path: pathlib.Path, content: str, message: str) -> None:
    path = write(tmp_path, content, "bad.tml")
    with pytest.raises(InputError, match=message) as error:
        read_timeml(path)
    assert str(path) in str(error.value)


def test_a_missing_file_raises_an_input_error_naming_it(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match=r"missing\.tml: cannot read"):
        read_timeml(tmp_path / "missing.tml")


def test_deep_nesting_inside_text_does_not_overflow(tmp_path: pathlib.Path) -> None:
    depth = 5000
    content = ("<TimeML><TEXT>" + "<s>" * depth
               + '<TIMEX3 tid="t1" type="DATE" value="2001">2001</TIMEX3>'
               + "</s>" * depth + "!</TEXT></TimeML>")
    doc, gold = read_timeml(write(tmp_path, content))
    assert doc.text == "2001!"
    assert timex_fields(gold.timexes) == [("2001", 0, 4, "DATE", "2001", None)]


# Writing

def test_export_is_well_formed_with_dct_and_escaped_text() -> None:
    text = 'Fees & "charges" <rose> on 3 May 2024; it\'s > before.\r\nEnd.'
    t = timex(text, "3 May 2024", value="2024-05-03")
    tml = to_timeml(result_of(text, [t], published=dt.date(2024, 5, 4)), text)
    root = ET.fromstring(tml.encode("utf-8"))
    assert tml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML')
    assert root.findtext("DOCID") == "doc"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {"tid": "t0", "type": "DATE", "value": "2024-05-04",
                          "temporalFunction": "false", "functionInDocument": "CREATION_TIME"}
    body = root.find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == text
    assert "&amp;" in tml and "&lt;rose&gt;" in tml and "&#13;" in tml


def test_export_without_publication_date_has_no_dct() -> None:
    text = "Nothing dated."
    assert ET.fromstring(to_timeml(result_of(text), text)).find("DCT") is None


def test_events_get_classes_instances_and_links_to_their_timex() -> None:
    text = "The ministers announced a meeting in 2024, then a visit."
    t = timex(text, "2024")
    mentions = [mention(text, "announced", "m1", "announcement"),
                mention(text, "meeting", "m2", "meeting", timex_id="t1"),
                mention(text, "visit", "m3", "visit", timex_id="t9")]
    root = ET.fromstring(to_timeml(result_of(text, [t], mentions), text))
    assert [(e.get("eid"), e.get("class"), e.text) for e in root.iter("EVENT")] == [
        ("e1", "REPORTING", "announced"), ("e2", "OCCURRENCE", "meeting"),
        ("e3", "OCCURRENCE", "visit")]
    assert [e.attrib for e in root.iter("MAKEINSTANCE")] == [
        {"eiid": f"ei{k}", "eventID": f"e{k}", "tense": "NONE", "aspect": "NONE"}
        for k in (1, 2, 3)]
    assert [e.attrib for e in root.iter("TLINK")] == [
        {"lid": "l1", "relType": "IS_INCLUDED", "eventInstanceID": "ei2",
         "relatedToTime": "t1"}]


@pytest.mark.parametrize(("text", "event_part", "timex_part", "tags"), [
    # crossing: the event is left out
    ("The summit in May 2024.", "summit in", "in May 2024", [("TIMEX3", "in May 2024")]),
    # the event inside the timex
    ("Summit Day 2024 is near.", "Summit", "Summit Day 2024",
     [("TIMEX3", "Summit Day 2024")]),
    # the timex inside the event
    ("We saw the 2024 summit.", "the 2024 summit", "2024", [("TIMEX3", "2024")]),
    # the same span (a dated clause without an event word)
    ("It ended in May 2024.", "May 2024", "May 2024", [("TIMEX3", "May 2024")]),
    # apart: both kept
    ("The summit in May 2024.", "summit", "May 2024",
     [("EVENT", "summit"), ("TIMEX3", "May 2024")]),
])
def test_an_event_touching_a_timex_is_left_out(text: str, event_part: str, timex_part: str,
                                               tags: list[tuple[str, str]]) -> None:
    t = timex(text, timex_part)
    m = mention(text, event_part, timex_id="t1")
    tml = to_timeml(result_of(text, [t], [m]), text)
    assert inline_tags(tml) == tags
    assert ("<TLINK" in tml) == (("EVENT", event_part) in tags)


def test_overlapping_timexes_and_events_keep_the_earliest_longest() -> None:
    text = "From March to May 2024 the fair and fairground opened."
    timexes = [timex(text, "May 2024", "t1"), timex(text, "March to May 2024", "t2"),
               timex(text, "2024 the", "t3")]
    start = text.index("fair")
    mentions = [mention(text, "opened", "m1"),
                EventMention(id="m2", text="fair", start=start, end=start + 4, type="exhibition"),
                EventMention(id="m3", text="", start=start, end=start, type="exhibition"),
                mention(text, "fair and", "m4"), mention(text, "and fairground", "m5"),
                mention(text, "fairground", "m6"), mention(text, "opened", "m7")]
    tags = inline_tags(to_timeml(result_of(text, timexes, mentions), text))
    assert tags == [("TIMEX3", "March to May 2024"), ("EVENT", "fair and"),
                    ("EVENT", "fairground"), ("EVENT", "opened")]


def test_offsets_not_in_the_text_raise() -> None:
    text = "Held in 2024."
    t = timex(text, "2024")
    with pytest.raises(TimelineError, match="not in the text given"):
        to_timeml(result_of(text, [t]), "Held in 2025.")
    with pytest.raises(TimelineError, match="not in the text given"):
        to_timeml(result_of(text, [t]), "Held")


def test_characters_xml_cannot_hold_become_replacement_characters_in_place() -> None:
    text = "Page\x0cbreak\x00 on 3 May 2024 \ud800 \ufffe end"
    t = timex(text, "3 May 2024", value="2024-05-03")
    tml = to_timeml(result_of(text, [t]), text)
    tml.encode("utf-8")  # no lone surrogate left
    root = ET.fromstring(tml)
    expected = "Page\ufffdbreak\ufffd on 3 May 2024 \ufffd \ufffd end"
    body = root.find("TEXT")
    assert body is not None
    assert "".join(body.itertext()) == expected
    assert "<!-- 4 character(s) XML 1.0 cannot hold are written as U+FFFD -->" in tml
    [back] = [e for e in body if e.tag == "TIMEX3"]
    assert expected.index(back.text or "") == t.start


def test_document_ids_are_kept_in_docid_and_file_names_are_safe() -> None:
    docs = [Document(id=i, text=f"Held on 3 May 202{k}.", language="en")
            for k, i in enumerate(["a/b.txt", "a:b", "A_B", "../x y", "Ü <&> \r"])]
    files = render("timeml", timeline.extract(docs),
                   ExportContext(texts={d.id: d.text for d in docs}))
    assert isinstance(files, dict)
    assert sorted(files) == ["A_B-3.tml", "U.tml", "a_b-2.tml", "a_b.tml", "x_y.tml"]
    assert sorted(ET.fromstring(f).findtext("DOCID") or "" for f in files.values()) == sorted(
        ["a/b.txt", "a:b", "A_B", "../x y", "Ü <&> \r"])


@given(st.lists(st.text(max_size=30), max_size=12))
def test_file_names_are_unique_and_portable(ids: list[str]) -> None:
    names = safe_file_names(ids)
    assert len(names) == len(ids)
    assert len({n.lower() for n in names}) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.tml", n) for n in names)


def test_render_needs_every_text() -> None:
    t = timeline.extract([Document(id="a", text="In 2024.", language="en")])
    with pytest.raises(TimelineError, match="needs the text of document 'a'"):
        render_timeml(t, ExportContext())


# Round trips

@pytest.fixture(scope="module")
def seeds() -> tuple[dict[str, str], timeline.Timeline]:
    texts = {d.id: d.text for d in read_inputs([str(p) for p in SEEDS])
             if isinstance(d, Document)}
    return texts, timeline.extract([Document(id=k, text=v) for k, v in texts.items()])


def test_seeds_round_trip(tmp_path: pathlib.Path,
                          seeds: tuple[dict[str, str], timeline.Timeline]) -> None:
    texts, extracted = seeds
    assert len(extracted.documents) == len(SEEDS) == 5
    for result in extracted.documents:
        path = write(tmp_path, to_timeml(result, texts[result.id]))
        doc, back = read_timeml(path, language=result.language)
        assert (doc.id, doc.text, back.published) == (result.id, texts[result.id],
                                                       result.published)
        assert timex_fields(back.timexes) == timex_fields(result.timexes)
        assert back.timexes
        # the events TimeML can hold come back at their place, dated by the same timex
        spans = {(t.start, t.end): t.value for t in result.timexes}
        kept = {(m.start, m.end): m for m in result.mentions}
        assert back.mentions
        for m in back.mentions:
            original = kept[m.start, m.end]
            assert m.text == original.text
            assert not any(s < m.end and m.start < e for s, e in spans)
            linked = next((t for t in result.timexes if t.id == original.timex), None)
            assert m.value == (linked.value if linked else None)


_XML_TEXT = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]) | st.sampled_from(
    list("<>&\"'\t\n\r ]"))
_DATES = st.sampled_from(["3 May 2024", "yesterday", "2024-05-03", "14:30", "in 1999",
                          "next week", "12 März 2025", "3 mei", "for two years", "]]>"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(_XML_TEXT, max_size=12) | _DATES, max_size=10),
       st.sampled_from(["en", "de", "nl"]))
def test_any_text_and_its_timexes_round_trip(parts: list[str], language: str) -> None:
    text = " ".join(parts)
    found = timeline.tag(text, language=language, published="2024-05-04")
    result = DocumentResult(id="doc <&>", language=language, published=dt.date(2024, 5, 4),
                            timexes=found)
    tml = to_timeml(result, text)
    root = ET.fromstring(tml.encode("utf-8"))
    assert root.findtext("DOCID") == "doc <&>"
    with tempfile.TemporaryDirectory() as folder:
        doc, back = read_timeml(write(pathlib.Path(folder), tml))
    assert doc.text == text
    assert back.published == dt.date(2024, 5, 4)
    assert timex_fields(back.timexes) == timex_fields(found)


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(codec="utf-8", categories=["Cc", "Co", "Zs", "Ll"]), max_size=40))
def test_text_with_control_characters_keeps_its_length_and_valid_characters(
        text: str) -> None:
    tml = to_timeml(result_of(text), text)
    body = ET.fromstring(tml).find("TEXT")
    assert body is not None
    back = "".join(body.itertext())
    assert len(back) == len(text)
    assert all(b == a or (b == "\ufffd" and a not in "\t\n\r") for a, b in zip(text, back,
                                                                               strict=True))


# The CLI and the evaluation script

def test_cli_writes_one_timeml_file_per_document(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "tml"
    run = subprocess.run([sys.executable, "-m", "timeline", "extract", *map(str, SEEDS),
                          "--format", "timeml", "-o", str(out)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    files = sorted(out.glob("*.tml"))
    assert [f.stem for f in files] == [p.stem for p in SEEDS]
    for path, seed in zip(files, SEEDS, strict=True):
        doc, gold = read_timeml(path)
        assert doc.id == seed.name
        assert doc.text == seed.read_text(encoding="utf-8-sig")
        assert gold.timexes


def test_cli_timeml_needs_an_output_directory() -> None:
    run = subprocess.run([sys.executable, "-m", "timeline", "extract", str(SEEDS[0]),
                          "--format", "timeml"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 2
    assert "-o DIRECTORY" in run.stderr


def test_evaluation_of_our_own_export_is_perfect(
        tmp_path: pathlib.Path, seeds: tuple[dict[str, str], timeline.Timeline]) -> None:
    texts, extracted = seeds
    files = render_timeml(extracted, ExportContext(texts=texts))
    for name, content in files.items():
        write(tmp_path, content, name)
    problems: list[str] = []
    scored, counts = evaluate(tml_files([str(tmp_path)]), problems=problems)
    total = sum(len(d.timexes) for d in extracted.documents)
    assert (scored, problems) == (5, [])
    assert counts == Counts(gold=total, system=total, strict=total, relaxed=total, value=total)
    assert counts.scores("value") == (1.0, 1.0, 1.0)


def test_evaluation_counts_strict_relaxed_and_value_matches(tmp_path: pathlib.Path) -> None:
    text = "Talks ended on 3 May 2024 and resumed yesterday, after two weeks."
    gold = [timex(text, "on 3 May 2024", "t1", "2024-05-03"),
            timex(text, "yesterday", "t2", "2024-05-01"),
            timex(text, "Talks", "t3", "PRESENT_REF")]
    path = write(tmp_path, to_timeml(result_of(text, gold, published=dt.date(2024, 5, 4)),
                                     text), "gold.tml")
    write(tmp_path, "not xml", "broken.tml")
    misses: list[str] = []
    problems: list[str] = []
    scored, counts = evaluate(tml_files([str(tmp_path)]), "en", misses, problems)
    # found: "3 May 2024" (relaxed, right value), "yesterday" (strict, 2024-05-03 is
    # wrong), "two weeks" (spurious); "Talks" missed
    assert scored == 1
    assert counts == Counts(gold=3, system=3, strict=1, relaxed=2, value=1)
    assert counts.scores("relaxed") == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert len(misses) == 4
    assert problems and "broken.tml" in problems[0]
    assert main([str(path), "--language", "en", "--json"]) == 0


def test_compare_matches_each_gold_timex_once() -> None:
    text = "In May 2024."
    gold = [timex(text, "May 2024", value="2024-05")]
    system = [timex(text, "May", "t1", "XXXX-05"), timex(text, "May 2024", "t2", "2024-05")]
    assert compare(gold, system) == Counts(gold=1, system=2, strict=0, relaxed=1, value=0)
