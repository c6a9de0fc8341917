"""The command line, on hand-made files, with a small fake pipeline (no spaCy model needed)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

import dateline
from dateline.api import Dateline
from dateline.cli import events_table, main
from dateline.errors import DatelineError
from dateline.model import Event, Sentence, Span
from dateline.pipeline import Stage

STORY = "date 2021-02-03 Wire, GAO\nGAO (Wire) - Gunmen killed four villagers on Monday, officials said.\n"
LATER = "Militants will attack the base, a spokesman warned. Soldiers killed two fighters nearby.\n"
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                "notes,fatalities,tags,timestamp")


class FakeParse(Stage):
    """Sentences split on full stops; every other layer empty."""

    name = "parse"
    needs = frozenset({"text"})
    adds = frozenset({"spacy", "sentences", "entities", "times", "places", "actors"})

    def prepare(self, docs) -> None:
        return None

    def __call__(self, doc) -> None:
        body = doc.article.body_start
        doc.sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", doc.text[body:]))
        doc.sentences = tuple(Sentence(s.start + body, s.end + body) for s in doc.sentences)
        doc.spacy, doc.entities, doc.times, doc.places, doc.actors = object(), (), (), (), ()


class FakeEvents(Stage):
    """An attack for each "killed"; a future one for "will attack"; "explode" is a stage bug."""

    name = "events"
    needs = frozenset({"sentences"})
    adds = frozenset({"events"})

    def __call__(self, doc) -> None:
        if "explode" in doc.text:
            raise ValueError("cannot handle this article")
        doc.events = tuple(self._event(doc, m) for m in re.finditer(r"killed|will attack", doc.text))

    def _event(self, doc, match) -> Event:
        trigger = Span(match.start(), match.end())
        sent = doc.sentence_of(match.start())
        published = doc.article.published.isoformat() if doc.article.published else None
        return Event(event_id=Event.make_id(doc.id, trigger, "Attack"), article_id=doc.id,
                     event_type="Violence against civilians", sub_event_type="Attack", trigger=trigger,
                     sentence=sent.span, event_date=published, fatalities=4, iso2="ML", location="Gao",
                     latitude=16.27, longitude=-0.04, source=doc.article.source,
                     factuality="future" if match.group() == "will attack" else "asserted")


@pytest.fixture
def fake(monkeypatch):
    """``dateline.load()`` returns the fake pipeline; counts how often it was loaded."""
    loads = []

    def load(**_):
        loads.append(1)
        return Dateline([FakeParse(), FakeEvents()])

    monkeypatch.setattr(dateline, "load", load)
    return loads


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATELINE_DB", raising=False)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize("command", [[], ["extract"], ["analyze"], ["ingest"], ["export"], ["demo"]])
def test_help_on_every_command(cli, command):
    result = cli(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_extract_prints_one_json_event_per_line(cli, fake, write):
    path = write("a.txt", STORY)
    result = cli("extract", str(path))
    assert result.exit_code == 0
    [event] = lines(result.stdout)
    assert event["sub_event_type"] == "Attack" and event["event_date"] == "2021-02-03"
    assert event["evidence"]["trigger"] == [STORY.index("killed"), STORY.index("killed") + 6]


def test_keep_all_keeps_future_events(cli, fake, write):
    path = write("b.txt", LATER)
    assert [e["factuality"] for e in lines(cli("extract", str(path)).stdout)] == ["asserted"]
    assert len(lines(cli("extract", "--keep-all", str(path)).stdout)) == 2


def test_analyze_prints_one_object_per_article_and_published_fills_dates(cli, fake, write):
    write("d/a.txt", STORY)
    write("d/b.txt", LATER)
    result = cli("analyze", "--published", "2020-01-01", str(write("d/a.txt", STORY).parent))
    docs = lines(result.stdout)
    assert [d["published"] for d in docs] == ["2021-02-03", "2020-01-01"]
    assert docs[0]["dateline"] == "GAO"


def test_bad_published_is_a_usage_error(cli, fake, write):
    result = cli("extract", "--published", "last week", str(write("a.txt", STORY)))
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_stdin_jsonl(cli, fake):
    data = json.dumps({"text": STORY, "id": "x1"}) + "\n"
    [event] = lines(cli("extract", "-", input=data.encode()).stdout)
    assert event["article_id"] == "x1"


def test_a_batch_with_bad_files_warns_per_file_and_goes_on(cli, fake, write):
    good = write("batch/1-good.txt", STORY)
    write("batch/2-binary.txt", b"\x00\x01\x02 binary \xff\xfe" * 50)
    write("batch/3-empty.txt", "")
    write("batch/4-bom.txt", b"\xef\xbb\xbf" + LATER.encode())
    write("batch/5-latin1.txt", "Des soldats ont tu\u00e9 deux hommes. Gunmen killed one.\n", encoding="latin-1")
    write("batch/6-lines.jsonl", json.dumps({"text": STORY + " Again."}) + "\n{broken\n")
    write("batch/7-bug.txt", "This will explode. Men were killed.\n")
    result = cli("extract", str(good.parent))
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("dateline: warning:")]
    assert len(warnings) == 4
    assert any("2-binary.txt" in w and "binary" in w for w in warnings)
    assert any("3-empty.txt" in w and "empty" in w for w in warnings)
    assert any("6-lines.jsonl:2" in w and "not JSON" in w for w in warnings)
    assert any("7-bug.txt" in w for w in warnings)
    assert "Traceback" not in result.output
    assert len(lines(result.stdout)) == 4  # good, bom, latin-1 and the good JSONL line


def test_nothing_readable_is_a_non_zero_exit_with_one_line(cli, fake, write):
    result = cli("extract", str(write("bin.txt", b"\x00" * 10)), "missing.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("dateline: error: none of the 2 inputs")
    assert len(result.stderr.splitlines()) == 3


def test_empty_directory_is_an_error(cli, fake, tmp_path):
    (tmp_path / "nothing").mkdir()
    result = cli("extract", str(tmp_path / "nothing"))
    assert result.exit_code == 1 and "no articles found" in result.stderr


def test_ingest_twice_gives_the_same_store_and_skips_analysis(cli, fake, write, tmp_path):
    write("in/a.txt", STORY)
    write("in/b.txt", LATER)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    first = cli("ingest", "--db", db, str(tmp_path / "in"))
    assert first.exit_code == 0 and "ingested 2 articles, 2 events" in first.stderr
    dump1 = cli("export", "--format", "jsonl", "--db", db).stdout
    second = cli("ingest", "--db", db, str(tmp_path / "in"))
    assert "ingested 0 articles, 0 events (2 already stored" in second.stderr
    assert cli("export", "--format", "jsonl", "--db", db).stdout == dump1
    assert len(fake) == 1  # the re-run never loaded the pipeline


def test_default_store_is_dateline_db_in_the_cwd_and_env_overrides(cli, fake, write, tmp_path, monkeypatch):
    cli("ingest", str(write("a.txt", STORY)))
    assert (tmp_path / "dateline.db").exists()
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "other.db"))
    cli("ingest", str(write("a.txt", STORY)))
    assert (tmp_path / "other.db").exists()


def test_export_formats(cli, fake, write, tmp_path):
    cli("ingest", str(write("a.txt", STORY)))
    csv_text = cli("export", "--format", "acled-csv").stdout
    assert csv_text.splitlines()[0] == ACLED_HEADER
    [row] = csv.DictReader(io.StringIO(csv_text))
    assert (row["country"], row["iso"], row["region"], row["source"]) == ("Mali", "466", "Western Africa", "Wire")
    geo = json.loads(cli("export", "--format", "geojson").stdout)
    assert geo["features"][0]["geometry"]["coordinates"] == [-0.04, 16.27]
    out = tmp_path / "e.parquet"
    result = cli("export", "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0 and out.stat().st_size > 0 and "wrote 1 events" in result.stderr


def test_export_to_an_unwritable_path_is_one_line(cli, fake, write, tmp_path):
    cli("ingest", str(write("a.txt", STORY)))
    result = cli("export", "--format", "jsonl", "-o", str(tmp_path / "no" / "dir" / "x.jsonl"))
    assert result.exit_code == 1 and result.stderr.startswith("dateline: error: cannot write")


def test_unreachable_store_is_one_line(cli, fake, write):
    result = cli("ingest", "--db", "sqlite:////nonexistent/dir/x.db", str(write("a.txt", STORY)))
    assert result.exit_code == 1
    assert result.stderr.startswith("dateline: error: cannot open the store")
    assert len(result.stderr.splitlines()) == 1


def test_interrupt_exits_130_quietly(cli, monkeypatch, write):
    def interrupted(**_):
        raise KeyboardInterrupt

    monkeypatch.setattr(dateline, "load", interrupted)
    result = cli("extract", str(write("a.txt", STORY)))
    assert result.exit_code == 130 and result.output == ""


def test_dateline_errors_from_the_library_are_one_line(cli, monkeypatch, write):
    def broken(**_):
        raise dateline.ModelError("cannot load the spaCy pipeline 'x'")

    monkeypatch.setattr(dateline, "load", broken)
    result = cli("extract", str(write("a.txt", STORY)))
    assert (result.exit_code, result.stderr) == (1, "dateline: error: cannot load the spaCy pipeline 'x'\n")


def test_unexpected_errors_are_one_line_too(cli, monkeypatch, write):
    def buggy(**_):
        raise RuntimeError("something odd")

    monkeypatch.setattr(dateline, "load", buggy)
    monkeypatch.delenv("DATELINE_DEBUG", raising=False)
    result = cli("extract", str(write("a.txt", STORY)))
    assert result.exit_code == 2 and "internal error: RuntimeError: something odd" in result.stderr
    assert "Traceback" not in result.stderr


def test_workers_falls_back_or_uses_parallel(cli, fake, write, monkeypatch):
    import dateline.cli as cli_module

    monkeypatch.setattr(cli_module, "_module_exists", lambda name: False)
    assert len(lines(cli("extract", "--workers", "2", str(write("a.txt", STORY))).stdout)) == 1


def test_demo_ingests_samples_prints_a_table_and_writes_exports(cli, fake, tmp_path, monkeypatch):
    import dateline.cli as cli_module

    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "one.txt").write_text(STORY)
    (samples / "two.txt").write_text(LATER)

    def sample_items():
        from dateline.io import read_resources

        return read_resources(samples, prefix="samples/")

    monkeypatch.setattr(cli_module, "_sample_items", sample_items)
    result = cli("demo")
    assert result.exit_code == 0, result.output
    assert "TYPE" in result.stdout and "Attack" in result.stdout and "Gao" in result.stdout
    for name in ("events.csv", "events.geojson", "events.jsonl", "events.parquet"):
        assert (tmp_path / "exports" / name).stat().st_size > 0
    assert "2 events from 2 sample articles" in cli("demo").stdout  # a re-run finds the same


def test_events_table_fits_the_width():
    event = Event(event_id="e", article_id="a", event_type="Battles", sub_event_type="Armed clash",
                  trigger=Span(0, 1), sentence=Span(0, 1), actor1="A" * 80, actor2="B", fatalities=3)
    table = events_table([event], width=80)
    assert all(len(line) <= 80 for line in table.splitlines())
    assert "Armed clash" in table and "\u2026" in table
    assert "(no events)" in events_table([], width=80)


def test_library_errors_are_dateline_errors():
    assert issubclass(dateline.StoreError, DatelineError)


@pytest.mark.postgres
def test_ingest_and_export_on_postgresql(cli, fake, write, tmp_path, postgres_url):
    import uuid

    import psycopg

    schema = f"t_cli_{uuid.uuid4().hex[:10]}"  # a schema of our own: parallel runs never collide
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        db = f"{postgres_url}?options=-csearch_path%3D{schema}"
        write("in/a.txt", STORY)
        assert "ingested 1 articles, 1 events" in cli("ingest", "--db", db, str(tmp_path / "in")).stderr
        assert "(1 already stored" in cli("ingest", "--db", db, str(tmp_path / "in")).stderr
        csv_text = cli("export", "--format", "acled-csv", "--db", db).stdout
        assert csv_text.splitlines()[0] == ACLED_HEADER and len(csv_text.splitlines()) == 2
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_ingest_replace_analyses_again(cli, fake, write, tmp_path):
    path = write("a.txt", STORY)
    cli("ingest", str(path))
    result = cli("ingest", "--replace", str(path))
    assert "ingested 1 articles, 1 events (0 already stored" in result.stderr
    assert len(fake) == 2
    assert len(lines(cli("export", "--format", "jsonl").stdout)) == 1


def test_a_crash_mid_batch_keeps_committed_articles_and_a_rerun_completes(cli, fake, write, tmp_path, monkeypatch):
    for i in range(4):
        write(f"in/{i}.txt", f"Story {i}. " + STORY)
    real_call = FakeEvents.__call__

    def crash_on_third(self, doc):
        if doc.text.startswith("Story 2"):
            raise KeyboardInterrupt
        real_call(self, doc)

    monkeypatch.setattr(FakeEvents, "__call__", crash_on_third)
    assert cli("ingest", str(tmp_path / "in")).exit_code == 130
    from dateline.store import Store

    with Store() as store:
        assert store.counts().articles == 2 and store.counts().events == 2  # whole articles only
    monkeypatch.setattr(FakeEvents, "__call__", real_call)
    assert "ingested 2 articles, 2 events (2 already stored" in cli("ingest", str(tmp_path / "in")).stderr


def test_lazy_batch_command_is_registered_only_when_its_module_exists(cli, tmp_path, monkeypatch):
    import dateline.cli as cli_module

    (tmp_path / "fake_batch_module.py").write_text(
        "import click\n@click.command()\ndef command():\n    'Run a batch.'\n    click.echo('batch ran')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cli_module, "LAZY_COMMANDS", {"batch": "fake_batch_module:command",
                                                      "ghost": "no_such_module_here:command"})
    assert cli("batch").output == "batch ran\n"
    listing = cli("--help").output
    assert "batch" in listing and "ghost" not in listing
    assert cli("ghost").exit_code == 2


def test_export_without_a_store_is_one_line(cli):
    result = cli("export", "--format", "jsonl")
    assert result.exit_code == 1 and "no store at dateline.db" in result.stderr
