"""HTML pages as articles: the main text of a saved web page, with its title, date and author.

A file under raw/ that is an HTML page (by its name, .html/.htm/.xhtml, or by its content) is
read through trafilatura, which keeps the article's main text and drops navigation, scripts,
style sheets, footers and comments. The article text is then a plain-text header the header
parser understands, followed by the main text, one paragraph per block, separated by blank lines:

    <title>
    Published: <YYYY-MM-DD>          (only when the page's metadata dates it)
    Source: <site name>              (only when the page names it)
    By: <author>                     (only when the page names one)

    <first paragraph>

    <second paragraph> ...

That text is what `articles.text` stores, so claim offsets index into it. The date is taken only
from the page's own metadata and markup (htmldate without its extensive search of the text), so a
date is never guessed from a number in the body.
"""

from __future__ import annotations

import re
from pathlib import PurePath

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HEAD_RE = re.compile(r"<head[\s>]", re.IGNORECASE)
_BODY_RE = re.compile(r"<body[\s>]", re.IGNORECASE)
_END_RE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_SNIFF_CHARS = 65536


def looks_like_html(name: str | PurePath | None, text: str) -> bool:
    """True for a file named .html/.htm/.xhtml/.shtml, or whose text is an HTML document (starts
    with a doctype or <html>, or has <head> and <body> tags near the start and closes its
    body or html at the end)."""
    if name is not None and PurePath(str(name)).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:_SNIFF_CHARS].lstrip("\ufeff")
    if _START_RE.match(head):
        return True
    if not (_HEAD_RE.search(head) and _BODY_RE.search(head)):
        return False
    return bool(_END_RE.search(text[-_SNIFF_CHARS:]))


def _one_line(value) -> str | None:
    if not value:
        return None
    value = " ".join(str(value).split())
    return value or None


def html_to_article(text: str) -> tuple[str, dict]:
    """The article text to use for an HTML page (header lines, a blank line, the main text) and
    its metadata: title, date, author, sitename, and `extraction` ('trafilatura', or 'fallback'
    when no main text was found and every visible text of the page was kept)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:  # no main text found: the page's metadata alone
        doc = trafilatura.extract_metadata(
            text, extensive=False, date_config={"extensive_search": False, "original_date": True}
        )
    meta = {
        "title": _one_line(getattr(doc, "title", None)),
        "date": _one_line(getattr(doc, "date", None)),
        "author": _one_line(getattr(doc, "author", None)),
        "sitename": _one_line(getattr(doc, "sitename", None)),
        "extraction": "trafilatura",
    }
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        body = (trafilatura.html2txt(text) or "").strip()
        meta["extraction"] = "fallback"
    blocks = [" ".join(line.split()) for line in body.splitlines()]
    blocks = [b for b in blocks if b]
    if blocks and meta["title"] and blocks[0] == meta["title"]:
        blocks = blocks[1:]  # the page's <h1> repeats the title
    header = [meta["title"] or ""]
    if meta["date"]:
        header.append(f"Published: {meta['date']}")
    if meta["sitename"]:
        header.append(f"Source: {meta['sitename']}")
    if meta["author"]:
        header.append(f"By: {meta['author']}")
    article = "\n".join(header).strip("\n") + "\n\n" + "\n\n".join(blocks) + "\n"
    return article, meta
