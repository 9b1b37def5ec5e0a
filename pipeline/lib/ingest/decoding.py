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
4. BOM-less UTF-16: NUL bytes mostly on one side of the byte pairs (the high byte of ASCII
   characters, or of CJK characters such as U+4E00) -> strict UTF-16 decode in that byte order,
   kept when the text is plausible and of one script family; otherwise on to rule 5.
5. Any other NUL byte, or > 10% C0 control bytes -> `binary`.
6. Strict UTF-8 (covers pure ASCII and the smart quotes of the seeds).
7. charset-normalizer restricted to the legacy encodings we expect (GB18030 - a superset of GBK
   and GB2312 -, Big5, cp1252, Latin-1), then a strict decode with the winning codec. The detail
   starts with "fallback encoding" and names the first byte that was not ASCII/UTF-8.
8. Nothing plausible -> `undecodable`.
Every decoded text is then checked: only whitespace -> `empty`; a high share of control or
unassigned characters -> `binary` (step 3-6) or `undecodable` (step 7). A Latin legacy decoding
(cp1252, Latin-1) must be mostly ASCII (a Latin text is; random bytes are not).

A tiny file (under TINY_BYTES) that is not plain printable ASCII must look like a text to be one:
a word of two letters, no control/format/unassigned character, and in a legacy encoding only
common characters (GB2312 level 1 or Big5 frequent hanzi, their punctuation; no Latin legacy
encoding at all): too few bytes to tell an encoding from noise otherwise -> `binary`.
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
TINY_BYTES = 32  # below this, a file that is not plain ASCII text must pass `_tiny_text_ok`
MAX_LATIN_NON_ASCII = 0.30  # share of non-ASCII characters a cp1252/Latin-1 text may have


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

    nul = data.find(b"\x00")
    utf16_note = ""
    if nul >= 0:
        got = _bomless_utf16(data)
        if got is not None and got.ok:
            return _tiny_check(data, got)
        if got is not None:
            utf16_note = f"; not UTF-16 either ({got.detail})"
        return Decoded(
            None, None, "binary", f"NUL byte at offset {nul} (not UTF-16/UTF-32){utf16_note}"
        )
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
        return _tiny_check(data, _check_text(text, "utf-8", "strict UTF-8", "binary"))

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
    got = _strict(
        data,
        codec,
        f"fallback encoding {codec}: {utf8_error}; {_first_non_ascii(data, codec)}; "
        f"charset-normalizer chose {best.encoding} (chaos {best.chaos:.2f})",
        "undecodable",
    )
    if got.ok and codec in _LATIN:
        non_ascii = sum(1 for ch in got.text if ord(ch) > 0x7F)
        visible = sum(1 for ch in got.text if not ch.isspace()) or 1
        if non_ascii > MAX_LATIN_NON_ASCII * visible:
            return Decoded(
                None,
                None,
                "undecodable",
                f"{utf8_error}; as {codec}, {non_ascii} of {visible} characters would not be "
                "ASCII (a Latin text is mostly ASCII)",
            )
    return _tiny_check(data, got)


def _first_non_ascii(data: bytes, codec: str) -> str:
    high = [i for i, b in enumerate(data) if b > 0x7F]
    if not high:
        return "all bytes ASCII"
    i = high[0]
    step = 2 if codec in ("gb18030", "big5") and i + 1 < len(data) else 1
    shown = data[i : i + step].decode(codec, errors="replace")
    return f"{len(high)} byte(s) not ASCII, the first at byte {i} read as {shown!r}"


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
# the same test for ASCII characters (the C0 controls and DEL above), and the non-ASCII ones
_IMPLAUSIBLE_ASCII_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def non_ascii_chars(text: str) -> set[str]:
    """The distinct characters of `text` outside ASCII (empty for an ASCII text)."""
    return set() if text.isascii() else set(_NON_ASCII_RE.findall(text))


