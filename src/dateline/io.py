"""Reading articles: header lines, wire datelines, and files, directories, JSONL and stdin.

Reading never raises on bad input: :func:`read_articles` yields an :class:`InputError` naming
the file (and line) in place of the article, so a batch reports it and goes on.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

from .errors import InputError
from .model import Article, as_date

# " date 2019-01-25 Reuters, BEIRUT" — the seed's header line.
HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+([^,\n]*?)(?:,[ \t]*([^\n]*?))?[ \t]*(?:\n|\Z)")
# "BEIRUT (Reuters) - " or "KABUL, Afghanistan (AP) — " at the start of the body.
WIRE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,[ \t]+[A-Z][\w.' \-]{1,40}?)?)[ \t]*"
    r"(?:\((?P<source>[^)\n]{1,40})\))?[ \t]*[-\u2013\u2014]{1,2}\s+"
)


def article_from_text(
    text: str,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    origin: str | None = None,
) -> Article:
    """Build an :class:`Article`, reading a header line and a wire dateline when present.

    Values given by the caller win over the header, except that a header date fills a missing
    ``published``. Offsets stay those of ``text`` as given; ``body_start`` skips the metadata.
    """
    body_start, dateline = 0, None
    header = HEADER.match(text)
    if header:
        published = published or dt.date.fromisoformat(header.group(1))
        source = source or (header.group(2).strip() or None)
        dateline = (header.group(3) or "").strip() or None
        body_start = header.end()
    body_start = _skip_space(text, body_start)
    wire = WIRE.match(text, body_start)
    if wire:
        dateline = dateline or _wire_place(wire.group("place"))
        source = source or (wire.group("source") or "").strip() or None
        body_start = wire.end()
    return Article(
        id=id or Article.make_id(text), text=text, published=published, source=source,
        dateline=dateline, title=title, url=url, body_start=body_start, origin=origin,
    )


_MONTH_AFTER_COMMA = re.compile(
    r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*$"
)


def _wire_place(place: str) -> str:
    """'WASHINGTON, August 11' (Xinhua's form) names the place, then the day: keep the place."""
    return _MONTH_AFTER_COMMA.sub("", place.strip())


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] == "\ufeff"):
        pos += 1
    return pos


# --- Reading files, directories and stdin ------------------------------------------------------

SUFFIXES = (".txt", ".jsonl")
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# The legacy encoding of most English and Western European news text; preferred when the
# detector finds it as plausible as its first guess (short texts rarely settle the question).
PREFERRED_LEGACY = "cp1252"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
Item = Article | InputError


def read_articles(
    paths: Sequence[str], *, published: dt.date | None = None, stdin: IO | None = None
) -> Iterator[Item]:
    """Read every article under ``paths``: files, directories (recursively) and ``-`` for stdin.

    Errors are yielded as :class:`InputError` naming the file (and line), never raised, so a
    batch goes on past a bad file. ``published`` fills a missing publication date.
    """
    for path in paths:
        for item in _read_path(path, stdin=stdin):
            yield _fill_published(item, published)


