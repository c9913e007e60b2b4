"""timeline: dates and events from news in many languages, as one ordered timeline.

Example:
    >>> import timeline
    >>> [t.value for t in timeline.tag("Op 18 januari 1950.", language="nl")]
    ['1950-01-18']
"""

from timeline.detect import detect_language
from timeline.errors import (
    InputError,
    InvalidTimexError,
    LexiconError,
    TimelineError,
    UnsupportedLanguageError,
)
from timeline.lexicon import available_languages
from timeline.models import (
    Conflict,
    Document,
    DocumentResult,
    Event,
    EventMention,
    Source,
    TimeExpression,
    Timeline,
)
from timeline.pipeline import extract, tag
from timeline.values import Granularity, Mod, TimexValue

__all__ = [
    "Conflict",
    "Document",
    "DocumentResult",
    "Event",
    "EventMention",
    "Granularity",
    "InputError",
    "InvalidTimexError",
    "LexiconError",
    "Mod",
    "Source",
    "TimeExpression",
    "Timeline",
    "TimelineError",
    "TimexValue",
    "UnsupportedLanguageError",
    "available_languages",
    "detect_language",
    "extract",
    "tag",
]

__version__ = "0.1.0"
