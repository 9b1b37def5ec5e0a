"""`python -m pipeline extract PATH... [--published YYYY-MM-DD]`: claims of texts as JSON lines.

Each file (or `-` for standard input) is decoded like the raw layer does (`pipeline.lib.ingest.decoding`),
its publication date taken from `--published` or else from its header
(`pipeline.lib.ingest.article_headers.parse_header`), and every claim printed as one JSON object with
the `claims` columns (`article_file` = the path as given) plus `claim_id`, `source` and
`period_basis`. The warehouse is not touched.

Exit codes: 0 ok; 2 usage errors, a missing or unreadable file, a bad date or an undecodable
file (message on stderr; the other files are still processed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from pipeline.lib.claims import CONTRACT_COLUMNS, extract_claims
from pipeline.lib.ingest.html import html_to_article, looks_like_html

EXTRA_COLUMNS = ("claim_id", "source", "period_basis", "period_part")


class InputError(Exception):
    """A file that cannot be turned into text (message for the user)."""


def read_text(data: bytes) -> str:
    """Decode bytes as the raw layer does; raises InputError with the reject reason."""
    try:
        from pipeline.lib.ingest.decoding import decode
    except ImportError:  # pragma: no cover - decoding is part of the project
        decode = None
    if decode is None:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable ({exc})") from exc
    result = decode(data)
    if result.reject_reason is not None:
        detail = getattr(result, "detail", "")
        raise InputError(f"{result.reject_reason}" + (f" ({detail})" if detail else ""))
    return result.text


def header_date(text: str) -> dt.date | None:
    """The publication date stated in the article header, or None."""
    try:
        from pipeline.lib.ingest.article_headers import parse_header
    except ImportError:  # pragma: no cover
        return None
    return parse_header(text).published_date


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"bad date {value!r}: expected YYYY-MM-DD (e.g. 2022-11-07)"
        ) from exc


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit code 2 with the message, as argparse does
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(f"{self.prog}: error: {message}"))


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog="python -m pipeline extract",
        description="Print the statistical claims of text files as JSON lines (one per claim).",
    )
    ap.add_argument("paths", nargs="+", metavar="PATH", help="text file, or - for standard input")
    ap.add_argument(
        "--published",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date (default: from each file's header)",
    )
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    status = 0
    out = sys.stdout
    for path in args.paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else None
                text = read_text(data) if data is not None else sys.stdin.read()
            else:
                p = Path(path)
                if not p.exists():
                    raise InputError("no such file")
                if p.is_dir():
                    raise InputError("is a directory")
                text = read_text(p.read_bytes())
        except InputError as exc:
            status = _fail(f"extract: {path}: {exc}")
            continue
        except OSError as exc:
            status = _fail(f"extract: {path}: cannot read ({exc.strerror or exc})")
            continue
        if looks_like_html(None if path == "-" else path, text):
            text = html_to_article(text)[0]  # the page's main text, as the raw layer reads it
        try:
            published = args.published if args.published is not None else header_date(text)
            claims = extract_claims(text, published, path)
        except Exception as exc:  # a bug must not cost the other files their claims
            print(
                f"extract: {path}: internal error, no claims for this file "
                f"({type(exc).__name__}: {exc}); please report it with the file",
                file=sys.stderr,
            )
            status = 1
            continue
        for claim in claims:
            row = {k: getattr(claim, k) for k in CONTRACT_COLUMNS + EXTRA_COLUMNS}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
