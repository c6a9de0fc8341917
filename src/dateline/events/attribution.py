"""Who reports an event, and whether a sentence denies or disputes one.

Attribution is the subject of the reporting verb that governs the trigger ("residents and
rebels said", "activists accused the coalition of bombing") or the object of "according
to". A denial sentence ("the ministry denied ...", "X says it is careful to avoid civilian
casualties") becomes the ``counter_claim`` of the event it answers, never an event itself.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..model import Span
from .lexicon import Lexicon

SUBJECTS = ("nsubj", "nsubjpass")


def attribution(trigger: Any, sentence: Any, lex: Lexicon) -> tuple[str, Span] | None:
    """The source named for the event whose head trigger is ``trigger`` (a spaCy token)."""
    return _reporter(trigger, lex) or _according_to(sentence)


def _reporter(trigger: Any, lex: Lexicon) -> tuple[str, Span] | None:
    verbs = lex.attribution.words_of("reporting_verbs")
    tok, steps = trigger, 0
    while tok.dep_ != "ROOT" and steps < 10:
        tok, steps = tok.head, steps + 1
        if tok.lemma_ in verbs and tok.pos_ in ("VERB", "AUX"):
            subject = _subject(tok)
            if subject is not None:
                return subject
    # "..., residents said." after the clause: the root verb is the trigger's clause itself.
    for child in trigger.sent.root.children if trigger.sent.root.lemma_ in verbs else ():
        if child.dep_ in SUBJECTS and child.i > trigger.i:
            return _phrase(child)
    return None


def _subject(verb: Any) -> tuple[str, Span] | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.lower_ not in ("it", "they", "he", "she", "we", "i", "who", "that"):
            return _phrase(child)
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _phrase(head: Any) -> tuple[str, Span]:
    toks = [t for t in head.subtree if t.dep_ not in ("punct",) or t.i not in (head.left_edge.i, head.right_edge.i)]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    # A token slice, not ``doc.text``: spaCy rebuilds the whole article's text on every ``.text``.
    return head.doc[toks[0].i : toks[-1].i + 1].text, Span(start, end)


def _according_to(sentence: Any) -> tuple[str, Span] | None:
    for tok in sentence:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0])
    return None


def join_sources(names: Iterable[str | None]) -> str | None:
    """Distinct sources in order of first mention, "; "-joined (the first spelling of each kept)."""
    first: dict[str, str] = {}
    for name in names:
        for part in (name or "").split("; "):
            if part:
                first.setdefault(part.casefold(), part)
    return "; ".join(first.values()) or None


def is_denial(sentence: Any, lex: Lexicon) -> bool:
    """A sentence in which someone denies or disputes something."""
    keys = lex.attribution.keys_in(sentence)
    return "denial" in keys


TELLING = frozenset({"say", "tell", "report", "confirm", "add", "announce", "state"})


def teller(doc: Any, where: Any) -> bool:
    """"Gunmen shot dead an activist ..., police said": the subject of a reporting verb tells the
    event; it is not one of its sides (``doc`` is the spaCy doc, ``where`` a character span)."""
    toks = doc.char_span(where.start, where.end, alignment_mode="expand") if doc is not None else None
    root = toks.root if toks is not None and len(toks) else None
    return root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in TELLING
