"""Scanning raw/: every file is an article or a reject; duplicates and syndicated copies."""

import os
import random

import pytest

from pipeline.lib.ingest import raw_files
from pipeline.lib.ingest.raw_files import content_hash, find_syndicated, group_duplicates, scan_raw

BODY = (
    "Harbour cranes at the eastern terminal handled 1.2 million containers in the first half, "
    "the port authority said on Tuesday. Automated berths now account for two thirds of the "
    "traffic, and the operator plans to add four more remote-controlled cranes next spring. "
    "Officials credited a private wireless network for cutting the average turnaround of a "
    "vessel by six hours. Shipping lines have asked for longer opening hours at the gate, while "
    "truck drivers complain about queues at the customs checkpoint during the morning peak."
)
CHINESE = "港口上半年完成集装箱吞吐量一百二十万标准箱，自动化码头占比约三分之二。"


def by_path(files):
    return {f.path: f for f in files}


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_scan_mixed_folder(tmp_path):
    write(tmp_path / "a_utf8.txt", BODY.encode("utf-8"))
    write(tmp_path / "b_bom.txt", b"\xef\xbb\xbfBOM headline\n\n" + BODY.encode())
    write(tmp_path / "c_utf16.txt", ("UTF-16 headline\n\n" + BODY).encode("utf-16"))
    write(tmp_path / "d_gb.txt", CHINESE.encode("gb18030"))
    write(tmp_path / "e_empty.txt", b"")
    write(tmp_path / "f_blank.txt", b"\n \n")
    write(tmp_path / "g.pdf", b"%PDF-1.4\nbinary")
    write(tmp_path / "h_big.txt", b"x" * 3000)
    write(tmp_path / "sub" / "deeper" / "nested.txt", b"Nested article text.")
    write(tmp_path / ".gitkeep", b"")
    write(tmp_path / ".hidden_dir" / "x.txt", b"inside hidden dir")

    files = scan_raw(tmp_path, max_bytes=2000)
    paths = [f.path for f in files]
    assert paths == sorted(paths)
    got = by_path(files)
    assert set(got) == {
        ".gitkeep",
        ".hidden_dir",
        "a_utf8.txt",
        "b_bom.txt",
        "c_utf16.txt",
        "d_gb.txt",
        "e_empty.txt",
        "f_blank.txt",
        "g.pdf",
        "h_big.txt",
        "sub/deeper/nested.txt",
    }
    assert got["a_utf8.txt"].encoding == "utf-8" and got["a_utf8.txt"].text == BODY
    assert got["b_bom.txt"].encoding == "utf-8-sig"
    assert got["b_bom.txt"].text.startswith("BOM headline")
    assert got["c_utf16.txt"].encoding == "utf-16-le"
    assert got["d_gb.txt"].encoding == "gb18030" and got["d_gb.txt"].text == CHINESE
    assert got["sub/deeper/nested.txt"].text == "Nested article text."
    reasons = {p: f.reject_reason for p, f in got.items()}
    assert reasons["e_empty.txt"] == "empty"
    assert reasons["f_blank.txt"] == "empty"
    assert reasons["g.pdf"] == "binary" and "PDF" in got["g.pdf"].detail
    assert reasons["h_big.txt"] == "too_large" and got["h_big.txt"].size_bytes == 3000
    assert reasons[".gitkeep"] == "hidden" and reasons[".hidden_dir"] == "hidden"
    for f in files:
        assert f.is_article == (f.reject_reason is None) == (f.text is not None)
        assert (f.content_hash is not None) == f.is_article
    a = got["a_utf8.txt"]
    assert a.size_bytes == len(BODY.encode()) and len(a.sha256) == 64


def test_too_large_is_not_read(tmp_path, monkeypatch):
    write(tmp_path / "big.txt", b"y" * 5000)

    def boom(*args, **kwargs):
        raise AssertionError("too-large file was read")

    monkeypatch.setattr(raw_files, "_read_bytes", boom)
    (f,) = scan_raw(tmp_path, max_bytes=100)
    assert f.reject_reason == "too_large" and f.sha256 is None


