"""Strip what dates an article today (header date lines, datelines), keeping every offset.

An article scraped without its header keeps its body: the measurement of issue 9 family 6
(`benchmarks/undated_dates.py`, `benchmarks/score.py --strip-dates`) blanks the lines the header
parser took the date from, repeatedly, until the date it finds (if any) comes from the body.
Blanked characters become spaces (newlines are kept), so the gold's character offsets still
point at the same quotes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.lib.ingest.article_headers import find_full_dates, parse_header  # noqa: E402

# the bases that read a header, a footer's metadata line or a dateline, not the body's prose
_METADATA_BASES = ("header_line", "dateline")
_LEAD_ON_RE = re.compile(r"\s*(?:on|On|ON)\b")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    return a, min(ends) if ends else len(text)


def _header_date_lines(text: str) -> str:
    """Blank the short lines with a full date above the first paragraph (a header block)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if len(body) > 200:
            break
        if body and find_full_dates(body):
            text = _blank(text, pos, pos + len(line.rstrip("\r\n")))
        pos += len(line)
    return text


def strip_dates(text: str, rounds: int = 60) -> str:
    """The text without the header/dateline evidence of its publication date."""
    text = _header_date_lines(text)
    for _ in range(rounds):
        h = parse_header(text, body_dates=False)
        if h.published_date is None or h.date_evidence_start is None or not h.date_evidence:
            return text
        start = h.date_evidence_start
        end = start + len(h.date_evidence)
        line_start, line_end = _line_span(text, start, end)
        opens_line = not text[line_start:start].strip()
        if h.date_basis == "header_line":
            # the whole metadata line (or lines, for a multi-line evidence)
            text = _blank(text, line_start, line_end)
        elif h.date_basis == "dateline" or (
            opens_line
            and not _LEAD_ON_RE.match(h.date_evidence)
            and h.date_basis == "inferred"
            and text[line_end - 1 : line_end] != ""
            and len(h.date_evidence) < 80
            and " | " not in h.date_evidence
        ):
            # a dateline (`BEIJING, Nov. 7 (Xinhua) --`): the prefix, the lead stays
            text = _blank(text, start, end)
        else:
            return text  # a date read from the body's prose
    return text
