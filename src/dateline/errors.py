"""One exception hierarchy for the whole package.

Third-party errors (spaCy, SQLAlchemy, file I/O, JSON) are translated into these where they
are raised, so the CLI and any caller only ever catch :class:`DatelineError`.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class InputError(DatelineError):
    """An article could not be read: unreadable file, binary data, bad JSON, empty text.

    ``path`` and ``line`` name where, so a batch can report one clear line and go on.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.reason = message

    def __reduce__(self):
        # Rebuild from the parts, not from the formatted message, so the error survives
        # being sent between processes (worker pools, Dask) without a doubled prefix.
        return (_input_error, (self.reason, self.path, self.line))


def _input_error(reason: str, path: str | None, line: int | None) -> "InputError":
    return InputError(reason, path=path, line=line)


class ConfigError(DatelineError):
    """An option or environment setting is invalid."""


class PipelineError(DatelineError):
    """Stages are in an order whose needs are not met, or a stage failed on an article."""


class ModelError(DatelineError):
    """The spaCy model (or another bundled resource) could not be loaded."""


class GazetteerError(DatelineError):
    """The gazetteer could not be built, opened or loaded."""


class StoreError(DatelineError):
    """The event store could not be reached or written."""


class ExportError(DatelineError):
    """An export could not be written."""


class EvaluationError(DatelineError):
    """An evaluation data set could not be read."""
