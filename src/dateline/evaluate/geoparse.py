"""``dateline eval geoparse FILE``: toponym detection and resolution on GeoNames-tagged corpora.

Reads LGL-style XML (``article/text``, ``toponyms/toponym/{start,end,phrase,gaztag}``) and
GeoVirus-style XML (``article/text``, ``locations/location/{name,start,end,lat,lon}``, whose
offsets are sometimes off by a character: each is re-anchored on its name). Two modes:
given the gold spans (resolution only) and end to end (the NER and finder choose the spans).
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

import click

from ..errors import EvaluationError
from ..geo.resolve import haversine
from ..model import Article, Doc, Place

KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class Scores:
    """Accumulated counts and errors; ``as_dict`` gives the figures."""

    gold: int = 0  # gold toponyms with coordinates
    placed: int = 0  # of those, placed within 161 km
    errors: list[float] = field(default_factory=list)
    id_gold: int = 0
    id_match: int = 0
    outputs: int = 0  # resolved places output (end to end)
    outputs_judged: int = 0  # ... that can be judged (not on a gold toponym without coordinates)
    outputs_correct: int = 0
    span_gold: int = 0
    span_found: int = 0
    span_out: int = 0
    span_correct: int = 0

    def as_dict(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {
            "gold_toponyms": self.gold,
            "accuracy_161km": _ratio(self.placed, self.gold),
            "median_error_km": round(statistics.median(self.errors), 1) if self.errors else None,
            "mean_error_km": round(statistics.fmean(self.errors), 1) if self.errors else None,
            "resolved": len(self.errors),
            "geonameid_match": _ratio(self.id_match, self.id_gold),
        }
        if self.span_out or self.outputs:
            out.update({
                "span_precision": _ratio(self.span_correct, self.span_out),
                "span_recall": _ratio(self.span_found, self.span_gold),
                "outputs": self.outputs,
                "precision_161km": _ratio(self.outputs_correct, self.outputs_judged),
            })
        return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


# --- reading --------------------------------------------------------------------------------


def read_corpus(path: str) -> Iterator[GoldArticle]:
    """Articles of an LGL- or GeoVirus-style XML file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        if art.find("toponyms") is not None:
            tops = tuple(_lgl_toponyms(art, text))
        else:
            tops = tuple(_geovirus_toponyms(art, text))
        yield GoldArticle(art.get("docid") or str(n), text, tops)


def _lgl_toponyms(art: ET.Element, text: str) -> Iterator[GoldToponym]:
    for t in art.iter("toponym"):
        start, end = int(t.findtext("start")), int(t.findtext("end"))
        tag = t.find("gaztag")
        lat = lon = gid = None
        if tag is not None and tag.findtext("lat"):
            lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            gid = int(tag.get("geonameid")) if tag.get("geonameid") else None
        yield GoldToponym(start, end, t.findtext("phrase") or text[start:end], lat, lon, gid)


def _geovirus_toponyms(art: ET.Element, text: str) -> Iterator[GoldToponym]:
    for loc in art.iter("location"):
        name = loc.findtext("name") or ""
        start = reanchor(text, name, int(loc.findtext("start")))
        if start is None:
            continue
        yield GoldToponym(start, start + len(name), name, float(loc.findtext("lat")), float(loc.findtext("lon")))


def reanchor(text: str, name: str, start: int, *, window: int = 8) -> int | None:
    """The offset of ``name`` nearest ``start`` (GeoVirus offsets drift by a character or so)."""
    if text[start : start + len(name)] == name:
        return start
    best = None
    for delta in range(1, window + 1):
        for pos in (start - delta, start + delta):
            if 0 <= pos and text[pos : pos + len(name)] == name:
                return pos
    found = text.find(name)
    return found if found >= 0 else best


# --- scoring ---------------------------------------------------------------------------------


def score_given_spans(articles: Iterable[GoldArticle], stage) -> Scores:
    scores = Scores()
    for art in articles:
        gold = [g for g in art.toponyms if g.lat is not None]
        places = stage.resolve_spans(art.text, [(g.start, g.end) for g in gold])
        for g, p in zip(gold, places):
            _score_resolution(scores, g, p)
    return scores


