"""A spaCy pipeline component that tags time expressions with their TIMEX3 values.

``nlp.add_pipe("timeline")`` runs `timeline.tag` on each ``doc.text`` and puts
one `Span` per time expression in ``doc.spans["timex"]``, labelled with its
TIMEX3 type (DATE, TIME, DURATION, SET). Each span carries the expression's
value in extension attributes: ``span._.timex_value``, ``timex_mod``,
``timex_type``, ``timex_earliest``, ``timex_latest``, ``timex_rule`` and
``timex_text``.

Config (all optional):

- ``language``: ISO 639-1 code of the texts. When null, ``nlp.lang`` is used if
  timeline supports it, else each text's language is detected.
- ``published``: publication date ``YYYY-MM-DD``, the reference for
  ``yesterday`` or a date without a year. A document's own
  ``doc.user_data["published"]`` (an ISO string or a `datetime.date`; a
  string survives ``doc.to_bytes``) wins over it. Without either, a dateline
  in the text's first lines is the reference, as in `timeline.tag`.
- ``spans_key``: the ``doc.spans`` key, ``"timex"`` by default.

Token boundaries: timeline finds expressions on its own tokens, so an
expression may start or end inside a spaCy token (``ref19/02/2025`` is one
spaCy token). The span is then widened to the whole tokens it touches
(``doc.char_span(..., alignment_mode="expand")``) and ``span.text`` is longer
than the expression; ``span._.timex_text`` keeps the expression exactly. When
two expressions widen to the same span, the first one keeps it.

The factory is registered when this module is imported, and spaCy also finds
it through the ``spacy_factories`` entry point, so ``add_pipe("timeline")`` and
``spacy.load`` of a saved pipeline work without importing this module. spaCy is
an optional extra (``pip install 'timeline[spacy]'``); ``import timeline`` does
not import it.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("timeline", config={"published": "2025-02-21"})
    >>> doc = nlp("The talks resume next Tuesday and end in early March.")
    >>> [(s.text, s.label_, s._.timex_value, s._.timex_mod) for s in doc.spans["timex"]]
    [('next Tuesday', 'DATE', '2025-02-25', None), ('early March', 'DATE', '2025-03', 'START')]
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline.errors import UnsupportedLanguageError
from timeline.lexicon import normalize_code
from timeline.models import TimeExpression
from timeline.pipeline import parse_published, tag

SPAN_EXTENSIONS = ("timex_value", "timex_mod", "timex_type", "timex_earliest",
                   "timex_latest", "timex_rule", "timex_text")
"""The `Span` extension attributes the component sets (each defaults to None)."""

PUBLISHED_KEY = "published"
"""The ``doc.user_data`` key of a document's own publication date."""


def register_extensions() -> None:
    """Register the `Span` extensions in `SPAN_EXTENSIONS`; existing ones are left alone.

    Called on import and by every component, so reading the attributes of
    deserialised docs needs only ``import timeline.spacy``.

    Example:
        >>> register_extensions()
        >>> Span.has_extension("timex_value")
        True
    """
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class TimexTagger:
    """The ``timeline`` pipeline component (make it with ``nlp.add_pipe("timeline")``).

    Args:
        language: ISO 639-1 code of the texts, or None for ``nlp.lang`` if
            supported, else detection per text.
        published: default publication date of the texts.
        spans_key: the ``doc.spans`` key to fill.

    Raises:
        UnsupportedLanguageError: ``language`` has no data.
        InputError: ``published`` is not a date.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("nl")
        >>> tagger = TimexTagger(language=None, published="2025-02-21", spans_key="dates")
        >>> doc = tagger(nlp("Vorig jaar kwamen ze op 3 mei samen."))
        >>> [(s.text, s._.timex_value) for s in doc.spans["dates"]]
        [('Vorig jaar', '2024'), ('3 mei', '2024-05-03')]
    """

    def __init__(self, *, language: str | None, published: str | dt.date | None,
                 spans_key: str = "timex") -> None:
        self.language = normalize_code(language) if language else None
        self.published = parse_published(published)
        self.spans_key = spans_key
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Tag ``doc.text`` and replace ``doc.spans[spans_key]`` with its expressions."""
        own = doc.user_data.get(PUBLISHED_KEY)
        published = parse_published(own) if own is not None else self.published
        timexes = tag(doc.text, language=self.language, published=published)
        spans: list[Span] = []
        taken: set[tuple[int, int]] = set()
        for t in timexes:
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is None or (span.start, span.end) in taken:
                continue
            taken.add((span.start, span.end))
            _annotate(span, t)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _annotate(span: Span, t: TimeExpression) -> None:
    span._.timex_value = t.value
    span._.timex_mod = t.mod
    span._.timex_type = t.type
    span._.timex_earliest = t.earliest
    span._.timex_latest = t.latest
    span._.timex_rule = t.rule
    span._.timex_text = t.text


def _pipeline_language(lang: str | None) -> str | None:
    """``nlp.lang`` as a timeline language code, or None when timeline lacks it."""
    if not lang:
        return None
    try:
        return normalize_code(lang)
    except UnsupportedLanguageError:
        return None


@Language.factory(
    "timeline",
    default_config={"language": None, "published": None, "spans_key": "timex"},
    assigns=["doc.spans"],
)
def make_timex_tagger(nlp: Language, name: str, language: str | None,
                      published: str | None, spans_key: str) -> TimexTagger:
    """Build the ``timeline`` component (spaCy calls this for ``nlp.add_pipe``).

    Args:
        nlp: the pipeline; its ``lang`` is the language when ``language`` is None.
        name: the component's name in the pipeline.
        language: ISO 639-1 code of the texts, or None.
        published: default publication date ``YYYY-MM-DD``, or None.
        spans_key: the ``doc.spans`` key to fill.

    Example:
        >>> import spacy
        >>> make_timex_tagger(spacy.blank("de"), "timeline", None, None, "timex").language
        'de'
    """
    return TimexTagger(language=language or _pipeline_language(nlp.lang),
                       published=published, spans_key=spans_key)


register_extensions()