def test_unreadable(tmp_path, monkeypatch):
    write(tmp_path / "locked.txt", b"secret")

    def denied(path, limit):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(raw_files, "_read_bytes", denied)
    (f,) = scan_raw(tmp_path)
    assert f.reject_reason == "unreadable"
    assert "EACCES" in f.detail


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read mode-000 files")
def test_unreadable_by_permission(tmp_path):
    p = tmp_path / "locked.txt"
    write(p, b"secret")
    p.chmod(0)
    try:
        (f,) = scan_raw(tmp_path)
    finally:
        p.chmod(0o644)
    assert f.reject_reason == "unreadable"


def test_symlinks(tmp_path):
    raw = tmp_path / "raw"
    outside = tmp_path / "outside.txt"
    write(outside, b"Text that lives outside the raw folder.")
    write(raw / "real.txt", b"A real article inside raw.")
    (raw / "escape.txt").symlink_to(outside)
    (raw / "escape_dir").symlink_to(tmp_path)
    (raw / "alias.txt").symlink_to(raw / "real.txt")
    (raw / "dangling.txt").symlink_to(raw / "missing.txt")
    (raw / "loop_a").symlink_to(raw / "loop_b")
    (raw / "loop_b").symlink_to(raw / "loop_a")
    (raw / "self_dir").symlink_to(raw)  # a loop back to the root

    got = by_path(scan_raw(raw))
    assert got["escape.txt"].reject_reason == "symlink_outside_raw"
    assert got["escape_dir"].reject_reason == "symlink_outside_raw"
    assert got["alias.txt"].text == "A real article inside raw."
    assert got["dangling.txt"].reject_reason == "broken_symlink"
    assert got["loop_a"].reject_reason == "broken_symlink"
    assert "loop" in got["loop_a"].detail
    assert got["self_dir"].reject_reason == "symlink_dir"
    assert "outside" not in {p.split("/")[0] for p in got}
    groups = group_duplicates(got.values())
    (g,) = [g for g in groups if g.article_file == "alias.txt"]
    assert g.duplicate_files == ("real.txt",)


def test_fifo_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (f,) = scan_raw(tmp_path)
    assert f.reject_reason == "not_regular_file"


def test_same_content_in_two_encodings_is_one_article(tmp_path):
    text = "Robot output rises\r\n\r\n" + CHINESE + "\r\n" + BODY
    write(tmp_path / "x_gb.txt", text.encode("gb18030"))
    write(tmp_path / "m_utf16.txt", text.replace("\r\n", "\n").encode("utf-16"))
    write(tmp_path / "z_utf8.txt", (text + "\n\n").encode("utf-8"))
    write(tmp_path / "other.txt", b"A different article about rail freight volumes.")
    files = scan_raw(tmp_path)
    assert len({f.content_hash for f in files if f.path != "other.txt"}) == 1
    assert len({f.sha256 for f in files}) == 4
    groups = group_duplicates(files)
    assert [g.article_file for g in groups] == ["m_utf16.txt", "other.txt"]
    assert groups[0].duplicate_files == ("x_gb.txt", "z_utf8.txt")
    assert groups[1].duplicate_files == ()


def test_content_hash_normalises_whitespace_only():
    assert content_hash("a  b\r\nc\u3000d ") == content_hash("a b c d")
    assert content_hash("a b c") != content_hash("a b d")