def _read_path(path: str, *, stdin: IO | None) -> Iterator[Item]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_stream(stream, name="<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        for file in _walk(p):
            yield from read_file(file)
    elif p.exists():
        yield from read_file(p)
    else:
        yield InputError("no such file or directory", path=path)


def _walk(root: Path) -> list[Path]:
    """Article files under ``root``, sorted, skipping hidden files and directories."""
    found = []
    for p in root.rglob("*"):
        hidden = any(part.startswith(".") for part in p.relative_to(root).parts)
        if not hidden and p.suffix.lower() in SUFFIXES and p.is_file():
            found.append(p)
    return sorted(found)


def _kind(path: Path) -> str | None:
    # A file named on the command line is read whatever its suffix; other suffixes are detected.
    return {".jsonl": "jsonl", ".txt": "text"}.get(path.suffix.lower())


def read_file(path: Path | str, *, kind: str | None = None) -> Iterator[Item]:
    """Read one file (``kind`` "text" or "jsonl"; default by suffix, else detected)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", path=str(path))
        return
    yield from read_bytes(data, name=str(path), kind=kind or _kind(path))


def read_stream(stream: IO, *, name: str = "<stdin>") -> Iterator[Item]:
    """Read a byte or text stream holding one text article or JSONL (detected)."""
    try:
        data = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(f"cannot read: {exc}", path=name)
        return
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    yield from read_bytes(data, name=name, kind=None)


def read_bytes(data: bytes, *, name: str, kind: str | None) -> Iterator[Item]:
    """Decode ``data`` and read it as text or JSONL (``kind`` None: detect JSONL)."""
    try:
        text = decode(data, name=name)
    except InputError as exc:
        yield exc
        return
    if kind is None:
        kind = "jsonl" if _looks_like_jsonl(text) else "text"
    if kind == "jsonl":
        yield from read_jsonl(text, name=name)
    else:
        yield _text_article(text, name=name)


def _text_article(text: str, *, name: str) -> Item:
    if not text.strip():
        return InputError("empty text", path=name)
    try:
        return article_from_text(text, origin=name)
    except ValueError as exc:  # an impossible header date such as 2019-02-30
        return InputError(f"bad header line: {exc}", path=name, line=1)


def decode(data: bytes, *, name: str) -> str:
    """Bytes to text: a BOM, else UTF-8, else a detected encoding; binary data is refused.

    Line ends become ``\\n`` (as Python's text mode reads them), so offsets match ``open()``.
    """
    text = _decode(data, name=name)
    if CONTROL.search(text) and len(CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise InputError("binary data (control characters), not text", path=name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, *, name: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable {encoding} text: {exc.reason}", path=name) from exc
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not text", path=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, name=name)


def _detect(data: bytes, *, name: str) -> str:
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise InputError("binary or undecodable data, not text", path=name)
    best = results[0]
    for result in results:
        if result.encoding == PREFERRED_LEGACY and result.chaos <= best.chaos + 0.1:
            best = result
    return str(best)


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def read_jsonl(text: str, *, name: str) -> Iterator[Item]:
    """One article per non-blank line: ``{"id"?, "text", "title"?, "published"?, "source"?, "url"?}``."""
    lines = text.split("\n")
    if not any(line.strip() for line in lines):
        yield InputError("empty file", path=name)
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_article(line, name=name, line=number)


def _jsonl_article(raw: str, *, name: str, line: int) -> Item:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return InputError(f"not JSON: {exc.msg} (column {exc.colno})", path=name, line=line)
    if not isinstance(obj, dict):
        return InputError("not a JSON object", path=name, line=line)
    try:
        return _article_from_json(obj, origin=f"{name}:{line}")
    except InputError as exc:
        return InputError(exc.reason, path=name, line=line)
    except ValueError as exc:  # an impossible date in a header line inside the text
        return InputError(f"bad header line in the text: {exc}", path=name, line=line)


def _article_from_json(obj: dict[str, Any], *, origin: str) -> Article:
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string')
    if not text.strip():
        raise InputError("empty text")
    ident = obj.get("id")
    return article_from_text(
        text.replace("\r\n", "\n"), published=as_date(_opt_str(obj, "published")),
        source=_opt_str(obj, "source"), title=_opt_str(obj, "title"), url=_opt_str(obj, "url"),
        id=None if ident is None or ident == "" else str(ident), origin=origin,
    )


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, (str, int, float)):
        raise InputError(f"{key!r} must be a string")
    return str(value)


def _fill_published(item: Item, published: dt.date | None) -> Item:
    if published is None or isinstance(item, InputError) or item.published is not None:
        return item
    return dataclasses.replace(item, published=published)


def read_resources(root: Any, *, prefix: str = "") -> Iterator[Item]:
    """Read article files under an ``importlib.resources`` directory (the bundled samples)."""
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        name = f"{prefix}{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from read_resources(entry, prefix=f"{name}/")
        elif Path(entry.name).suffix.lower() in SUFFIXES:
            yield from read_bytes(entry.read_bytes(), name=name, kind=_kind(Path(entry.name)))
