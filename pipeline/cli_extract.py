"""`python -m pipeline extract PATH... [--published YYYY-MM-DD]`: claims of texts as JSON lines.

Each file (or `-` for standard input) is decoded like the raw layer does (`pipeline.lib.ingest.decoding`),
its publication date taken from `--published` or else from its header
(`pipeline.lib.ingest.article_headers.parse_header`), and every claim printed as one JSON object with
the `claims` columns (`article_file` = the path as given) plus `claim_id`, `source` and
`period_basis`. The warehouse is not touched.

Exit codes: 0 ok; 2 usage errors, a missing or unreadable file, a bad date, an undecodable file
or a file over the size limit (message on stderr; the other files are still processed), or a bad
setting (PIPELINE_MAX_FILE_BYTES=abc: nothing is processed).

Hostile and oversized input:
- the size limit of ingestion applies (PIPELINE_MAX_FILE_BYTES, default 5,000,000 bytes); a
  larger file is reported as too_large and skipped; `--max-file-bytes N` overrides the limit;
- a text of more than PROGRESS_CHARS characters gets progress lines on standard error (size,
  quantities found, stretches set aside as not prose or too large, claims and seconds);
- output piped into a command that stops reading (`| head`) ends the run quietly (exit 0).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

from pipeline import settings
from pipeline.lib.claims import CONTRACT_COLUMNS, claims_from_extraction
from pipeline.lib.ingest.html import html_to_article, looks_like_html

PROGRESS_CHARS = 200_000

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


def header_date(text: str, body_dates: bool | None = None) -> dt.date | None:
    """The publication date stated in the article header, or None (`body_dates`: see
    parse_header; None = the PIPELINE_BODY_DATES setting)."""
    try:
        from pipeline.lib.ingest.article_headers import parse_header
    except ImportError:  # pragma: no cover
        return None
    return parse_header(text, body_dates=body_dates).published_date


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
    ap.add_argument(
        "--max-file-bytes",
        default=None,
        metavar="N",
        help="skip files larger than N bytes (default: PIPELINE_MAX_FILE_BYTES or 5000000)",
    )
    return ap


def _size_mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} characters"


def _claims(text: str, published: dt.date | None, path: str) -> list:
    """The claims of one text, with progress lines on stderr for a large one."""
    from pipeline.lib.quantities import extract

    large = len(text) > PROGRESS_CHARS
    t0 = time.monotonic()
    if large:
        _note(f"extract: {path}: {_size_mb(len(text))}, finding quantities ...")
    ex = extract(text)
    if large:
        skipped = [g for g in ex.ignored if g.reason in ("not_prose", "too_large")]
        note = f"{len(ex.quantities):,} quantities"
        if skipped:
            chars = sum(g.end - g.start for g in skipped)
            note += f", {len(skipped):,} stretches ({chars:,} characters) set aside as not prose or too large"
        _note(f"extract: {path}: {note} ({time.monotonic() - t0:.1f} s); attributing ...")
    claims = claims_from_extraction(text, ex, published, path)
    if large:
        _note(f"extract: {path}: {len(claims):,} claims in {time.monotonic() - t0:.1f} s")
    return claims


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _read_limited(path: str, limit: int) -> bytes:
    """The bytes of `path` (`-`: standard input), InputError when over `limit` bytes."""
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            data = sys.stdin.read().encode("utf-8")
        else:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputError(_too_large(f"more than {limit:,}", limit))
        return data
    p = Path(path)
    if not p.exists():
        raise InputError("no such file")
    if p.is_dir():
        raise InputError("is a directory")
    size = p.stat().st_size
    if size > limit:
        raise InputError(_too_large(f"{size:,}", limit))
    return p.read_bytes()


def _too_large(size: str, limit: int) -> str:
    return (
        f"too_large ({size} bytes, over the limit of {limit:,}; "
        "raise it with --max-file-bytes or PIPELINE_MAX_FILE_BYTES)"
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        limit = settings.load(
            only=("max_file_bytes",), max_file_bytes=args.max_file_bytes
        ).max_file_bytes
    except settings.SettingsError as exc:
        return _fail(f"extract: {exc}")
    try:
        return _run(args, limit, sys.stdout)
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly; point stdout at devnull so that the
        # interpreter's final flush does not raise again
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0


def _run(args: argparse.Namespace, limit: int, out) -> int:
    status = 0
    for path in args.paths:
        try:
            data = _read_limited(path, limit)
            text = read_text(data)
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
            claims = _claims(text, published, path)
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
