"""The spaCy stage: entities everywhere, the parse only where an event trigger may be (and on demand)."""

from __future__ import annotations

import pytest

from dateline.model import Article, Doc, Sentence
from dateline.parse import ParseStage, default_trigger_words, is_parsed, parse_sentences

pytestmark = pytest.mark.slow

TEXT = (
    "The weather in Lagos was mild on Monday. "
    "Gunmen killed three farmers near Kaduna on Tuesday, police said. "
    "The market reopened after a week. "
    "Officials in Abuja expect a good harvest."
)


def make_doc(text: str = TEXT) -> Doc:
    return Doc(Article(id=Article.make_id(text), text=text))


def run(stage: ParseStage, text: str = TEXT) -> Doc:
    doc = make_doc(text)
    stage.prepare([doc])
    stage(doc)
    return doc


def sentence_with(doc: Doc, word: str):
    return next(s for s in doc.spacy.sents if word in s.text)


def test_only_sentences_with_a_trigger_word_are_parsed(nlp):
    doc = run(ParseStage(nlp, trigger_words={"kill"}))
    assert is_parsed(sentence_with(doc, "Gunmen"))
    assert not is_parsed(sentence_with(doc, "weather"))
    killed = next(t for t in doc.spacy if t.text == "killed")
    assert {c.dep_ for c in killed.children} >= {"nsubj", "dobj"}
    assert all(t.dep_ == "" for t in sentence_with(doc, "market"))


def test_default_stage_parses_sentences_where_a_lexicon_entry_occurs(nlp):
    text = (
        "Human rights groups met on Monday. "  # "human" begins only "human chain": not parsed
        "Militants set fire to the school. "  # "set fire"
        "The crowd formed a human chain. "  # "human chain"
        "They raped two women, the report said."  # an inflection the lemmatiser may miss
    )
    doc = run(ParseStage(nlp), text)
    assert not is_parsed(sentence_with(doc, "rights"))
    assert all(is_parsed(sentence_with(doc, w)) for w in ("fire", "chain", "raped"))


def test_lexicon_first_forms_cover_the_inflections_the_matcher_accepts():
    from dateline.events.lexicon import PhraseTable, _stems

    table = PhraseTable({"harm": ["rape", "carry off", "shell"]})
    forms = table.first_forms()
    assert {"rape", "raped", "raping", "rapes", "carry", "carried", "shelled", "shells"} <= forms
    assert all(any(s in table.first_words() for s in _stems(f)) or f in table.first_words() or f[:-1] in table.first_words()
               for f in forms)


def test_entities_tags_and_sentences_match_the_full_pipeline_where_intended(nlp):
    selective = run(ParseStage(nlp, trigger_words={"kill"}))
    full = run(ParseStage(nlp, selective=False))
    assert selective.entities == full.entities
    assert [t.tag_ for t in selective.spacy] == [t.tag_ for t in full.spacy]
    assert len(selective.sentences) == 4 and selective.sentences == full.sentences


def test_parse_sentences_parses_on_demand_and_keeps_boundaries(nlp):
    doc = run(ParseStage(nlp, trigger_words={"kill"}))
    before = doc.sentences
    market = next(s for s in doc.sentences if "market" in doc.text[s.start : s.end])
    parse_sentences(doc, [market])
    span = sentence_with(doc, "market")
    assert is_parsed(span) and span.root.lemma_ == "reopen"
    assert is_parsed(sentence_with(doc, "Gunmen"))  # earlier parses are kept
    assert _sentences_of(doc) == before  # senter boundaries survive the write-back


def _sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    from dateline.parse import _sentences

    return tuple(_sentences(doc.spacy, 0, doc.text))


def test_non_selective_stage_parses_everything(nlp):
    doc = run(ParseStage(nlp, selective=False))
    assert all(is_parsed(s) for s in doc.spacy.sents)
    parse_sentences(doc, doc.sentences)  # a no-op, not an error
    assert doc.spacy.has_annotation("DEP")


def test_without_prepare_a_single_doc_is_still_processed(nlp):
    doc = make_doc()
    ParseStage(nlp, trigger_words={"kill"})(doc)
    assert doc.entities and doc.spacy is not None


def test_default_trigger_words_come_from_the_event_lexicon():
    words = default_trigger_words()
    assert {"kill", "attack", "protest"} <= words
    assert all(w == w.lower() and " " not in w and "/" not in w for w in words)


def test_table_attribute_rules_equal_spacys_attribute_ruler(nlp):
    from dateline.spacy_rules import AttributeRules

    rules = AttributeRules.build(nlp.get_pipe("attribute_ruler"))
    assert rules is not None
    text = "Having been arrested, he said it's been shot. There were 12 of those who did it. Has he gone?"
    attrs = ["TAG", "POS", "MORPH", "LEMMA", "DEP"]
    for upto in ("tagger", "parser"):  # without and with dependency labels (some rules read them)
        names = nlp.pipe_names[: nlp.pipe_names.index(upto) + 1]
        with nlp.select_pipes(enable=names):
            ours, theirs = nlp(text), nlp(text)
        rules.apply(ours)
        nlp.get_pipe("attribute_ruler")(theirs)
        assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()


