"""The HTML view: its embedded data, its isolation, and the page in a real headless browser."""

from __future__ import annotations

import base64
import collections
import datetime as dt
import hashlib
import html.parser
import itertools
import json
import os
import pathlib
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

import timeline
from timeline.events import GENERIC
from timeline.formats import ExportContext, render
from timeline.formats.html import embedded_json, to_html, view_data
from timeline.models import Conflict, Event, Source, Timeline

ROOT = pathlib.Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HOSTILE = 'Die Sitzung am 3. März 2025 endete mit "</script><script>alert(1)</script>" und <!-- .'


def page_parts(page: str) -> tuple[dict[str, Any], str]:
    """The embedded data, and the page without it."""
    m = re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>', page, re.S)
    assert m is not None
    return json.loads(m.group(1)), page[:m.start(1)] + page[m.end(1):]


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = collections.defaultdict(list)
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open].append(data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def parsed(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def dated(t: Timeline, *, generic: bool = False) -> int:
    return sum(1 for e in t.events if (e.earliest or e.latest) and (generic or e.type != GENERIC))


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.extract([str(p) for p in SEEDS])


def test_a_sentence_cannot_break_out_of_the_data_block() -> None:
    t = timeline.extract([HOSTILE], language="de")
    page = to_html(t, texts={"doc1": HOSTILE})
    assert page.count("</script>") == 2
    assert "<!--" not in page
    data, _ = page_parts(page)
    quotes = [s["text"] for e in data["events"] for s in e["sources"]]
    assert HOSTILE in quotes
    tags = parsed(page)
    assert [t for t, _ in tags.tags].count("script") == 2


def test_embedded_json_round_trips_any_text() -> None:
    text = "a</script>b<!--c-->&\u2028\u2029</ScRiPt>"
    out = embedded_json({"t": text})
    assert not re.search(r"[<>&\u2028\u2029]", out)
    assert json.loads(out) == {"t": text}


def test_nothing_points_outside_the_page(seeds: Timeline) -> None:
    page = to_html(seeds)
    _, rest = page_parts(page)
    tags = parsed(rest)
    linking = {"src", "href", "action", "xlink:href", "srcset", "poster", "data", "formaction"}
    assert [(t, a) for t, attrs in tags.tags for a in attrs if a in linking] == []
    assert [t for t, _ in tags.tags if t in {"link", "iframe", "img", "object", "embed"}] == []
    assert not re.search(r"(?i)\b(?:https?|ftp|wss?):|//[a-z0-9-]+\.[a-z]", rest)
    assert not re.search(r"@import|url\((?!#)", rest)
    assert not re.search(r"\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|import)\s*\(", rest)


def test_the_security_policy_allows_exactly_the_inline_style_and_script(seeds: Timeline) -> None:
    tags = parsed(to_html(seeds))
    [policy] = [a["content"] for _, a in tags.tags
                if a.get("http-equiv") == "Content-Security-Policy"]
    assert policy is not None and "default-src 'none'" in policy
    for kind, tag in (("style", "style"), ("script", "script")):
        [body] = tags.text[tag] if tag == "style" else tags.text[tag][1:]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in policy


def test_the_title_is_escaped() -> None:
    page = to_html(Timeline(), title="<b>R&D</b>")
    assert "<title>&lt;b&gt;R&amp;D&lt;/b&gt;</title>" in page
    assert page_parts(page)[0]["title"] == "<b>R&D</b>"


def test_events_carry_their_span_in_milliseconds() -> None:
    def span(earliest: str | None, latest: str | None) -> list[int] | None:
        e = Event(id="e", type="visit", label="visit", earliest=earliest, latest=latest)
        when: list[int] | None = view_data(Timeline(events=[e]))["events"][0]["when"]
        return when

    def ms(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> int:
        return int((dt.datetime(y, m, d, h, mi) - dt.datetime(1970, 1, 1)).total_seconds() * 1000)

    assert span("2025-02-19", "2025-02-21") == [ms(2025, 2, 19), ms(2025, 2, 22)]
    assert span("2025-02-21T06:00", "2025-02-21T11:59:59") == [ms(2025, 2, 21, 6),
                                                               ms(2025, 2, 21, 12)]
    assert span("1950-01-18T14:12", "1950-01-18T14:12") == [ms(1950, 1, 18, 14, 12),
                                                           ms(1950, 1, 18, 14, 13)]
    assert span(None, "0044-03-15") == [ms(44, 3, 15), ms(44, 3, 16)]
    assert span(None, None) is None
    assert span("someday", "2025-01-01") is None


def test_sources_quote_their_sentence_with_every_mention_marked() -> None:
    text = "Rain fell. The visit, and then the visit again, ended on 3 May 2025. Sun."
    a, b = text.index("visit"), text.rindex("visit")
    e = Event(id="e", type="visit", label="visit", mentions=[
        Source(document="d", start=a, end=a + 5, text="visit", language="en"),
        Source(document="d", start=b, end=b + 5, text="visit", language="en"),
        Source(document="other", start=0, end=4, text="trip", language="en")])
    [near, far] = view_data(Timeline(events=[e]), texts={"d": text})["events"][0]["sources"]
    assert near["text"] == "The visit, and then the visit again, ended on 3 May 2025."
    assert [near["text"][s:t] for s, t in near["marks"]] == ["visit", "visit"]
    assert (far["text"], far["marks"]) == ("trip", [[0, 4]])


def test_a_long_sentence_is_cut_around_its_mention() -> None:
    text = "x " * 2000 + "the summit " + "y " * 2000 + "."
    a = text.index("summit")
    e = Event(id="e", type="meeting", label="summit",
              mentions=[Source(document="d", start=a, end=a + 6, text="summit")])
    [q] = view_data(Timeline(events=[e]), texts={"d": text})["events"][0]["sources"]
    assert len(q["text"]) < 600 and q["text"].startswith("…") and q["text"].endswith("…")
    [[s, t]] = q["marks"]
    assert q["text"][s:t] == "summit"


def test_a_mention_that_does_not_match_its_text_quotes_itself() -> None:
    e = Event(id="e", type="visit", label="visit",
              mentions=[Source(document="d", start=0, end=5, text="visit")])
    [q] = view_data(Timeline(events=[e]), texts={"d": "Other words entirely."})["events"][0][
        "sources"]
    assert (q["text"], q["marks"]) == ("visit", [[0, 5]])


def test_the_cli_writes_the_page_with_sentences(tmp_path: pathlib.Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Regen. Die Minister trafen sich am 19. Februar 2025 in der Hauptstadt.",
                   encoding="utf-8")
    out = tmp_path / "view.html"
    run = subprocess.run([sys.executable, "-m", "timeline", "extract", str(doc), "--language",
                          "de", "--format", "html", "-o", str(out)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    data, _ = page_parts(out.read_text(encoding="utf-8"))
    [source] = [s for e in data["events"] for s in e["sources"] if e["type"] == "meeting"]
    assert source["text"] == "Die Minister trafen sich am 19. Februar 2025 in der Hauptstadt."
    assert render("html", Timeline(), ExportContext()) == to_html(Timeline())


# ---- a generated timeline of 1,000 events --------------------------------------------------

TYPES = ("meeting", "visit", "election", "agreement", "conference", "opening", "announcement",
         "deadline", "exhibition", GENERIC)
LANGS = ("nl", "de", "sv", "en", "fr", "es", "it", "pt", "da", "no", "id", "vi")


def generated(n: int = 1000) -> tuple[Timeline, dict[str, str]]:
    """n events of every granularity over 30 years, some undated, some part of others."""
    texts: dict[str, str] = {}
    events: list[Event] = []
    for k in range(n):
        kind = TYPES[k % len(TYPES)]
        day = dt.date(1995, 1, 1) + dt.timedelta(days=(k * 7919) % 11000)
        shape = k % 7
        bounds: tuple[str | None, str | None]
        if shape == 0:
            bounds = (f"{day.year}-01-01", f"{day.year}-12-31")
        elif shape == 1:
            bounds = (day.replace(day=1).isoformat(), day.replace(day=28).isoformat())
        elif shape == 2:
            bounds = (f"{day}T06:00", f"{day}T11:59:59")
        elif shape == 3:
            bounds = (None, None)
        else:
            bounds = (day.isoformat(), (day + dt.timedelta(days=k % 3)).isoformat())
        doc = f"doc{k % 150}.txt"
        sentence = f"Item {k}: the {kind} number {k} took place, as reported. "
        start = len(texts.get(doc, ""))
        texts[doc] = texts.get(doc, "") + sentence
        a = start + sentence.index(kind)
        events.append(Event(
            id=f"ev{k}", type=kind, label=f"{kind} {k}" + " with a longer name" * (k % 3),
            value=bounds[0][:10] if bounds[0] else None, earliest=bounds[0], latest=bounds[1],
            mod="APPROX" if k % 11 == 0 else None,
            part_of=f"ev{k - 1}" if k % 13 == 0 and k else None,
            conflicts=[Conflict(value="1999", sources=[])] if k % 97 == 0 else [],
            mentions=[Source(document=doc, start=a, end=a + len(kind), text=kind,
                             language=LANGS[(k + j) % len(LANGS)]) for j in range(1 + k % 3)]))
    return Timeline(events=events), texts


def test_a_thousand_events_render_quickly() -> None:
    t, texts = generated()
    began = time.perf_counter()
    page = to_html(t, texts=texts)
    assert time.perf_counter() - began < 2
    data, _ = page_parts(page)
    assert len(data["events"]) == 1000
    assert sum(1 for e in data["events"] if e["when"]) == dated(t, generic=True)


# ---- in a real browser ----------------------------------------------------------------------

def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--mute-audio", "--remote-debugging-pipe",
             "--window-size=1400,900")
    # Chromium reads the protocol from fd 3 and answers on fd 4; sh cannot redirect from
    # fds above 9, so a small Python program puts the pipes there and becomes Chromium.
    ON_FDS_3_AND_4 = ("import fcntl, os, sys\n"
                      "high = [fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3]]\n"
                      "os.dup2(high[0], 3)\nos.dup2(high[1], 4)\n"
                      "os.execv(sys.argv[3], sys.argv[3:])")

    def __init__(self, exe: str, profile: str) -> None:
        to_browser, from_us = os.pipe()
        to_us, from_browser = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", self.ON_FDS_3_AND_4, str(to_browser), str(from_browser), exe,
             *self.FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(to_browser, from_browser), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._out, self._in = from_us, to_us
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (OSError, TimeoutError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._out)
        os.close(self._in)

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None, timeout: float = 30) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        for reply in self._messages(timeout):
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)
        raise AssertionError("unreachable")

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        for message in self._messages(timeout):
            if message.get("method") == method:
                return message
            self.events.append(message)
        raise AssertionError("unreachable")

    def _messages(self, timeout: float) -> Iterator[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise OSError("Chromium closed the pipe")
            self._buffer += chunk


class Page:
    """One tab showing one file: its console and network traffic recorded."""

    def __init__(self, browser: Browser, path: pathlib.Path, fragment: str = "") -> None:
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget",
                                    {"targetId": target, "flatten": True})["sessionId"]
        browser.events.clear()
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.url = path.as_uri() + fragment
        self.call("Page.navigate", {"url": self.url})
        browser.wait_for("Page.loadEventFired")

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, session=self.session)

    def js(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True})
        assert "exceptionDetails" not in reply, reply["exceptionDetails"]
        return reply["result"].get("value")

    def state(self) -> dict[str, str]:
        value: dict[str, str] = self.js("({...document.documentElement.dataset})")
        return value

    def screenshot(self, scale: float = 0.5) -> bytes:
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png", "clip": {
            "x": 0, "y": 0, "width": 1400, "height": 900, "scale": scale}})["data"])

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and log errors so far."""
        self.js("0")  # flush pending events
        out = []
        for e in self.browser.events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(json.dumps(p["exceptionDetails"])[:500])
            elif e.get("method") == "Runtime.consoleAPICalled" and p["type"] in (
                    "error", "warning", "assert"):
                out.append(json.dumps(p["args"])[:500])
            elif e.get("method") == "Log.entryAdded" and p["entry"]["level"] in (
                    "error", "warning"):
                out.append(p["entry"]["text"])
        return out

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.browser.events
                if e.get("method") == "Network.requestWillBeSent"]


def png_colours(png: bytes) -> collections.Counter[bytes]:
    """The pixels of an 8-bit, non-interlaced RGB or RGBA PNG, counted by colour."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(png):
        size, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + size
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour_type in (2, 6) and interlace == 0
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows: list[bytearray] = []
    prior = bytearray(stride)
    for y in range(height):
        at = y * (stride + 1)
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up, corner = prior[x], prior[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 255
        rows.append(line)
        prior = line
    return collections.Counter(bytes(r[x:x + 3]) for r in rows for x in range(0, stride, bpp))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    exe = _chromium()
    if exe is None:
        pytest.skip("Chromium is not installed (apt-get install chromium): "
                    "the HTML view is not tested in a browser")
    with tempfile.TemporaryDirectory(prefix="timeline-chromium-") as profile:
        b = Browser(exe, profile)
        try:
            b.call("Browser.getVersion", timeout=60)
            yield b
        finally:
            b.close()


def open_page(browser: Browser, tmp_path: pathlib.Path, page: str, fragment: str = "") -> Page:
    path = tmp_path / "view.html"
    path.write_text(page, encoding="utf-8")
    return Page(browser, path, fragment)


def assert_clean(page: Page) -> None:
    assert page.problems() == []
    assert page.state().get("errors") is None
    assert page.requests() == [page.url.split("#")[0]]


def test_the_seeds_in_a_browser(browser: Browser, seeds: Timeline,
                                tmp_path: pathlib.Path) -> None:
    page = open_page(browser, tmp_path, to_html(seeds, texts={
        p.name: p.read_text(encoding="utf-8") for p in SEEDS}))
    state = page.state()
    assert state["state"] == "ready"
    assert int(state["drawn"]) == int(state["dated"]) == dated(seeds)
    assert int(state["undated"]) == sum(1 for e in seeds.events
                                        if not (e.earliest or e.latest) and e.type != GENERIC)
    colours = png_colours(page.screenshot())
    assert len(colours) > 50
    assert colours.most_common(1)[0][1] < 0.9 * sum(colours.values())
    labels = page.js("[...document.querySelectorAll('#axis text')].map(t => t.textContent)")
    assert "1950" in " ".join(labels) and "2025" in labels
    assert_clean(page)


def test_clicking_an_event_lists_every_source_sentence(browser: Browser, seeds: Timeline,
                                                      tmp_path: pathlib.Path) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    page = open_page(browser, tmp_path, to_html(seeds, texts=texts))
    event = max((e for e in seeds.events if e.earliest), key=lambda e: len(e.mentions))
    i = seeds.events.index(event)
    shown = page.js(f"""(() => {{
        document.querySelector('#lanes .ev[data-i="{i}"]').dispatchEvent(
            new MouseEvent('click', {{bubbles: true}}));
        const panel = document.getElementById('panel');
        return {{hidden: panel.hidden, title: panel.querySelector('h2').textContent,
                 docs: [...panel.querySelectorAll('.sources .doc')].map(d => d.textContent),
                 marks: [...panel.querySelectorAll('.sources mark')].map(m => m.textContent),
                 hash: location.hash}};
    }})()""")
    assert not shown["hidden"] and shown["title"] == event.label
    assert {m.document for m in event.mentions} <= {d[2:] for d in shown["docs"]}
    assert sorted(shown["marks"]) == sorted(m.text for m in event.mentions)
    assert shown["hash"] == f"#event={event.id}"
    day = page.js("""new Promise(done => {
        [...document.querySelectorAll('#panel a')].find(a => a.textContent.startsWith('Zoom'))
            .click();
        requestAnimationFrame(() => done([...document.querySelectorAll('#axis text')]
                                         .map(t => t.textContent)));
    })""")
    assert str(int(event.earliest[8:10])) in day  # type: ignore[index]
    assert_clean(page)


def test_filter_toggle_and_zoom(browser: Browser, seeds: Timeline,
                                tmp_path: pathlib.Path) -> None:
    page = open_page(browser, tmp_path, to_html(seeds), "#generic")
    assert int(page.state()["drawn"]) == dated(seeds, generic=True)
    word = next(e for e in seeds.events if e.earliest and e.type != GENERIC).mentions[0].text
    expected = sum(1 for e in seeds.events if e.earliest and word.lower() in (
        " ".join([e.label, e.type, e.value or "", *(m.text for m in e.mentions)]).lower()))
    drawn = page.js(f"""new Promise(done => {{
        const box = document.getElementById('filter');
        box.value = {json.dumps(word)};
        box.dispatchEvent(new Event('input'));
        setTimeout(() => done(document.documentElement.dataset.drawn), 300);
    }})""")
    assert 1 <= int(drawn) <= expected
    before = page.js("document.querySelector('#axis').textContent")
    for button in ("zoom-in", "zoom-in", "zoom-in", "zoom-out", "zoom-fit", "zoom-in"):
        page.js(f"document.getElementById('{button}').click()")
    page.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.js("document.querySelector('#axis').textContent") != before
    assert_clean(page)


def test_hostile_text_in_a_browser(browser: Browser, tmp_path: pathlib.Path) -> None:
    label = '<img src=x onerror="document.title=1"></script><!--'
    e = Event(id="e1", type="meeting", label=label, value="2025-03-03", earliest="2025-03-03",
              latest="2025-03-03", mentions=[Source(document="d", start=0, end=len(HOSTILE),
                                                   text=HOSTILE, language="de")])
    page = open_page(browser, tmp_path, to_html(Timeline(events=[e]), title=label), "#event=e1")
    shown = page.js("""({title: document.title, h2: document.querySelector('#panel h2').textContent,
                        quote: document.querySelector('#panel blockquote').textContent,
                        imgs: document.querySelectorAll('img').length,
                        drawn: document.documentElement.dataset.drawn})""")
    assert shown == {"title": label, "h2": label, "quote": HOSTILE, "imgs": 0, "drawn": "1"}
    assert_clean(page)


def test_a_thousand_events_in_a_browser(browser: Browser, tmp_path: pathlib.Path) -> None:
    t, texts = generated()
    page = open_page(browser, tmp_path, to_html(t, texts=texts), "#generic")
    state = page.state()
    assert int(state["drawn"]) == dated(t, generic=True)
    assert int(state["undated"]) == len(t.events) - dated(t, generic=True)
    assert int(state["renderMs"]) < 2000
    lanes = page.js("""[...document.querySelectorAll('#lanes .ev')].map(g => {
        const r = g.getBBox(), m = g.transform.baseVal[0].matrix;
        return [r.x, r.x + r.width, m.f];
    })""")
    by_row: dict[float, list[tuple[float, float]]] = collections.defaultdict(list)
    for left, right, y in lanes:
        by_row[y].append((left, right))
    for boxes in by_row.values():
        boxes.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(boxes))
    colours = png_colours(page.screenshot())
    assert len(colours) > 50
    zoomed = page.js("""new Promise(done => {
        const axis = document.getElementById('axis');
        for (let k = 0; k < 12; k++)
            axis.dispatchEvent(new WheelEvent('wheel', {deltaY: -400, clientX: 700, clientY: 200,
                                                        bubbles: true, cancelable: true}));
        requestAnimationFrame(() => requestAnimationFrame(() =>
            done([...document.querySelectorAll('#axis text')].map(t => t.textContent))));
    })""")
    assert any(re.fullmatch(r"\d\d:\d\d|\d{1,2}", x) for x in zoomed)
    assert_clean(page)


@pytest.mark.parametrize("bounds", [
    [],
    [("2025-02-21T14:12", "2025-02-21T14:12")],
    [("0044-03-15", "0044-03-15"), ("1999-12-31T23:59:59", "1999-12-31T23:59:59"),
     ("9999-12-31", "9999-12-31"), (None, None)],
], ids=["empty", "one-minute", "far-apart"])
def test_edge_cases_in_a_browser(browser: Browser, tmp_path: pathlib.Path,
                                 bounds: list[tuple[str | None, str | None]]) -> None:
    t = Timeline(events=[Event(id=f"e{k}", type="visit", label=f"visit {k}", earliest=a, latest=b)
                         for k, (a, b) in enumerate(bounds)])
    page = open_page(browser, tmp_path, to_html(t))
    state = page.state()
    assert (int(state["drawn"]), int(state["undated"])) == (dated(t), len(t.events) - dated(t))
    assert page.js("document.getElementById('empty').hidden") == bool(dated(t))
    assert_clean(page)
