"""The actor knowledge: named actors and generic actor nouns, as data a user can extend.

Bundled files (``dateline/data/actors``): ``actors.tsv`` (named actors with aliases, ACLED name,
inter code, kind, country, scope) and ``generic.tsv`` (nouns such as "troops", "protesters").
A user adds rows of the ``actors.tsv`` form with a file named in the ``DATELINE_ACTORS``
environment variable (several paths separated by ``os.pathsep``) or passed as ``extra``; user rows
come first, so they win over bundled rows for the same alias.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import ConfigError
from .naming import KINDS, data_text, read_tsv

ENV_VAR = "DATELINE_ACTORS"
NAME_SLOT = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
ACTOR_COLUMNS = ("name", "inter", "kind", "country", "scope", "aliases")
# Generic nouns that may refer back to a named actor, by the actor's kind (or a named set).
REF_SETS: dict[str, frozenset[str]] = {
    "rebel": frozenset("rebels rebel insurgents insurgent fighters fighter militants militant guerrillas group "
                       "movement forces separatists".split()),
    "militia": frozenset("militia militias militiamen fighters gunmen militants group members forces".split()),
    "identity": frozenset("militia militias militiamen gunmen attackers assailants fighters herders herdsmen "
                          "group".split()),
    "jihadist": frozenset("militants militant jihadists jihadist extremists terrorists insurgents insurgent "
                          "fighters fighter group rebels islamists gunmen attackers assailants".split()),
}
GENERIC_KINDS = frozenset(
    {"military", "police", "government", "armed", "gang", "coref", "protesters", "rioters", "civilians", "group",
     "external"}
)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One named actor: its ACLED name ("{country}" filled with the story country) and aliases."""

    name: str
    inter: int
    kind: str
    country: str | None  # home country ISO2; None: the story's country
    scope: frozenset[str]  # story countries where the aliases mean this actor; empty: anywhere
    aliases: tuple[str, ...]
    origin: str = "bundled"
    refs: frozenset[str] = frozenset()  # generic nouns that may refer back to this actor
    since: dt.date | None = None  # applies to articles published on or after this date

    def applies(self, story: str | None, published: dt.date | None) -> bool:
        in_scope = not self.scope or (story is not None and story in self.scope)
        return in_scope and (self.since is None or published is None or published >= self.since)


@dataclass(frozen=True, slots=True)
class GenericEntry:
    kind: str
    label: str | None
    needs_modifier: bool
    terms: tuple[str, ...]
    unit: str | None = None  # "Air Force": written after a state actor's name
    definite_ok: bool = False  # "the air force" names the story country's: one per country
    foreign: bool = False  # "migrants": people from elsewhere, "(International)" unless a nationality is named


