"""Reading articles: header lines, wire datelines, files, directories, JSONL, stdin, encodings."""

from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.io import article_from_text, decode, read_articles
from dateline.model import Article

STORY = "Gunmen attacked a checkpoint near the town on Tuesday, killing two soldiers, officials said.\n"


def read(paths, **kw):
    return list(read_articles([str(p) for p in paths], **kw))


def test_header_line_gives_date_source_and_dateline():
    text = " date 2021-03-04 Wire Agency, GAO\n\n" + STORY
    art = article_from_text(text)
    assert art.published == dt.date(2021, 3, 4)
    assert (art.source, art.dateline) == ("Wire Agency", "GAO")
    assert text[art.body_start :].startswith("Gunmen")


def test_wire_dateline_gives_place_and_source():
    text = "KABUL, Afghanistan (AP) \u2014 " + STORY
    art = article_from_text(text)
    assert art.dateline == "KABUL, Afghanistan"
    assert art.source == "AP"
    assert text[art.body_start :] == STORY


def test_body_without_dateline_starts_at_zero():
    art = article_from_text(STORY)
    assert (art.body_start, art.dateline, art.source) == (0, None, None)


def test_txt_file_with_header_and_wire_dateline(write):
    path = write("a.txt", "date 2020-05-06 Courier, MOPTI\nMOPTI (Courier) - " + STORY)
    [art] = read([path])
    assert art.published == dt.date(2020, 5, 6)
    assert art.dateline == "MOPTI"
    assert art.id == Article.make_id(art.text)
    assert art.origin == str(path)


def test_ids_are_stable_across_reads(write):
    path = write("a.txt", STORY)
    assert read([path])[0].id == read([path])[0].id


def test_utf8_bom_is_dropped(write):
    path = write("bom.txt", b"\xef\xbb\xbf" + STORY.encode())
    [art] = read([path])
    assert art.text == STORY


def test_bom_before_header_line(write):
    path = write("bom.txt", b"\xef\xbb\xbfdate 2020-01-02 Post, GOMA\n" + STORY.encode())
    [art] = read([path])
    assert art.published == dt.date(2020, 1, 2) and art.dateline == "GOMA"


def test_latin1_text_is_detected(write):
    text = "Les forces de s\u00e9curit\u00e9 ont arr\u00eat\u00e9 trois manifestants \u00e0 Bamako, na\u00efve fa\u00e7ade.\n"
    path = write("latin.txt", text, encoding="latin-1")
    [art] = read([path])
    assert art.text == text


def test_utf16_with_bom_is_read(write):
    path = write("u16.txt", STORY, encoding="utf-16")
    [art] = read([path])
    assert art.text == STORY


def test_crlf_line_ends_become_newlines(write):
    path = write("crlf.txt", STORY.replace("\n", "\r\n") + "Second line.\r\n")
    [art] = read([path])
    assert "\r" not in art.text


def test_binary_file_is_an_error_naming_the_file(write):
    path = write("bin.txt", bytes(range(256)) * 8)
    [err] = read([path])
    assert isinstance(err, InputError)
    assert str(path) in str(err) and "binary" in str(err)


def test_empty_file_is_an_error(write):
    path = write("empty.txt", "  \n\n")
    [err] = read([path])
    assert isinstance(err, InputError) and "empty" in str(err)


def test_missing_path_is_an_error():
    [err] = read(["/nonexistent/nowhere.txt"])
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_bad_header_date_is_an_error(write):
    path = write("bad.txt", "date 2019-02-30 Wire, X\n" + STORY)
    [err] = read([path])
    assert isinstance(err, InputError) and err.line == 1


def test_jsonl_reads_fields_and_ids(write):
    lines = [
        {"id": "a1", "text": STORY, "title": "T", "published": "2022-02-03", "source": "S", "url": "http://x"},
        {"text": "ADEN (Wire) - " + STORY},
    ]
    path = write("b.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = read([path])
    assert (first.id, first.title, first.published, first.source, first.url) == (
        "a1", "T", dt.date(2022, 2, 3), "S", "http://x")
    assert first.origin == f"{path}:1"
    assert second.id == Article.make_id(second.text) and second.dateline == "ADEN"


def test_jsonl_bad_lines_are_errors_with_line_numbers_and_the_rest_is_read(write):
    good = json.dumps({"text": STORY})
    content = "\n".join([good, "{not json", "", '["a list"]', '{"title": "no text"}', '{"text": "  "}',
                         json.dumps({"text": STORY, "published": "yesterday"}), good])
    path = write("c.jsonl", content)
    items = read([path])
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.line for e in errors] == [2, 4, 5, 6, 7]
    assert all(str(path) in str(e) for e in errors)
    assert sum(isinstance(i, Article) for i in items) == 2


def test_directories_are_read_recursively_in_order(write, tmp_path):
    write("d/b.txt", "Second " + STORY)
    write("d/a.txt", "First " + STORY)
    write("d/sub/c.jsonl", json.dumps({"text": "Third " + STORY}))
    write("d/notes.md", "not an article")
    write("d/.hidden/x.txt", "hidden " + STORY)
    texts = [a.text.split()[0] for a in read([tmp_path / "d"])]
    assert texts == ["First", "Second", "Third"]


def test_stdin_text_and_jsonl_are_detected():
    [text_art] = read_articles(["-"], stdin=io.BytesIO(STORY.encode()))
    assert text_art.text == STORY
    jsonl = (json.dumps({"text": "One " + STORY}) + "\n" + json.dumps({"text": "Two " + STORY})).encode()
    assert len(list(read_articles(["-"], stdin=io.BytesIO(jsonl)))) == 2
    [from_str] = read_articles(["-"], stdin=io.StringIO(STORY))
    assert from_str.text == STORY


def test_published_fills_only_missing_dates(write):
    dated = write("dated.txt", "date 2020-01-01 Wire, X\n" + STORY)
    undated = write("undated.txt", STORY)
    fill = dt.date(2021, 6, 1)
    assert [a.published for a in read([dated, undated], published=fill)] == [dt.date(2020, 1, 1), fill]


@settings(deadline=None)  # a loaded CI machine must not fail a correctness test on time
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1))
def test_utf8_round_trip(text):
    assert decode(text.encode("utf-8"), name="x") == text


def test_decode_refuses_nul_bytes():
    try:
        decode(b"abc\x00def", name="f.txt")
    except InputError as exc:
        assert "f.txt" in str(exc)
    else:
        raise AssertionError("NUL bytes were accepted")


def test_the_seed_article_header_and_dateline(shared_dir):
    [art] = read_articles([str(shared_dir / "seed" / "reuters-2019-01-25-beirut.txt")])
    assert isinstance(art, Article)
    assert (art.published, art.source, art.dateline) == (dt.date(2019, 1, 25), "Reuters", "BEIRUT")
    assert art.text[art.body_start :].startswith("US-backed")


def test_other_suffixes_named_explicitly_are_detected(write):
    [art] = read([write("story.md", STORY)])
    assert art.text == STORY
    two = json.dumps({"text": "One " + STORY}) + "\n" + json.dumps({"text": "Two " + STORY})
    assert len(read([write("articles.ndjson", two)])) == 2


def test_wire_dateline_with_a_day_and_a_line_break_after_the_dashes():
    article = article_from_text("WASHINGTON, August 11 (Xinhua) --\nThe talks ended.")
    assert article.dateline == "WASHINGTON"
    assert article.source == "Xinhua"
    assert article.text[article.body_start:] == "The talks ended."
