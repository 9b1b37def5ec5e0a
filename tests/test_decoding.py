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


def test_tiny_random_binary_is_not_an_article():
    """Issue 12: random files of 1-16 bytes were accepted as cp1252/GB18030/Big5 articles. Those
    made only of printable ASCII are text by any measure and are left out of the sample."""
    import random

    rng = random.Random(20261201)
    printable = set(range(0x20, 0x7F)) | {9, 10, 13}
    accepted, n = [], 0
    for _ in range(5000):
        data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        if all(b in printable for b in data):
            continue
        n += 1
        d = decode(data)
        if d.ok:
            accepted.append((data, d.encoding, d.text))
        else:
            assert d.reject_reason in ("binary", "undecodable", "empty")
    # 18% were accepted before; what is left are byte strings that spell common characters
    assert len(accepted) <= 0.001 * n, accepted


@pytest.mark.parametrize(
    "text", ["Output rose 5%.", "工业互联网", "It’s “fine”.", "工业互联网平台 2023年"]
)
def test_tiny_real_texts_are_still_texts(text):
    codecs = ("utf-8", "gb18030") if any("\u4e00" <= ch <= "\u9fff" for ch in text) else ("utf-8",)
    for codec in codecs:
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        d = decode(data)
        assert d.ok and d.text == text, (codec, d)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_chinese_with_few_ascii_characters(codec):
    """Mostly Chinese: few ASCII NULs, and U+4E00 (一) puts a NUL on the other side."""
    text = "一季度工业互联网平台连接设备超过一千万台，同比增长一成。\n"
    d = decode(text.encode(codec))
    assert (d.encoding, d.text) == (codec, text)
    assert "without byte-order mark" in d.detail


def test_random_bytes_with_nuls_are_not_utf16():
    import random

    rng = random.Random(5)
    data = bytes(rng.randrange(256) if i % 2 == 0 else 0 if i % 6 else 7 for i in range(400))
    assert decode(bytes(rng.randrange(256) for _ in range(200)) + b"\x00" * 3).reject_reason == (
        "binary"
    )
    assert decode(data).reject_reason in ("binary", None)


def test_ascii_with_one_stray_byte_records_the_fallback():
    d = decode(b"Output rose to 42 tonnes in 2023, up \x92 sharply from a year before.\n")
    assert d.ok and d.encoding == "cp1252"
    assert d.detail.startswith("fallback encoding cp1252")
    assert "the first at byte 37" in d.detail and "’" in d.detail


def test_random_high_bytes_are_not_a_latin_text():
    import random

    rng = random.Random(3)
    data = bytes(rng.randrange(0x20, 0x100) for _ in range(400))
    assert not decode(data).ok


def test_implausible_count_equals_the_unicode_pattern() -> None:
    from pipeline.lib.ingest.decoding import _IMPLAUSIBLE_RE, _implausible_chars

    for text in [
        "plain text\twith\nlayout\r\x0b\x0c\x1c\x1d\x1e controls",
        "bad \x00\x01\x1b\x1f\x7f bytes",
        "non-ASCII \x85 \x9f \u200b \ue000\ue000 \udcff \U0010fffe caf\u00e9",
        "\u4e2d\u6587 \u2014 \u2019",
    ]:
        assert _implausible_chars(text) == len(_IMPLAUSIBLE_RE.findall(text))
