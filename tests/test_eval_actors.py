"""``dateline eval actors``: the actor-naming scorer on hand-made rows and fake stages."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from dateline.cli import main as cli_main
from dateline.evaluate.actors import (ActorFigures, RowActors, analyse, article_of, gold_names, row_actors,
                                      score, summary)
from dateline.model import ActorMention, Doc, Place
from dateline.pipeline import Stage

ROW = {"event_id_cnty": "KEN1", "event_date": "2023-05-02", "country": "Kenya",
       "notes": "Police fired on protesters in Nairobi.",
       "actor1": "Protesters (Kenya)", "actor2": "", "assoc_actor_1": "Teachers (Kenya); Students (Kenya)",
       "assoc_actor_2": ""}


def _mention(name: str, kind: str | None = None) -> ActorMention:
    return ActorMention(0, 6, name, kind=kind)


class NameFirstWord(Stage):
    """A fake actor stage: names an actor after each capitalised word it was told about."""

    name = "actors"

    def __init__(self, names: dict[str, ActorMention]):
        self.names = names

    def __call__(self, doc: Doc) -> None:
        doc.actors = tuple(m for word, m in self.names.items() if word in doc.text)


class OnePlace(Stage):
    name = "places"

    def __call__(self, doc: Doc) -> None:
        doc.places = (Place(0, 6, country_code="KE"),)


def test_gold_names_split_on_semicolons_and_skip_blanks():
    assert gold_names(ROW, "assoc_actor_1") == ("Teachers (Kenya)", "Students (Kenya)")
    assert gold_names(ROW, "actor2") == () and gold_names({}, "actor1") == ()


def test_a_column_is_found_only_when_all_its_names_are():
    doc = Doc(article_of(ROW))
    doc.actors = (_mention("Protesters (Kenya)"), _mention("Teachers (Kenya)"))
    figures = score([row_actors(ROW, doc)])
    assert figures.recall("actor1") == 1.0
    assert figures.present["assoc_actor_1"] == 1 and figures.recall("assoc_actor_1") == 0.0
    assert figures.recall("actor2") == 0.0 and "actor2" not in figures.present  # blank: not counted


def test_precision_leaves_out_group_labels_and_counts_names_outside_the_row():
    doc = Doc(article_of(ROW))
    doc.actors = (_mention("Protesters (Kenya)"), _mention("Police Forces of Kenya (2022-)"),
                  _mention("Teachers (Kenya)", kind="group"))
    out = row_actors(ROW, doc)
    assert out.main == {"Protesters (Kenya)", "Police Forces of Kenya (2022-)"}
    figures = score([out])
    assert figures.predicted == 2 and figures.correct == 1 and figures.precision == 0.5


def test_missed_main_actor_names_are_counted_most_often_first():
    other = dict(ROW, actor1="Rioters (Kenya)", actor2="Protesters (Kenya)")
    empty = RowActors(gold={}, names=frozenset(), main=frozenset())
    rows = [RowActors(gold={"actor1": ("Protesters (Kenya)",)}, names=frozenset(), main=frozenset()),
            row_actors(other, Doc(article_of(other), actors=())), empty]
    figures = score(rows)
    assert figures.rows == 3
    assert figures.misses[0] == ("Protesters (Kenya)", 2) and ("Rioters (Kenya)", 1) in figures.misses
    assert all(name != "Teachers (Kenya)" for name, _ in figures.misses)  # associated actors are not listed


def test_analyse_runs_the_stages_on_the_notes_published_on_the_event_date():
    stage = NameFirstWord({"Police": _mention("Police Forces of Kenya (2022-)"),
                           "protesters": _mention("Protesters (Kenya)")})
    seen: list[Doc] = []

    class Spy(Stage):
        name = "spy"

        def __call__(self, doc: Doc) -> None:
            seen.append(doc)

    figures = score(analyse([ROW], [OnePlace(), stage, Spy()]))
    assert figures.recall("actor1") == 1.0 and figures.correct == 1
    assert seen[0].article.published == dt.date(2023, 5, 2) and seen[0].article.dateline is None
    assert seen[0].places  # without --gold-country the places stay


def test_gold_country_gives_the_dateline_and_drops_the_places():
    seen: list[Doc] = []

    class Spy(Stage):
        name = "spy"

        def __call__(self, doc: Doc) -> None:
            seen.append(doc)

    list(analyse([ROW], [OnePlace(), Spy()], gold_country=True))
    assert seen[0].article.dateline == "Kenya" and seen[0].places == ()


def test_summary_has_a_recall_per_column_and_empty_figures_are_zero():
    result = summary(ActorFigures(0, {}, {}, 0, 0, ()))
    assert result == {"rows": 0, "precision": 0.0, "actor1_recall": 0.0, "actor2_recall": 0.0,
                      "assoc_actor_1_recall": 0.0, "assoc_actor_2_recall": 0.0}


def test_the_command_is_registered_under_eval():
    result = CliRunner().invoke(cli_main, ["eval", "--help"])
    assert result.exit_code == 0 and "actors" in result.output
    result = CliRunner().invoke(cli_main, ["eval", "actors", "--help"])
    assert result.exit_code == 0 and "--gold-country" in result.output


@pytest.mark.slow
def test_actor_figures_on_acled_dev_rows(shared_dir):
    from dateline.actors.stage import ActorStage
    from dateline.evaluate.acled import read_rows
    from dateline.parse import ParseStage, load_nlp

    rows = read_rows(shared_dir / "data/dev/acled_notes/acled_notes_dev.csv", limit=60)
    figures = score(analyse(rows, [ParseStage(load_nlp()), ActorStage.default()], gold_country=True))
    assert figures.rows == 60
    # A floor well under the dev figure (about 0.8 with the gold country): catches a broken stage.
    assert figures.recall("actor1") >= 0.5