@dataclass(frozen=True)
class Lexicon:
    """Named and generic actor knowledge with compiled matchers (immutable, shareable).

    No ``slots``: the compiled matchers are ``cached_property`` values built on first use.
    """

    entries: tuple[ActorEntry, ...]
    generic: tuple[GenericEntry, ...]

    @functools.cached_property
    def by_alias(self) -> dict[str, tuple[ActorEntry, ...]]:
        out: dict[str, list[ActorEntry]] = {}
        for entry in self.entries:
            for alias in entry.aliases:
                if "{name}" not in alias:
                    out.setdefault(alias_key(alias), []).append(entry)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cached_property
    def alias_pattern(self) -> "AliasMatcher":
        return alias_regex(a for e in self.entries for a in e.aliases if "{name}" not in a)

    @functools.cached_property
    def templates(self) -> tuple[tuple[re.Pattern[str], ActorEntry], ...]:
        """Aliases with a "{name}" slot ("{name} PDF"), each compiled with a ``name`` group."""
        out = []
        for entry in self.entries:
            for alias in entry.aliases:
                if "{name}" in alias:
                    before, after = (re.escape(part).replace(r"\ ", r"\s+") for part in alias.split("{name}", 1))
                    out.append((re.compile(rf"(?<![\w-]){before}(?P<name>{NAME_SLOT}){after}(?![\w-])"), entry))
        return tuple(out)

    @functools.cached_property
    def generic_by_term(self) -> dict[str, GenericEntry]:
        out: dict[str, GenericEntry] = {}
        for entry in self.generic:
            for term in entry.terms:
                out.setdefault(term.lower(), entry)
        return out

    @functools.cached_property
    def generic_pattern(self) -> re.Pattern[str]:
        terms = sorted(self.generic_by_term, key=len, reverse=True)
        # The terms grouped by first letter, longest first within each group as before: the regex
        # engine then tries a couple of dozen first letters at a word, not every term (8x faster,
        # same matches, since terms of different first letters never match at the same place).
        # (A first letter outside ASCII may match another's capital ("K", the kelvin sign): then one group.)
        grouped = all(t[:1].isascii() and not t[:1].isspace() for t in terms)
        by_first: dict[str, list[str]] = {}
        for t in terms:
            by_first.setdefault(t[:1] if grouped else "", []).append(t)
        body = "|".join(_phrase(first) + "(?:" + "|".join(_phrase(t[len(first):]) for t in group) + ")"
                        for first, group in by_first.items())
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def lookup(self, alias: str, story: str | None, published: dt.date | None = None) -> ActorEntry | None:
        """The entry an alias means in a story set in ``story`` (ISO2): scoped rows win."""
        candidates = [e for e in self.by_alias.get(alias_key(alias), ()) if e.applies(story, published)]
        scoped = [e for e in candidates if e.scope]
        return (scoped or candidates or [None])[0]


