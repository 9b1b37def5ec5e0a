"""Layer 1 ("raw"): walk `raw/`, read and decode every file, hash it, group duplicates.

What belongs here: the filesystem walk (deterministic order, symlink and size policy), one
`RawFile` per file found - an article or a reject with a reason, nothing silently dropped -,
exact-duplicate grouping by normalised content, and near-duplicate ("syndicated copy") detection.
Decoding rules live in `decoding.py`; header parsing in `article_headers.py`.

Reject reasons: `empty`, `binary`, `undecodable` (from decoding), `too_large`, `unreadable`,
`hidden` (dotfiles and dot-directories such as .gitkeep, .DS_Store, .git: recorded, not read),
`symlink_outside_raw`, `broken_symlink` (dangling or looping link), `symlink_dir` (a directory
symlink that points inside raw/: not followed, its target is scanned under its own path),
`not_regular_file` (FIFO, socket, device: never opened).
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import hashlib
import os
import re
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.lib.ingest.decoding import decode, non_ascii_chars
from pipeline.lib.ingest.html import html_to_article, looks_like_html

REJECT_REASONS = (
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "unreadable",
    "hidden",
    "symlink_outside_raw",
    "broken_symlink",
    "symlink_dir",
    "not_regular_file",
)

DEFAULT_MAX_BYTES = 5_000_000
SHINGLE_WORDS = 5  # words per shingle
SYNDICATION_THRESHOLD = 0.8  # Jaccard similarity of the shingle sets
MIN_SHINGLES = 8  # texts with fewer shingles are too short to call a syndicated copy


@dataclass(frozen=True, slots=True)
class RawFile:
    """One file under raw/: an article (`text` set) or a reject (`reject_reason` set)."""

    path: str  # POSIX path relative to the raw root, e.g. "000_8ec7da9e05a1918a.txt", "sub/x.txt"
    size_bytes: int
    sha256: str | None  # of the file bytes; None when the bytes were not read
    encoding: str | None  # codec used to decode (see decoding.py), None when not decoded
    text: str | None  # exact decoded text (leading BOM removed); None for rejects
    reject_reason: str | None  # None for articles, else one of REJECT_REASONS
    detail: str  # how it was decoded, or why it was rejected
    content_hash: str | None = None  # sha256 of normalise_for_hash(text); None for rejects
    mtime_ns: int | None = None  # modification time of the file read (None when not read)

    @property
    def is_article(self) -> bool:
        return self.reject_reason is None


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    """One distinct article: files with identical normalised content share one group."""

    article_file: str  # canonical file: first path in sort order
    file: RawFile  # the canonical RawFile (its text is the article text)
    duplicate_files: tuple[str, ...]  # the other paths with the same content_hash, sorted
    content_hash: str
    syndication_key: str  # article_file of the first (sorted) article of its near-duplicate
    # cluster; equal to article_file when no syndicated copy was found
    syndication_similarity: float | None = None  # best Jaccard to another cluster member


# ---------------------------------------------------------------------------------------------
# Scanning


def escape_name(name: str) -> str:
    """A path as text that UTF-8 can store: bytes that are not UTF-8 (which os.scandir hands
    back as lone surrogates) become backslash escapes, b'bad\\xff.txt' -> 'bad\\\\xff.txt'."""
    if name.isascii():  # the usual case: nothing to escape, no encoding attempted
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _escaped(f: RawFile) -> RawFile:
    if f.path.isascii() and f.detail.isascii():
        return f
    path, detail = escape_name(f.path), escape_name(f.detail)
    if path == f.path and detail == f.detail:
        return f
    if path != f.path:
        detail = f"{detail}; the file name is not UTF-8, stored with backslash escapes"
    return dataclasses.replace(f, path=path, detail=detail)


KEPT = object()  # what `reuse` returns for an unchanged file whose recorded row is kept (scan_raw)


def scan_raw(
    root: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reuse: Callable[[str, int, int], RawFile | object | None] | None = None,
    keep_text: bool = True,
    read_many: Callable[[list[tuple[str, str]]], list[RawFile]] | None = None,
    kept: list[str] | None = None,
) -> list[RawFile]:
    """Every file under `root` (recursive) as a RawFile, sorted by relative path.

    `reuse(rel_path, size, mtime_ns)` may return the RawFile recorded by an earlier scan for a
    file whose size and modification time are unchanged: that file is then not read again (an
    incremental scan). It may return KEPT instead: the file is not read and its (escaped)
    relative path is appended to `kept` rather than returned as a RawFile (a caller that keeps
    its recorded rows needs only the names: no object per unchanged file of a large archive).
    With keep_text=False the decoded text is dropped once hashed (memory stays flat over a
    large archive; the articles layer reads the text again).

    The files to read are listed first and read at the end, all at once: `read_many(items)`
    (items: (absolute path, relative path)) may read them in worker processes and must return
    one RawFile per item, in order (default: read here, one by one)."""
    to_read: list[tuple[str, str]] = []

    def read(abs_path: str, rel: str) -> RawFile | None:
        if reuse is not None:
            try:
                st = os.stat(abs_path)
            except OSError:
                st = None
            if st is not None and stat.S_ISREG(st.st_mode):
                name = escape_name(rel)
                known = reuse(name, st.st_size, st.st_mtime_ns)
                if known is KEPT:
                    kept.append(name)
                    return None
                if known is not None:
                    return known
        to_read.append((abs_path, rel))
        return None

    root = Path(root)
    root_real = os.path.realpath(root)
    out: list[RawFile] = []
    stack = [""]  # relative directory paths still to list
    while stack:
        rel_dir = stack.pop()
        abs_dir = os.path.join(root_real, rel_dir) if rel_dir else root_real
        try:
            entries = sorted(os.scandir(abs_dir), key=lambda e: e.name)
        except OSError as exc:
            if rel_dir:  # an unlistable sub-directory is recorded; an unlistable root raises
                out.append(_reject(rel_dir, 0, "unreadable", f"directory: {_oserror(exc)}"))
                continue
            raise
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.name.startswith("."):
                kind = "directory, not scanned" if _is_dir_nofollow(entry) else "file"
                out.append(_reject(rel, _lsize(entry), "hidden", f"hidden {kind}"))
                continue
            if entry.is_symlink():
                rejected, follow = _check_symlink(entry, rel, root_real)
                if rejected is not None:
                    out.append(rejected)
                    continue
                known = read(follow, rel)
                if known is not None:
                    out.append(known)
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(rel)
                continue
            known = read(entry.path, rel)
            if known is not None:
                out.append(known)
    if read_many is not None:
        out.extend(read_many(to_read))
    else:
        for abs_path, rel in to_read:
            rf = read_raw_file(abs_path, rel, max_bytes)
            out.append(rf if keep_text or rf.text is None else dataclasses.replace(rf, text=None))
    out = [_escaped(f) for f in out]
    out.sort(key=lambda f: f.path)
    return out


def read_raw_file(
    abs_path: str | Path, rel_path: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> RawFile:
    """Read, hash and decode one file; never reads more than max_bytes + 1 bytes."""
    try:
        st = os.stat(abs_path)
    except OSError as exc:
        return _reject(rel_path, 0, "unreadable", _oserror(exc))
    if not stat.S_ISREG(st.st_mode):
        return _reject(rel_path, 0, "not_regular_file", _file_kind(st.st_mode))
    if st.st_size > max_bytes:
        return _reject(rel_path, st.st_size, "too_large", f"{st.st_size} bytes > limit {max_bytes}")
    try:
        data = _read_bytes(abs_path, max_bytes + 1)
    except OSError as exc:
        return _reject(rel_path, st.st_size, "unreadable", _oserror(exc))
    if len(data) > max_bytes:
        return _reject(rel_path, len(data), "too_large", f"more than {max_bytes} bytes (grew)")
    sha = hashlib.sha256(data).hexdigest()
    dec = decode(data)
    if dec.reject_reason is not None:
        return RawFile(
            rel_path, len(data), sha, dec.encoding, None, dec.reject_reason, dec.detail,
            None, st.st_mtime_ns,
        )  # fmt: skip
    assert dec.text is not None
    text, detail = dec.text, dec.detail
    if looks_like_html(rel_path, text):  # a saved web page: its main text is the article
        text, meta = html_to_article(text)
        detail = f"{detail}; HTML page, main text extracted ({meta.get('extraction', '?')})"
    return RawFile(
        rel_path,
        len(data),
        sha,
        dec.encoding,
        text,
        None,
        detail,
        content_hash(text),
        st.st_mtime_ns,
    )


def normalise_for_hash(text: str) -> str:
    """NFC, every whitespace run (incl. NBSP, ideographic space, CR LF) -> one space, stripped.

    The same article saved as UTF-8, UTF-16 or GB18030, with CRLF or LF, normalises equally."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    return " ".join(text.split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def _read_bytes(path: str | Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(limit)


