"""Decoding of raw bytes: encodings kept exact, rejects with a reason."""

import pytest

from pipeline.lib.ingest.decoding import Decoded, decode

SAMPLE = "Plant “Alpha” shipped 3.2 million units — up 7% on the year.\r\nSecond line.\n"
CHINESE = "今年前三季度，该省工业机器人产量同比增长百分之十二，达到三万台。"


def test_plain_ascii_is_utf8():
    d = decode(b"Output rose to 42 tonnes.\n")
    assert d == Decoded("Output rose to 42 tonnes.\n", "utf-8", None, "strict UTF-8")
    assert d.ok


def test_utf8_smart_quotes_stay_utf8_and_text_is_exact():
    d = decode(SAMPLE.encode("utf-8"))
    assert d.encoding == "utf-8"
    assert d.text == SAMPLE  # CRLF kept: offsets are indices into the exact text


def test_utf8_bom_is_stripped():
    d = decode(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert d.encoding == "utf-8-sig"
    assert d.text == SAMPLE


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-16", "utf-16-le"), ("utf-32", "utf-32-le")],
)
def test_utf16_utf32_with_bom(codec, expected):
    d = decode((SAMPLE + CHINESE).encode(codec))
    assert d.encoding == expected
    assert d.text == SAMPLE + CHINESE


def test_utf16_big_endian_bom():
    d = decode(b"\xfe\xff" + SAMPLE.encode("utf-16-be"))
    assert (d.encoding, d.text) == ("utf-16-be", SAMPLE)


def test_utf16_without_bom_by_nul_pattern():
    d = decode(SAMPLE.encode("utf-16-le"))
    assert (d.encoding, d.text) == ("utf-16-le", SAMPLE)


@pytest.mark.parametrize("legacy", ["gb18030", "gbk", "gb2312"])
def test_chinese_gb_family_decodes_as_gb18030(legacy):
    d = decode(CHINESE.encode(legacy))
    assert d.encoding == "gb18030"
    assert d.text == CHINESE


def test_short_gbk_text_is_not_misread_as_korean():
    assert decode("工业互联网".encode("gbk")).text == "工业互联网"


def test_mixed_english_chinese_gb18030_keeps_smart_quotes():
    text = "The “工业互联网” sector grew 12% in Shenzhen 深圳."
    d = decode(text.encode("gb18030"))
    assert (d.encoding, d.text) == ("gb18030", text)


def test_big5():
    text = "工業互聯網平台連接設備超過七千萬台。"
    d = decode(text.encode("big5"))
    assert (d.encoding, d.text) == ("big5", text)


def test_cp1252():
    text = "Café owners said “business is up” — déjà vu for the région."
    d = decode(text.encode("cp1252"))
    assert d.encoding == "cp1252"
    assert d.text == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", "\u3000\n".encode(), b"\xef\xbb\xbf"])
def test_empty(data):
    d = decode(data)
    assert d.reject_reason == "empty"
    assert d.text is None


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
    ],
)
def test_binary_magic_named_in_detail(data, name):
    d = decode(data)
    assert d.reject_reason == "binary"
    assert name in d.detail


def test_binary_nul_bytes():
    d = decode(b"report\x00\x01\x02 ok \x00 more text here")
    assert d.reject_reason == "binary"
    assert "NUL" in d.detail


def test_binary_control_characters():
    d = decode(bytes(range(1, 9)) * 20 + b"some text")
    assert d.reject_reason == "binary"


def test_undecodable_random_high_bytes():
    d = decode(bytes(range(0x80, 0x100)) * 4)
    assert d.reject_reason == "undecodable"
    assert d.text is None


def test_corrupted_utf8_is_not_turned_into_mojibake():
    good = "It’s “fine” — really. ".encode() * 5
    d = decode(good + b"\xff\xfe broken")
    assert d.reject_reason == "undecodable"


def test_bad_utf16_surrogate_is_undecodable():
    d = decode(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8\x41\x00")
    assert d.reject_reason == "undecodable"