def _alias_is_exact(alias: str) -> bool:
    """All-capital aliases (SDF, IS, M23) match only as written; the rest in any case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def alias_key(alias: str) -> str:
    text = re.sub(r"\s+", " ", alias.strip()).replace("’", "'")
    return text if _alias_is_exact(text) else text.lower()


def alias_regex(aliases: Iterable[str]) -> "AliasMatcher":
    """One alternation, longest first; exact-case aliases guarded with an inline case flag."""
    unique = sorted({re.sub(r"\s+", " ", a.strip()) for a in aliases if a.strip()}, key=len, reverse=True)
    parts = []
    for alias in unique:
        body = re.escape(alias).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append((alias[0], body if _alias_is_exact(alias) else f"(?i:{body})"))
    return AliasMatcher(parts)


class AliasMatcher:
    """``finditer`` of the alias alternation, trying at a word start only the aliases that can begin there.

    The one alternation of some hundreds of aliases is tried at every word start (a third of the
    actor stage). Here each word start tries only the aliases whose first letter is its own,
    in the same order, so the matches are those of ``pattern.finditer``: an alias with another
    first letter cannot match there. A character that is not ASCII (which case-folding may
    match to an ASCII letter) falls back to the whole alternation.
    """

    _START = re.compile(r"(?<![\w-])\S")  # where the alternation's look-behind holds; no alias starts with a space

    def __init__(self, parts: list[tuple[str, str]]):
        self.pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(b for _, b in parts)})(?![\w-])")
        self._whole = re.compile(rf"(?:{'|'.join(b for _, b in parts)})(?![\w-])")
        keys = {first.lower() for first, _ in parts if first.isascii()}
        self._by_first = {
            key: re.compile(rf"(?:{'|'.join(b for f, b in parts if not f.isascii() or f.lower() == key)})(?![\w-])")
            for key in keys
        }

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (start := self._START.search(text, pos)) is not None:
            found = self._at(text, start.start())
            pos = found.end() if found is not None else start.start() + 1
            if found is not None:
                yield found

    def _at(self, text: str, pos: int) -> re.Match[str] | None:
        char = text[pos]
        pattern = self._by_first.get(char.lower()) if char.isascii() else self._whole
        return pattern.match(text, pos) if pattern is not None else None


def parse_actors(text: str, *, origin: str) -> list[ActorEntry]:
    """Rows of an ``actors.tsv``-form file; a clear :class:`ConfigError` names a bad row."""
    rows = list(read_tsv(text, origin=origin))
    if rows and not set(ACTOR_COLUMNS) <= set(rows[0]):
        raise ConfigError(f"{origin}: header must name the columns {', '.join(ACTOR_COLUMNS)}")
    return [_actor_row(row, origin=origin) for row in rows]


def _actor_row(row: dict[str, str], *, origin: str) -> ActorEntry:
    name, kind = row["name"], row["kind"].lower()
    if not name or kind not in KINDS:
        raise ConfigError(f"{origin}: row {name!r} needs a name and a kind among {sorted(KINDS)}")
    try:
        inter = int(row["inter"] or KINDS[kind])
    except ValueError as exc:
        raise ConfigError(f"{origin}: row {name!r} has a non-numeric inter {row['inter']!r}") from exc
    if not 1 <= inter <= 8:
        raise ConfigError(f"{origin}: row {name!r} has inter {inter}, not 1-8")
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip()) or (name,)
    scope = frozenset(c.strip().upper() for c in row["scope"].split(",") if c.strip())
    refs = _refs(row.get("refs") or "", kind)
    try:
        since = dt.date.fromisoformat(row["since"]) if row.get("since") else None
    except ValueError as exc:
        raise ConfigError(f"{origin}: row {name!r} has a bad since date {row['since']!r}") from exc
    return ActorEntry(name, inter, kind, row["country"].upper() or None, scope, aliases, origin, refs, since)


def _refs(cell: str, kind: str) -> frozenset[str]:
    words = [w.strip().lower() for w in cell.split("|") if w.strip()]
    if not words:
        return REF_SETS.get(kind, frozenset())
    return frozenset().union(*(REF_SETS.get(w[1:], frozenset()) if w[0] == "@" else {w} for w in words))


def parse_generic(text: str, *, origin: str) -> list[GenericEntry]:
    out = []
    for row in read_tsv(text, origin=origin):
        if row["kind"] not in GENERIC_KINDS:
            raise ConfigError(f"{origin}: unknown generic kind {row['kind']!r}")
        terms = tuple(t.strip() for t in row["terms"].split("|") if t.strip())
        unit = row.get("unit") or None
        need = row["needs_modifier"]
        out.append(GenericEntry(row["kind"], row["label"] or None, need in ("yes", "definite"), terms, unit,
                                definite_ok=need == "definite", foreign=need == "foreign"))
    return out


def read_user_file(path: str | Path) -> list[ActorEntry]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the actor file {str(path)!r}: {exc}") from exc
    return parse_actors(text, origin=str(path))


def env_paths() -> tuple[str, ...]:
    value = os.environ.get(ENV_VAR, "")
    return tuple(p for p in value.split(os.pathsep) if p.strip())


def _phrase(words: str) -> str:
    """A term as a regex: its spaces stand for any run of white space."""
    return re.escape(words).replace(r"\ ", r"\s+")


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The bundled lexicon with user files first (``extra`` paths, then ``DATELINE_ACTORS``)."""
    user: list[ActorEntry] = []
    for path in (*extra, *env_paths()):
        user.extend(read_user_file(path))
    bundled = parse_actors(data_text("actors.tsv"), origin="actors.tsv")
    generic = parse_generic(data_text("generic.tsv"), origin="generic.tsv")
    return Lexicon(tuple(user + bundled), tuple(generic))


def as_paths(extra: str | Path | Sequence[str | Path] | None) -> tuple[str, ...]:
    if extra is None:
        return ()
    if isinstance(extra, (str, Path)):
        return (str(extra),)
    return tuple(str(p) for p in extra)