def _reject(path: str, size: int, reason: str, detail: str) -> RawFile:
    return RawFile(path, size, None, None, None, reason, detail)


def _oserror(exc: OSError) -> str:
    name = errno.errorcode.get(exc.errno or 0, "OSError")
    return f"{name}: {exc.strerror or exc}"


def _lsize(entry: os.DirEntry) -> int:
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return 0
    return st.st_size if stat.S_ISREG(st.st_mode) else 0


def _is_dir_nofollow(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _within(path: str, root_real: str) -> bool:
    try:
        return os.path.commonpath([path, root_real]) == root_real
    except ValueError:  # different drives
        return False


def _check_symlink(entry: os.DirEntry, rel: str, root_real: str) -> tuple[RawFile | None, str]:
    """(reject, None) or (None, resolved path to read). Never follows a link out of root."""
    target = os.path.realpath(entry.path)  # non-strict: loops and dangling links do not raise
    try:
        link_text = os.readlink(entry.path)
    except OSError:
        link_text = "?"
    if not _within(target, root_real):
        return _reject(rel, 0, "symlink_outside_raw", f"-> {link_text} (resolves outside raw/)"), ""
    try:
        st = os.stat(entry.path)
    except OSError as exc:
        what = "symlink loop" if exc.errno == errno.ELOOP else "dangling symlink"
        return _reject(rel, 0, "broken_symlink", f"-> {link_text}: {what}"), ""
    if stat.S_ISDIR(st.st_mode):
        target_rel = os.path.relpath(target, root_real).replace(os.sep, "/")
        detail = f"-> {link_text}: directory inside raw/, scanned as {target_rel}/"
        return _reject(rel, 0, "symlink_dir", detail), ""
    return None, target


# ---------------------------------------------------------------------------------------------
# Duplicates and syndicated copies


def group_duplicates(
    files: Iterable[RawFile], syndication_threshold: float = SYNDICATION_THRESHOLD
) -> list[ArticleGroup]:
    """Articles (rejects are ignored) grouped by content_hash, sorted by canonical path.

    The canonical file of a group is its first path in sort order; the others are
    `duplicate_files`. Groups whose texts are near-duplicates (see `find_syndicated`) share a
    `syndication_key`."""
    by_hash: dict[str, list[RawFile]] = defaultdict(list)
    for f in files:
        if f.is_article and f.content_hash is not None:
            by_hash[f.content_hash].append(f)
    canon: list[tuple[RawFile, tuple[str, ...]]] = []
    for members in by_hash.values():
        members.sort(key=lambda f: f.path)
        canon.append((members[0], tuple(m.path for m in members[1:])))
    canon.sort(key=lambda c: c[0].path)
    synd = find_syndicated(
        {c.path: c.text or "" for c, _ in canon}, threshold=syndication_threshold
    )
    groups = []
    for c, dups in canon:
        key, sim = synd.get(c.path, (c.path, None))
        groups.append(ArticleGroup(c.path, c, dups, c.content_hash or "", key, sim))
    return groups


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)?")
# the same tokens in a lower-cased text without a non-ASCII word character (the usual English
# article: its only non-ASCII characters are quotes, dashes and spaces): half the cost
_ASCII_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)?")
_MASK64 = (1 << 64) - 1
_NUM_PERM = 120
_BANDS = 20  # 20 bands x 6 rows: P(candidate) = 0.998 at Jaccard 0.8, 0.27 at 0.5, 0.03 at 0.3
_ROWS = _NUM_PERM // _BANDS
_rng = np.random.default_rng(20221107)  # fixed seed: deterministic signatures across runs
_PERM_A = _rng.integers(1, 2**63, size=_NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_PERM_B = _rng.integers(0, 2**63, size=_NUM_PERM, dtype=np.uint64)


def tokens(text: str) -> list[str]:
    """Lower-cased words; each CJK character is a token of its own (no spaces in Chinese)."""
    text = unicodedata.normalize("NFKC", text).lower()
    if not any(ch.isalnum() for ch in non_ascii_chars(text)):
        return _ASCII_TOKEN_RE.findall(text)
    return _TOKEN_RE.findall(text)


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 64-bit hashes of the k-word shingles of `text` (deterministic)."""
    toks = tokens(text)
    if not toks:
        return np.empty(0, dtype=np.uint64)
    k = min(k, len(toks))
    ids = np.fromiter(map(_token_hash, toks), dtype=np.uint64, count=len(toks))
    n = len(toks) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(0x100000001B3)
    for j in range(k):  # polynomial rolling combination, wrapping mod 2**64
        h = h * mult + ids[j : j + n]
    h ^= h >> np.uint64(29)  # final mix
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(32)
    h.sort()  # np.unique's result, without its hash-table pass (a quarter of this function)
    return h[np.concatenate(([True], h[1:] != h[:-1]))]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def minhash(shingles: np.ndarray) -> np.ndarray:
    """_NUM_PERM minima of the universal hashes (a*x + b mod 2**64) over the shingle hashes."""
    sig = np.full(_NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), 4096):  # bounded memory for very long texts
        block = shingles[start : start + 4096]
        vals = _PERM_A[:, None] * block[None, :] + _PERM_B[:, None]
        np.minimum(sig, vals.min(axis=1), out=sig)
    return sig


def find_syndicated(
    texts: Mapping[str, str],
    threshold: float = SYNDICATION_THRESHOLD,
    k: int = SHINGLE_WORDS,
) -> dict[str, tuple[str, float | None]]:
    """Near-duplicate clusters: {name: (syndication_key, best Jaccard to a cluster member)}.

    Shingles of k words; candidate pairs from MinHash LSH (20 bands of 6 rows), each candidate
    verified with the exact Jaccard similarity of the shingle sets (>= threshold). Clusters are
    the connected components; the key is the first name in sort order. Roughly linear in the
    number of texts (only bucket collisions are compared). Texts with fewer than MIN_SHINGLES
    shingles are never clustered. Names without a near-duplicate map to (name, None)."""
    names = sorted(texts)
    sh = {n: shingle_hashes(texts[n], k) for n in names}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for n in names:
        if len(sh[n]) < MIN_SHINGLES:
            continue
        sig = minhash(sh[n])
        for b in range(_BANDS):
            buckets[(b, sig[b * _ROWS : (b + 1) * _ROWS].tobytes())].append(n)

    best: dict[str, float] = {}
    linked: list[tuple[str, str]] = []
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        if len(members) > 50:  # huge bucket (boilerplate): compare to its first member only
            pairs = [(members[0], m) for m in members[1:]]
        else:
            pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        for a, b in pairs:
            if (a, b) in checked:
                continue
            checked.add((a, b))
            sim = jaccard(sh[a], sh[b])
            if sim >= threshold:
                best[a] = max(best.get(a, 0.0), sim)
                best[b] = max(best.get(b, 0.0), sim)
                linked.append((a, b))
    groups = cluster(names, linked)
    return {n: (groups[n], round(best[n], 4) if n in best else None) for n in names}


def band_keys(text: str, k: int = SHINGLE_WORDS) -> list[int]:
    """The MinHash LSH bucket of each band of `text` (one signed 64-bit key per band, band b at
    index b), or [] when the text is too short to call anything its syndicated copy. Two texts
    are candidate near-duplicates when they share the key of some band (see find_syndicated)."""
    sh = shingle_hashes(text, k)
    if len(sh) < MIN_SHINGLES:
        return []
    sig = minhash(sh)
    return [
        int.from_bytes(
            hashlib.blake2b(sig[b * _ROWS : (b + 1) * _ROWS].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for b in range(_BANDS)
    ]


def cluster(names: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Connected components of the verified near-duplicate pairs: name -> its component's first
    name in sort order (names in no pair map to themselves)."""
    parent = {n: n for n in names}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {n: find(n) for n in parent}


@functools.lru_cache(maxsize=500_000)
def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")
