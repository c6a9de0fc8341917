"""The TimeML reader and the TempEval-3 style scorer, on a small TimeML file written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.evaluate.timex import command, evaluate, read_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-01-25" functionInDocument="CREATION_TIME">2019-01-25</TIMEX3></DCT>
<TEXT>
Rebels &amp; allies <EVENT eid="e1">attacked</EVENT> the town <TIMEX3 tid="t1" type="DATE" value="2019-01-23">Wednesday</TIMEX3> after a <TIMEX3 tid="t2" type="DURATION" value="P4M">four-month</TIMEX3> siege.
Aid arrives <TIMEX3 tid="t3" type="DATE" value="2019-W05">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_reader_keeps_offsets_into_plain_text(tml_dir):
    doc = read_timeml(tml_dir / "a.tml")
    assert doc.dct == dt.date(2019, 1, 25)
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["Wednesday", "four-month", "next week"]
    assert "Rebels & allies attacked" in doc.text


def test_scores_on_a_file_the_rules_fully_cover(tml_dir):
    result = evaluate([tml_dir / "a.tml"])
    assert result["strict_span"]["f1"] == 1.0
    assert result["value_given_gold_spans"]["accuracy"] == 1.0
    assert result["value_end_to_end"]["f1"] == 1.0
    assert result["value_given_gold_spans"]["by_type"]["DURATION"]["n"] == 1


def test_command_prints_json(tml_dir):
    out = CliRunner().invoke(command, [str(tml_dir)])
    assert out.exit_code == 0 and '"value_end_to_end"' in out.output


def test_command_rejects_a_directory_without_timeml(tmp_path):
    out = CliRunner().invoke(command, [str(tmp_path)])
    assert out.exit_code != 0 and "no .tml files" in out.output


SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev" / "tempeval3" / "TBAQ-cleaned"


@pytest.mark.skipif(not SHARED.exists(), reason="shared dev data absent")
def test_real_timeml_file_reads():
    path = sorted(SHARED.rglob("*.tml"))[0]
    doc = read_timeml(path)
    assert doc.gold and all(0 <= g.start < g.end <= len(doc.text) for g in doc.gold)



MISSES = """<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-01-25">2019-01-25</TIMEX3></DCT>
<TEXT>
Rebels attacked the <TIMEX3 tid="t1" type="DATE" value="2019-01-23">town Wednesday</TIMEX3> at
<TIMEX3 tid="t2" type="DATE" value="FUTURE_REF">from time to time</TIMEX3>, two weeks after the truce.
</TEXT>
</TimeML>
"""


def test_span_errors_list_missed_extra_and_boundary(tmp_path):
    (tmp_path / "b.tml").write_text(MISSES, encoding="utf-8")
    spans: list = []
    evaluate([tmp_path / "b.tml"], spans=spans)
    assert sorted((kind, text) for _, kind, text, _ in spans) == [
        ("boundary", "'town Wednesday' -> 'Wednesday'"), ("extra", "'two weeks'"), ("missed", "'from time to time'")]
    out = CliRunner().invoke(command, [str(tmp_path), "--spans", "5"])
    assert out.exit_code == 0
