"""The public Python API: ``dateline.load()`` returns a :class:`Dateline` with the default pipeline."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator, Sequence

from .errors import DatelineError, InputError
from .model import Article, Doc, as_date, place_dict, time_dict
from .parse import ParseStage, load_nlp
from .pipeline import Outcome, Pipeline, Stage

DateLike = str | dt.date | dt.datetime | None


class Dateline:
    """The loaded pipeline: spaCy model, gazetteer and lexicons, loaded once and reused."""

    def __init__(self, stages: Sequence[Stage]):
        self.pipeline = Pipeline(stages)

    @property
    def parse(self) -> ParseStage:
        return self.pipeline.get("parse")  # type: ignore[return-value]

    def analyze(
        self,
        text: str,
        *,
        published: DateLike = None,
        source: str | None = None,
        title: str | None = None,
        url: str | None = None,
        keep_all: bool = False,
    ) -> "Analysis":
        from .io import article_from_text

        article = article_from_text(text, published=as_date(published), source=source, title=title, url=url)
        return Analysis(self.pipeline.run(Doc(article)), keep_all=keep_all)

    def run(self, article: Article) -> Doc:
        """Run the pipeline on an :class:`Article` already read (raises on a bad article)."""
        return self.pipeline.run(Doc(article))

    def pipe(
        self, items: Iterable[Article | DatelineError], *, batch_size: int = 16, strict: bool = False
    ) -> Iterator[Outcome]:
        """Analyse many articles, parsing them in batches; errors are recorded, not raised."""
        return self.pipeline.pipe(items, batch_size=batch_size, strict=strict, prepare=self.parse.prepare)

    def resolve_places(
        self, text: str, spans: Sequence[tuple[int, int]], *, published: DateLike = None
    ) -> list[dict[str, Any] | None]:
        """Resolve given toponym spans in ``text``: a place dict or None for each span."""
        places = self.pipeline.get("places").resolve_spans(text, _spans(spans))  # type: ignore[attr-defined]
        return [None if p is None or p.latitude is None else place_dict(text, p) for p in places]

    def normalize_times(
        self, text: str, spans: Sequence[tuple[int, int]], *, published: DateLike = None
    ) -> list[dict[str, Any] | None]:
        """Normalise given time-expression spans: a time dict or None for each span."""
        times = self.pipeline.get("times").normalize_spans(  # type: ignore[attr-defined]
            text, _spans(spans), published=as_date(published)
        )
        return [None if t is None else time_dict(text, t) for t in times]


class Analysis:
    """What ``analyze`` returns: the :class:`Doc` and its contract dictionary."""

    def __init__(self, doc: Doc, *, keep_all: bool = False):
        self.doc = doc
        self.keep_all = keep_all

    @property
    def events(self):
        return [e for e in self.doc.events or () if self.keep_all or e.factuality == "asserted"]

    def to_dict(self) -> dict[str, Any]:
        return self.doc.to_dict(keep_all=self.keep_all)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)


def _spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for pair in spans:
        start, end = int(pair[0]), int(pair[1])
        if not 0 <= start <= end:
            raise InputError(f"bad span {pair!r}")
        out.append((start, end))
    return out


def default_stages(*, nlp: Any = None, gazetteer: Any = None) -> list[Stage]:
    """The default stage order: parse, times, places, actors, events, merge."""
    from .actors.stage import ActorStage
    from .events.merge import MergeStage
    from .events.stage import EventStage
    from .geo.stage import PlaceStage
    from .timex.stage import TimeStage

    places = PlaceStage.default(gazetteer=gazetteer)
    return [
        ParseStage(nlp if nlp is not None else load_nlp()),
        TimeStage(),
        places,
        ActorStage.default(),
        EventStage.default(seat_of=places.gazetteer.seat),
        MergeStage(),
    ]


def load(*, nlp: Any = None, gazetteer: Any = None) -> Dateline:
    """Load the default pipeline (the spaCy model and gazetteer are opened once, here)."""
    return Dateline(default_stages(nlp=nlp, gazetteer=gazetteer))