def test_spacy_batches_are_bounded_by_count_and_characters():
    from dateline.parse import _groups

    texts = ["a" * 5, "b" * 5, "c" * 20, "d", "e", "f"]
    groups = list(_groups(texts, 2, 10))
    # a text longer than the bound goes alone; no group exceeds the count or the bound otherwise
    assert groups == [["a" * 5, "b" * 5], ["c" * 20], ["d", "e"], ["f"]]
    assert [t for g in groups for t in g] == texts


def test_multi_token_rules_and_unnamed_word_forms(nlp):
    from dateline.spacy_rules import AttributeRules

    rules = AttributeRules.build(nlp.get_pipe("attribute_ruler"))
    # "ai n't", "gon na" (rules over two tokens, one with a regular expression), "nothin'"
    # (a regular expression on one token), and words no rule names
    text = "I ai n't gon na say nothin' about the zzyzx quorble."
    attrs = ["TAG", "POS", "MORPH", "LEMMA"]
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        ours, theirs = nlp(text), nlp(text)
    set_on = rules.apply(ours)
    nlp.get_pipe("attribute_ruler")(theirs)
    assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()
    from spacy.attrs import LEMMA

    assert set_on[LEMMA][[t.i for t in ours if t.text in ("ai", "gon", "na")]].all()
    assert not set_on[LEMMA][[t.i for t in ours if t.text in ("zzyzx", "quorble")]].any()


def test_cached_lemmas_equal_spacys_lemmatiser(nlp):
    from spacy.attrs import LEMMA

    from dateline.spacy_rules import Lemmas

    lemmatizer = nlp.get_pipe("lemmatizer")
    assert Lemmas.usable(lemmatizer)
    lemmas = Lemmas(lemmatizer)
    text = "The gunmen were killing villagers; villagers fled. Better days, he said, are coming."
    for _ in range(2):  # the second time from the cache
        with nlp.select_pipes(disable=["lemmatizer"]):
            ours, theirs = nlp(text), nlp(text)
        lemmas(ours)
        lemmatizer(theirs)
        assert (ours.to_array([LEMMA]) == theirs.to_array([LEMMA])).all()


def test_paragraph_slices_join_to_the_text_and_respect_the_bound():
    from dateline.parse import paragraph_slices

    text = "aaaa\n\nbbbb\n\ncccc\n\n\n  dddd"
    for bound in (1, 6, 12, 100):
        pieces = paragraph_slices(text, bound)
        assert "".join(pieces) == text
        assert all(len(p) <= bound for p in pieces if "\n\n" in p.strip()) or len(pieces) == 1
    assert paragraph_slices(text, 12) == ["aaaa\n\nbbbb\n\n", "cccc\n\n\n  ", "dddd"]
    assert paragraph_slices("one long paragraph", 5) == ["one long paragraph"]


def test_a_long_article_goes_through_in_paragraph_slices_with_the_same_annotation(nlp):
    from dateline.parse import paragraph_slices

    paragraph = "Gunmen killed three farmers near Kaduna on Tuesday, police in Nigeria said."
    text = "\n\n".join(f"{paragraph} Report {i} came from Reuters in Abuja." for i in range(6))
    whole = run(ParseStage(nlp, max_batch_chars=100_000), text)
    sliced = run(ParseStage(nlp, max_batch_chars=300), text)
    assert sliced.spacy.text == text and len(sliced.spacy) == len(whole.spacy)
    assert sliced.sentences == whole.sentences
    assert sliced.spacy.tensor.shape == whole.spacy.tensor.shape
    # Only the first words after a cut lose the context before it (here the whole pass even
    # calls the "Gunmen" after "Abuja." a place); elsewhere the annotation is the same.
    cuts = [text.index(p) for p in paragraph_slices(text, 300)]
    far = [e for e in whole.entities if all(not 0 <= e.start - c < 20 for c in cuts)]
    assert far and set(far) <= set(sliced.entities)
    assert {e for e in sliced.entities if e not in whole.entities} <= set()


def test_a_long_text_without_blank_lines_is_cut_at_line_breaks_then_at_sentence_ends():
    from dateline.parse import paragraph_slices

    lines = "\n".join(f"Line {i} tells of a raid." for i in range(10))  # 24-25 characters a line
    pieces = paragraph_slices(lines, 60)
    assert "".join(pieces) == lines and len(pieces) > 3
    assert all(len(p) <= 60 for p in pieces) and all(p.endswith("\n") for p in pieces[:-1])
    prose = " ".join(f"Sentence {i} tells of a raid." for i in range(10))
    pieces = paragraph_slices(prose, 70)
    assert "".join(pieces) == prose and all(len(p) <= 70 for p in pieces)
    assert all(p.rstrip().endswith(".") for p in pieces)
    # Blank lines still come first: a text that has them is cut only there.
    assert paragraph_slices("a. b.\n\nc. d.", 8) == ["a. b.\n\n", "c. d."]