def _score_resolution(scores: Scores, g: GoldToponym, p: Place | None) -> None:
    scores.gold += 1
    if g.geonameid is not None:
        scores.id_gold += 1
        scores.id_match += int(p is not None and p.geonameid == g.geonameid)
    if p is None or p.latitude is None:
        return
    km = haversine(g.lat, g.lon, p.latitude, p.longitude)
    scores.errors.append(km)
    scores.placed += int(km <= KM)


def score_end_to_end(articles: Sequence[GoldArticle], docs: Sequence[Doc], *,
                     roles: frozenset[str] | None = None) -> Scores:
    """End-to-end figures over the places output with a role in ``roles`` (None: every place, what
    a user of ``places`` gets: toponyms, demonyms listed as their country, the wire dateline's)."""
    scores = Scores()
    for art, doc in zip(articles, docs):
        places = [p for p in doc.places or () if roles is None or p.role in roles]
        _score_spans(scores, art, places)
        _score_outputs(scores, art, places)
    return scores


def _score_spans(scores: Scores, art: GoldArticle, places: Sequence[Place]) -> None:
    gold = {(g.start, g.end) for g in art.toponyms}
    found = {(p.start, p.end) for p in places}
    scores.span_gold += len(gold)
    scores.span_out += len(found)
    scores.span_correct += len(found & gold)
    scores.span_found += len(found & gold)
    # Resolution end to end: each gold toponym is placed if an overlapping output is within 161 km.
    for g in art.toponyms:
        if g.lat is None:
            continue
        hit = next((p for p in places if p.start < g.end and g.start < p.end and p.latitude is not None), None)
        _score_resolution(scores, g, hit)


def _score_outputs(scores: Scores, art: GoldArticle, places: Sequence[Place]) -> None:
    for p in places:
        if p.latitude is None:
            continue
        scores.outputs += 1
        gold = next((g for g in art.toponyms if p.start < g.end and g.start < p.end), None)
        if gold is not None and gold.lat is None:
            continue  # a real toponym the corpus could not place: not judged
        scores.outputs_judged += 1
        if gold is not None and haversine(gold.lat, gold.lon, p.latitude, p.longitude) <= KM:
            scores.outputs_correct += 1


def run_end_to_end(articles: Sequence[GoldArticle], *, gazetteer=None, batch_size: int = 16) -> list[Doc]:
    """Parse and place every article (only the stages the places need)."""
    from ..geo.stage import PlaceStage
    from ..parse import ParseStage, load_nlp

    parse = ParseStage(load_nlp())
    places = PlaceStage.default(gazetteer=gazetteer)
    docs = [Doc(Article(id=a.id, text=a.text)) for a in articles]
    for i in range(0, len(docs), batch_size):
        batch = docs[i : i + batch_size]
        parse.prepare(batch)
        for doc in batch:
            parse(doc)
            places(doc)
            doc.spacy = None  # the parse is not needed any more: keep memory flat
    return docs


@click.command(name="geoparse")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--mode", type=click.Choice(["gold-spans", "end-to-end", "both"]), default="both", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), default=None, help="Gazetteer file (default store if omitted).")
def command(path: str, mode: str, limit: int | None, gazetteer: str | None) -> None:
    """Geoparsing figures on an LGL- or GeoVirus-style XML corpus."""
    import json

    from ..geo.stage import PlaceStage

    articles = list(read_corpus(path))[:limit]
    click.echo(f"{path}: {len(articles)} articles, {sum(len(a.toponyms) for a in articles)} gold toponyms")
    if mode in ("gold-spans", "both"):
        figures = score_given_spans(articles, PlaceStage.default(gazetteer=gazetteer)).as_dict()
        click.echo("given gold spans: " + json.dumps(figures))
    if mode in ("end-to-end", "both"):
        docs = run_end_to_end(articles, gazetteer=gazetteer)
        click.echo("end to end: " + json.dumps(score_end_to_end(articles, docs).as_dict()))
        toponyms = score_end_to_end(articles, docs, roles=frozenset({"toponym"})).as_dict()
        click.echo("end to end, role toponym only: " + json.dumps(toponyms))
