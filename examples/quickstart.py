"""The shortest useful program: find the dates in a text and print them."""

import timeline

TEXT = (
    "The ministers met in Brussels on 19 February 2025 and will meet again "
    "next month. Relations were established on 18 January 1950."
)

for t in timeline.tag(TEXT, language="en", published="2025-02-21"):
    print(f"{t.text!r:30} {t.type:9} {t.value}")
