"""Export the seeds' timeline as an HTML page, an iCalendar file, CSV and a pandas DataFrame.

Usage: python examples/export_formats.py [OUTPUT_DIRECTORY]   (default: a temporary one)
"""

import pathlib
import sys
import tempfile

import timeline
from timeline.formats import ExportContext, render

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="timeline-"))
out.mkdir(parents=True, exist_ok=True)
t = timeline.extract(SEEDS)
# The documents' texts let the HTML view and the CSV quote whole sentences.
context = ExportContext(texts={p.name: p.read_text(encoding="utf-8") for p in SEEDS})
for name, file_name in (("html", "timeline.html"), ("ics", "timeline.ics"),
                        ("csv", "timeline.csv")):
    text = render(name, t, context)
    assert isinstance(text, str)
    # newline="" keeps the CRLF line ends iCalendar and CSV require
    (out / file_name).write_text(text, encoding="utf-8", newline="")
    print(f"wrote {out / file_name} ({len(text.encode('utf-8')) // 1024} KB)")

frame = t.to_pandas()  # needs the [pandas] extra
named = frame[frame["type"] != "event"]  # "event": dated statements without an event word
print(named[["value", "type", "label", "languages", "documents"]].head(8).to_string(index=False))
