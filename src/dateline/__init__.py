"""dateline: conflict news reports in, ACLED-style event records out, every field traced to text."""

from .api import Analysis, Dateline, load
from .errors import (
    ConfigError,
    DatelineError,
    EvaluationError,
    ExportError,
    GazetteerError,
    InputError,
    ModelError,
    PipelineError,
    StoreError,
)
from .model import ActorMention, Article, Doc, Event, Place, Sentence, Span, TimeExpr

__version__ = "0.1.0"

__all__ = [
    "load", "Dateline", "Analysis", "Doc", "Article", "Event", "Place", "TimeExpr", "ActorMention",
    "Sentence", "Span", "DatelineError", "InputError", "ConfigError", "PipelineError", "ModelError",
    "GazetteerError", "StoreError", "ExportError", "EvaluationError", "__version__",
]
