"""The pipeline checks stage order, times stages, and keeps a bad article from stopping a batch."""

from __future__ import annotations

import pytest

from dateline.errors import InputError, PipelineError
from dateline.model import Article, Doc, Sentence
from dateline.pipeline import Pipeline, Stage, check_order


class Sentences(Stage):
    name = "sentences"
    needs = frozenset({"text"})
    adds = frozenset({"sentences"})

    def __call__(self, doc: Doc) -> None:
        doc.sentences = (Sentence(0, len(doc.text)),)


class NeedsTimes(Stage):
    name = "needs-times"
    needs = frozenset({"times"})
    adds = frozenset({"events"})

    def __call__(self, doc: Doc) -> None:
        doc.events = ()


class Explodes(Stage):
    name = "explodes"
    needs = frozenset({"sentences"})
    adds = frozenset({"times"})

    def __call__(self, doc: Doc) -> None:
        if "boom" in doc.text:
            raise ValueError("cannot handle boom")
        doc.times = ()


def article(text: str) -> Article:
    return Article(id=Article.make_id(text), text=text)


def test_order_is_checked_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="needs-times.*times"):
        Pipeline([Sentences(), NeedsTimes()])


def test_unknown_layer_names_are_refused():
    class Odd(Stage):
        name = "odd"
        adds = frozenset({"wibble"})

    with pytest.raises(PipelineError, match="wibble"):
        check_order([Odd()])


def test_stages_run_in_order_and_are_timed():
    pipe = Pipeline([Sentences(), Explodes(), NeedsTimes()])
    doc = pipe.run(Doc(article("A quiet day.")))
    assert doc.sentences == (Sentence(0, 12),)
    assert doc.events == ()
    assert set(doc.timings) == {"sentences", "explodes", "needs-times"}


def test_a_failing_stage_is_named_in_the_error():
    pipe = Pipeline([Sentences(), Explodes()])
    with pytest.raises(PipelineError, match="explodes.*boom"):
        pipe.run(Doc(article("boom")))


def test_batch_records_errors_and_goes_on():
    pipe = Pipeline([Sentences(), Explodes(), NeedsTimes()])
    items = [article("one"), InputError("binary data", path="x.bin"), article("boom"), article("two")]
    outcomes = list(pipe.pipe(items, batch_size=2))
    assert [o.error is None for o in outcomes] == [True, False, False, True]
    assert "x.bin" in str(outcomes[1].error)
    assert [o.doc.text for o in outcomes if o.doc] == ["one", "two"]


def test_strict_batch_raises_the_first_error():
    pipe = Pipeline([Sentences(), Explodes()])
    with pytest.raises(PipelineError):
        list(pipe.pipe([article("boom")], strict=True))


def test_input_errors_survive_pickling_between_processes():
    import pickle

    error = pickle.loads(pickle.dumps(InputError("not JSON", path="a.jsonl", line=3)))
    assert str(error) == "a.jsonl:3: not JSON"
    assert (error.path, error.line, error.reason) == ("a.jsonl", 3, "not JSON")
