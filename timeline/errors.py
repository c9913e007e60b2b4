"""The exceptions `timeline` raises on purpose.

Every error the library raises deliberately derives from `TimelineError`, and
also from the builtin it resembles, so callers may catch either.
"""


class TimelineError(Exception):
    """Base class of every error raised on purpose by `timeline`."""


class InvalidTimexError(TimelineError, ValueError):
    """A TIMEX3 value string, or a calendar date, that does not exist."""


class UnsupportedLanguageError(TimelineError, ValueError):
    """A language code the library has no data for."""


class LexiconError(TimelineError, ValueError):
    """A language data file that is malformed; the message names file and key."""


class InputError(TimelineError, ValueError):
    """An input document that cannot be read (names the file, and line)."""
