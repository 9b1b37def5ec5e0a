"""Versions that decide what a run must redo.

RULES_VERSION: a digest of the source of everything that turns an article's text into rows
(decoding, header parsing, the quantity extractor, the claims layer, the indicator catalog and
the unit vocabulary). An article extracted under another version is extracted again.

HEADER_DIGEST: the same for what makes an article's row (decoding, HTML, header parsing, the
body's year); with the PIPELINE_BODY_DATES setting it is the header version: under another one
every article is parsed again (and so extracted again).

VALIDATION_VERSION: the same for the validation rules; a change re-validates every claim.

SCHEMA_VERSION: a digest of the declared tables (pipeline.metadata) and the state tables; a build
copy made under another schema is discarded and rebuilt from scratch (a cold run).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_PIPELINE = Path(__file__).resolve().parents[2]


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(_PIPELINE)).encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def _py(*relative: str) -> list[Path]:
    out: list[Path] = []
    for rel in relative:
        p = _PIPELINE / rel
        out.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    return out


RULES_VERSION = _digest(
    _py(
        "lib/quantities",
        "lib/claims",
        "lib/ingest/decoding.py",
        "lib/ingest/article_headers.py",
        "lib/ingest/body_dates.py",
        "metadata/indicators.py",
        "metadata/units.py",
    )
)
# what makes an `articles` row from a file's text: a change re-parses every article (the
# publication date decides the claims' years), see ingest.sync.header_version
HEADER_DIGEST = _digest(
    _py(
        "lib/ingest/decoding.py",
        "lib/ingest/html.py",
        "lib/ingest/folder.py",
        "lib/ingest/article_headers.py",
        "lib/ingest/body_dates.py",
    )
)
VALIDATION_VERSION = _digest(_py("lib/validation/rules.py", "metadata/indicators.py"))
SCHEMA_VERSION = _digest(
    _py("metadata/fields.py", "metadata/resources.py", "metadata/classes.py", "lib/state/tables.py")
)
