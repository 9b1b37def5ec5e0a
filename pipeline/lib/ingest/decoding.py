"""Bytes -> text for one raw file: encoding detection, strict decoding, and reject reasons.

What belongs here: turning the bytes of one file into the exact decoded text (or a reject reason
`empty` / `binary` / `undecodable` with a human-readable detail). Nothing about paths, hashing or
articles. The decoded text is kept exactly as decoded (no newline normalisation, no character
replacement): claim offsets downstream are Python string indices into this text. The only change
is that a leading byte-order mark is not part of the text.

Order of decisions (first match wins):
1. 0 bytes -> `empty`.
2. Known file signatures (PDF, ZIP/OOXML, PNG, JPEG, GIF, GZIP, BZIP2, 7z, RAR, OLE2, ELF ...)
   -> `binary`, the format named in `detail`.
3. Byte-order mark: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE -> strict decode with that codec.
4. BOM-less UTF-16 (ASCII-heavy text where every other byte is NUL) -> strict UTF-16 decode.
5. Any other NUL byte, or > 10% C0 control bytes -> `binary`.
6. Strict UTF-8 (covers pure ASCII and the smart quotes of the seeds).
7. charset-normalizer restricted to the legacy encodings we expect (GB18030 - a superset of GBK
   and GB2312 -, Big5, cp1252, Latin-1), then a strict decode with the winning codec.
8. Nothing plausible -> `undecodable`.
Every decoded text is then checked: only whitespace -> `empty`; a high share of control or
unassigned characters -> `binary` (step 3-6) or `undecodable` (step 7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import charset_normalizer
import regex

# ---------------------------------------------------------------------------------------------
# Public API


@dataclass(frozen=True, slots=True)
class Decoded:
    """Result of `decode`: either `text` + `encoding`, or `reject_reason` (+ `detail`)."""

    text: str | None
    encoding: str | None  # Python codec name actually used, e.g. "utf-8", "utf-16-le", "gb18030"
    reject_reason: str | None  # None | "empty" | "binary" | "undecodable"
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.reject_reason is None


REJECT_REASONS = ("empty", "binary", "undecodable")

# Legacy encodings the detector may choose from (charset-normalizer names). GB18030 decodes every
# GBK/GB2312 byte sequence to the same characters, so those are decoded as GB18030.
LEGACY_ENCODINGS = ("gb18030", "big5", "cp1252", "latin_1")

MAX_CONTROL_SHARE = 0.10  # of the bytes (binary sniffing) or of the characters (plausibility)


def decode(data: bytes) -> Decoded:
    """Decode the bytes of one file strictly; see the module docstring for the order of rules."""
    if len(data) == 0:
        return Decoded(None, None, "empty", "0 bytes")

    magic = sniff_magic(data)
    if magic is not None:
        return Decoded(None, None, "binary", f"{magic} file signature")

    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, f"{codec} with byte-order mark", "binary")

    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _strict(data, utf16, f"{utf16} without byte-order mark (NUL byte pattern)", "binary")

    nul = data.find(b"\x00")
    if nul >= 0:
        return Decoded(None, None, "binary", f"NUL byte at offset {nul} (not UTF-16/UTF-32)")
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(data):
        return Decoded(
            None, None, "binary", f"{controls} of {len(data)} bytes are control characters"
        )

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"not UTF-8 ({exc.reason} at byte {exc.start})"
    else:
        return _check_text(text, "utf-8", "strict UTF-8", "binary")

    if _mostly_utf8(data):
        # A legacy codec would "succeed" here and produce mojibake (â€™ for ’): refuse instead.
        return Decoded(None, None, "undecodable", f"{utf8_error}; otherwise UTF-8 (corrupted?)")

    matches = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    best = matches.best()
    if best is None:
        return Decoded(
            None,
            None,
            "undecodable",
            f"{utf8_error}; no plausible decoding among {', '.join(LEGACY_ENCODINGS)}",
        )
    codec = _PY_CODEC.get(best.encoding, best.encoding)
    return _strict(
        data,
        codec,
        f"{utf8_error}; charset-normalizer chose {best.encoding} (chaos {best.chaos:.2f})",
        "undecodable",
    )


def sniff_magic(data: bytes) -> str | None:
    """Name of a known binary format whose signature starts `data`, else None."""
    for signature, name in _MAGIC:
        if data.startswith(signature):
            return name
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF/" + data[8:12].decode("ascii").strip()
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return "MP4/ISO media"
    # "BZh" and "ID3" are also plausible starts of a text: require the rest of the signature.
    if data[:3] == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        return "BZIP2"
    if data[:3] == b"ID3" and len(data) > 4 and data[3] in (2, 3, 4) and data[4] == 0:
        return "MP3"
    return None


# ---------------------------------------------------------------------------------------------
# Internals

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: the UTF-32-LE BOM begins with the UTF-16-LE BOM.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP (empty archive)"),
    (b"PK\x07\x08", "ZIP (spanned archive)"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "GZIP"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xfd7zXZ\x00", "XZ"),
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (DOC/XLS/PPT)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"OggS", "Ogg"),
    (b"fLaC", "FLAC"),
    (b"wOFF", "WOFF font"),
    (b"\x00\x01\x00\x00\x00", "TrueType font"),
)

_TEXT_CONTROL_BYTES = frozenset(b"\t\n\r\x0b\x0c\x1a\x1b")  # tab, newlines, VT, FF, SUB, ESC
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROL_BYTES)
_ASCII_BYTES = bytes(range(0x80))
# control (except tab/newlines/VT/FF/separators), unassigned, private-use, surrogate characters
_IMPLAUSIBLE_RE = regex.compile(r"[^\P{Cc}\t\n\r\x0b\x0c\x1c-\x1e\x85]|[\p{Cn}\p{Co}\p{Cs}]")

_PY_CODEC = {"latin_1": "latin-1", "gb18030": "gb18030", "big5": "big5", "cp1252": "cp1252"}


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says ASCII-heavy UTF-16 without a BOM."""
    n = len(data)
    if n < 4 or n % 2:
        return None
    even = data[0::2]
    odd = data[1::2]
    half = n // 2
    even_nul = even.count(0)
    odd_nul = odd.count(0)
    if odd_nul >= 0.3 * half and even_nul <= 0.01 * half:
        return "utf-16-le"
    if even_nul >= 0.3 * half and odd_nul <= 0.01 * half:
        return "utf-16-be"
    return None


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(data: bytes) -> bool:
    """True when >= 90% of the non-ASCII bytes form valid UTF-8 sequences (at least 3 of them)."""
    high = len(data.translate(None, _ASCII_BYTES))
    if high == 0:
        return False
    sequences = _UTF8_MULTIBYTE.findall(data)
    covered = sum(len(m) for m in sequences)
    return len(sequences) >= 3 and covered >= 0.9 * high


def _strict(data: bytes, codec: str, how: str, implausible_reason: str) -> Decoded:
    try:
        text = data.decode(codec)  # errors="strict": never replaces characters
    except UnicodeDecodeError as exc:
        return Decoded(
            None,
            None,
            "undecodable",
            f"{how}, but invalid {codec} ({exc.reason} at byte {exc.start})",
        )
    return _check_text(text, codec, how, implausible_reason)


def _check_text(text: str, codec: str, how: str, implausible_reason: str) -> Decoded:
    if _is_blank(text):
        return Decoded(None, codec, "empty", f"{how}; only whitespace ({len(text)} characters)")
    bad = _implausible_chars(text)
    if bad > MAX_CONTROL_SHARE * len(text):
        return Decoded(
            None,
            codec,
            implausible_reason,
            f"{how}; {bad} of {len(text)} characters are control/unassigned/private-use",
        )
    return Decoded(text, codec, None, how)


def _is_blank(text: str) -> bool:
    return all(ch.isspace() or ch in "\ufeff\u200b\u200c\u200d\u2060" for ch in text)


def _implausible_chars(text: str) -> int:
    return len(_IMPLAUSIBLE_RE.findall(text))