_PY_CODEC = {"latin_1": "latin-1", "gb18030": "gb18030", "big5": "big5", "cp1252": "cp1252"}


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM, told by its NUL bytes (ASCII characters have one, and so do CJK
    characters such as U+4E00): both byte orders are decoded strictly, and the one whose text
    is plausible, of one script family and made of more common characters wins. None when
    the length is odd; a failed Decoded (with why) when neither order reads as text."""
    n = len(data)
    if n < 2 or n % 2:
        return None
    even_nul = data[0::2].count(0)
    odd_nul = data[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd_nul >= even_nul else ("utf-16-be", "utf-16-le")
    best, best_score, why = None, -1, []
    for codec in order:
        got = _strict(data, codec, f"{codec} without byte-order mark (NUL byte pattern)", "binary")
        if not got.ok:
            why.append(got.detail)
            continue
        if not _one_script(got.text):
            why.append(f"as {codec}, characters of several scripts")
            continue
        score = len(_TINY_COMMON_RE.findall(got.text))
        if score > best_score:
            best, best_score = got, score
    if best is not None:
        return best
    return Decoded(None, None, "binary", "; ".join(why))


_LATIN = ("cp1252", "latin-1")


def _family(ch: str) -> str | None:
    cp = ord(ch)
    if cp < 0x80 or 0x2000 <= cp <= 0x206F or ch.isspace():
        return None  # ASCII, general punctuation, spaces: any script uses them
    if cp < 0x0800:
        return "alphabetic"  # Latin, Greek, Cyrillic, Hebrew, Arabic ...
    if 0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF:
        return "cjk"
    return "other"


def _one_script(text: str) -> bool:
    """At least 80% of the characters outside ASCII belong to one family (alphabetic or CJK):
    true of real text, false of random 16-bit units read as UTF-16."""
    counts: dict[str, int] = {}
    for ch in text:
        fam = _family(ch)
        if fam is not None:
            counts[fam] = counts.get(fam, 0) + 1
    total = sum(counts.values())
    if total == 0:
        return True
    return max(counts.get("alphabetic", 0), counts.get("cjk", 0)) >= 0.8 * total


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_WORD_RE = regex.compile(r"[A-Za-z]{2,}|\p{Han}{2,}")
_HAN_RUN_RE = regex.compile(r"\p{Han}{3,}")
_HAN_RE = regex.compile(r"\p{Han}")
# outside ASCII, a tiny UTF-8/UTF-16 text may hold Latin-1 letters and Latin Extended-A, general
# punctuation (quotes, dashes), CJK punctuation, ideographs and full-width forms
_TINY_COMMON_RE = regex.compile(
    r"[\x00-\x7f\u00a0\u00c0-\u017f\u2010-\u2027\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
)
_TINY_BAD_RE = regex.compile(r"[^\P{C}\t\n\r]")  # control, format, unassigned, private, surrogate


def _common_cjk(ch: str, codec: str) -> bool:
    """GB2312 symbols/level-1 hanzi (lead byte A1-A9, B0-D7), Big5 symbols/frequent hanzi
    (lead byte A1-C6)."""
    try:
        lead = ch.encode("gb2312" if codec == "gb18030" else "big5")[0]
    except UnicodeEncodeError:
        return False
    if codec == "gb18030":
        return 0xA1 <= lead <= 0xA9 or 0xB0 <= lead <= 0xD7
    return 0xA1 <= lead <= 0xC6


def _tiny_text_ok(text: str, codec: str) -> str | None:
    """None when a tiny decoded text looks like a text; else why not."""
    if codec in _LATIN:
        return f"a Latin legacy encoding ({codec}) cannot be told from noise in so few bytes"
    if _TINY_BAD_RE.search(text):
        return "a control, format or unassigned character"
    if not _WORD_RE.search(text):
        return "no word of two letters"
    if codec in ("gb18030", "big5"):
        rare = [ch for ch in text if ord(ch) > 0x7F and not _common_cjk(ch, codec)]
        if rare:
            return f"rare characters for {codec} ({''.join(rare[:5])!r})"
        visible = sum(1 for ch in text if not ch.isspace())
        if not _HAN_RUN_RE.search(text) or 2 * len(_HAN_RE.findall(text)) < visible:
            return f"too few Chinese characters for {codec}"
    else:
        rare = [ch for ch in text if not _TINY_COMMON_RE.match(ch)]
        if rare:
            return f"uncommon characters ({''.join(rare[:5])!r})"
    if not _one_script(text):
        return "characters of several scripts"
    return None


def _tiny_check(data: bytes, decoded: Decoded) -> Decoded:
    """Rejects a tiny file that decoded but does not look like a text (see the module doc)."""
    if not decoded.ok or len(data) >= TINY_BYTES:
        return decoded
    if not data.translate(None, _PRINTABLE_ASCII):  # plain printable ASCII: a text
        return decoded
    why = _tiny_text_ok(decoded.text or "", decoded.encoding or "")
    if why is None and "without byte-order mark" in decoded.detail:
        if not regex.search(r"[A-Za-z]{2,}", decoded.text or ""):
            why = "no ASCII word to explain its NUL bytes as UTF-16"
    if why is None:
        return decoded
    return Decoded(
        None,
        None,
        "binary",
        f"{len(data)} bytes, not plain ASCII, would decode as {decoded.encoding} but has {why}: "
        "too short to be taken for a text",
    )


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
    """How many characters are control (but not text layout), unassigned, private-use or
    surrogate. The same count as `_IMPLAUSIBLE_RE.findall`, a quarter of its cost on an
    article: the ASCII characters by a plain class, each distinct non-ASCII character tested
    once with the Unicode pattern and counted."""
    n = len(_IMPLAUSIBLE_ASCII_RE.findall(text))
    if text.isascii():
        return n
    for ch in non_ascii_chars(text):
        if _IMPLAUSIBLE_RE.match(ch):
            n += text.count(ch)
    return n
