"""Reading articles: header lines, wire datelines and (in ``read``) files, JSONL and stdin."""

from __future__ import annotations

import datetime as dt
import re

from .model import Article

# " date 2019-01-25 Reuters, BEIRUT" — the seed's header line.
HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+([^,\n]*?)(?:,[ \t]*([^\n]*?))?[ \t]*(?:\n|\Z)")
# "BEIRUT (Reuters) - " or "KABUL, Afghanistan (AP) — " at the start of the body.
WIRE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,[ \t]+[A-Z][\w.' \-]{1,40}?)?)[ \t]*"
    r"(?:\((?P<source>[^)\n]{1,40})\))?[ \t]*[-\u2013\u2014]{1,2}[ \t]+"
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
        dateline = dateline or wire.group("place").strip()
        source = source or (wire.group("source") or "").strip() or None
        body_start = wire.end()
    return Article(
        id=id or Article.make_id(text), text=text, published=published, source=source,
        dateline=dateline, title=title, url=url, body_start=body_start, origin=origin,
    )


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] == "\ufeff"):
        pos += 1
    return pos