def test_syndicated_copy_gets_the_same_key(tmp_path):
    write(tmp_path / "01_original.txt", ("Port sets record\n\n" + BODY).encode())
    write(
        tmp_path / "02_reprint.txt",
        ("Eastern terminal cranes break records - Coastal Herald\n\n" + BODY
         + "\n\nShare this story. Copyright Coastal Herald.").encode(),
    )  # fmt: skip
    write(tmp_path / "03_unrelated.txt", " ".join(reversed(BODY.split())).encode())
    groups = {g.article_file: g for g in group_duplicates(scan_raw(tmp_path))}
    assert groups["02_reprint.txt"].syndication_key == "01_original.txt"
    assert groups["01_original.txt"].syndication_key == "01_original.txt"
    assert groups["02_reprint.txt"].syndication_similarity >= 0.8
    assert groups["03_unrelated.txt"].syndication_key == "03_unrelated.txt"
    assert groups["03_unrelated.txt"].syndication_similarity is None


def test_article_sharing_some_sentences_is_not_syndication():
    first_half = ". ".join(BODY.split(". ")[:3])
    follow_up = (
        first_half + ". In a separate statement, the rail operator said that freight trains to "
        "the inland depot would run twice a day from March, and that a new bonded warehouse "
        "next to the station should open before the summer holidays."
    )
    res = find_syndicated({"a": BODY, "b": follow_up})
    assert res["b"] == ("b", None)


def test_syndication_on_chinese_text_uses_characters():
    long_cn = CHINESE * 3 + "工业互联网平台连接设备数量持续增长，服务企业超过十万家。"
    res = find_syndicated({"a": long_cn, "b": "来源：某报\n" + long_cn})
    assert res["b"][0] == "a"


def test_syndication_scales_roughly_linearly():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    texts = {f"{i:04d}": " ".join(rng.choice(vocab) for _ in range(300)) for i in range(300)}
    texts["copy"] = "Reprinted headline\n" + texts["0042"]
    res = find_syndicated(texts)
    assert res["copy"][0] == "0042"
    assert sum(1 for k, (key, _) in res.items() if key != k) == 1


def test_a_file_name_that_is_not_utf8_is_read_and_recorded_escaped(tmp_path):
    """Issue 10/12: b'bad\\xff.txt' crashed ingest when raw_files was written ("surrogate")."""
    import duckdb

    from pipeline.lib import warehouse
    from pipeline.lib.ingest.folder import ingest_folder
    from pipeline.metadata.resources import get as get_resource

    root = os.fsencode(tmp_path)
    with open(os.path.join(root, b"bad\xff.txt"), "wb") as fh:
        fh.write(BODY.encode())
    os.symlink(b"/nowhere/\xfe", os.path.join(root, b"link\xfe"))
    got = by_path(scan_raw(tmp_path))
    assert set(got) == {"bad\\xff.txt", "link\\xfe"}
    assert got["bad\\xff.txt"].text == BODY
    assert "not UTF-8" in got["bad\\xff.txt"].detail
    assert got["link\\xfe"].reject_reason == "symlink_outside_raw"

    tables = ingest_folder(tmp_path, 5_000_000)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for name in ("raw_files", "ingest_rejects", "articles"):
        warehouse.write_table(con, get_resource(name), getattr(tables, name))
    rows = dict(con.execute("SELECT file_path, outcome FROM raw_files").fetchall())
    assert rows == {"bad\\xff.txt": "article", "link\\xfe": "rejected"}
    assert con.execute("SELECT article_file FROM articles").fetchall() == [("bad\\xff.txt",)]


def test_tokens_fast_path_equals_the_unicode_pattern() -> None:
    import unicodedata

    from pipeline.lib.ingest.raw_files import _TOKEN_RE, tokens

    for text in [
        "Output rose 5% to 3 million tonnes in 2021 \u2014 the firm\u2019s best year.",
        "It's 2,000 units; don\u2019t count_them twice.",
        "Caf\u00e9 output \u00b2 \ufb01ne \uff21\uff42\uff43 \u00bd",  # NFKC makes some ASCII
        "\u4e2d\u56fd\u5de5\u4e1a\u4e92\u8054\u7f51 2021 platform's",
        "\u2167 and \u2460 and \u01c5 digits",
    ]:
        expected = _TOKEN_RE.findall(unicodedata.normalize("NFKC", text).lower())
        assert tokens(text) == expected
