"""Time expressions in a spaCy pipeline: a blank Dutch pipeline, no model download.

    python examples/spacy_pipeline.py

``add_pipe("timeline")`` finds the component through its entry point; the
spans land in ``doc.spans["timex"]`` with their TIMEX3 values as extension
attributes. Needs the extra: ``pip install 'timeline[spacy]'``.
"""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin

TEXTS = [
    "De gemeenteraad vergaderde gisteren; begin volgend jaar volgt een besluit.",
    "Het museum is sinds 12 maart 1998 elke maandag gesloten, drie weken lang.",
]


def main() -> None:
    """Tag two Dutch texts, print their spans, and show that they survive a DocBin."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("timeline", config={"published": "2025-02-21"})
    docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        for span in doc.spans["timex"]:
            print(f"{span.text!r:22} {span.label_:9} {span._.timex_value:14} "
                  f"{span._.timex_mod or '':6} {span._.timex_earliest} .. {span._.timex_latest}")
    stored = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    print(f"{sum(len(d.spans['timex']) for d in restored)} spans after a DocBin round trip")


if __name__ == "__main__":
    main()
