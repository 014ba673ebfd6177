"""load.py: decoding, loading files and stdin, expanding arguments, front matter."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from factcheck.load import InputError, decode, expand, front_matter, load_path, load_stdin

SIMPLIFIED = [
    "京津冀协同发展战略实施十年来，三地生态环境质量明显改善。2023年，河北省PM2.5平均浓度为38.6微克/立方米，比2014年下降57.6%。",
    "河北省生态环境厅发布数据",
    "京津冀协同发展",
    "记者从市政府获悉",
    "可再生能源装机规模",
    "重点区域环境空气质量",
    "张家口新闻网",
]
TRADITIONAL = [
    "京津冀協同發展戰略實施十年來，三地生態環境質量明顯改善。2023年，河北省PM2.5平均濃度為38.6微克/立方米，比2014年下降57.6%。",
    "張家口市可再生能源裝機規模達到3565萬千瓦，穩居全國第一。",
    "記者從市政府獲悉，全市優良天數達到271天。",
    "京津冀協同發展",
    "空氣質量持續改善",
    "張家口新聞網",
    "生態環境部通報重點區域",
]


# ------------------------------------------------------------------ decode


def test_input_error_message() -> None:
    e = InputError("a/b.txt", "empty file")
    assert (e.path, e.message, str(e)) == ("a/b.txt", "empty file", "a/b.txt: empty file")


@pytest.mark.parametrize("text", SIMPLIFIED[:1] + TRADITIONAL[:1] + ["Plain English, 38.6 micrograms."])
def test_utf8_family(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode(b"\xff\xfe" + text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode(b"\xfe\xff" + text.encode("utf-16-be")) == (text, "utf-16-be")


def test_utf16_without_bom_ascii_heavy() -> None:
    text = "Hebei PM2.5 fell to 38.6 micrograms per cubic meter in 2023.\n" * 3
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL)
def test_gb18030_chosen_for_gb_bytes(text: str) -> None:
    assert decode(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("text", TRADITIONAL)
def test_big5_chosen_for_big5_bytes(text: str) -> None:
    data = text.encode("big5")
    assert decode(data) == (text, "big5")


def test_scoring_is_exercised() -> None:
    """The Big5 samples also decode without error as GB18030 (and some GB samples as Big5):
    the choice really is made by the score, not by a decode error."""
    big5_also_gb = 0
    for text in TRADITIONAL:
        try:
            text.encode("big5").decode("gb18030")
            big5_also_gb += 1
        except UnicodeDecodeError:
            pass
    gb_also_big5 = 0
    for text in SIMPLIFIED:
        try:
            text.encode("gb18030").decode("big5")
            gb_also_big5 += 1
        except UnicodeDecodeError:
            pass
    assert big5_also_gb >= 4 and gb_also_big5 >= 4


def test_mostly_utf8_with_invalid_bytes() -> None:
    a, b, c = "河北PM2.5平均浓度", "降至38.6微克/立方米，", "比2014年下降57.6%。"
    data = a.encode() + b"\xff" + b.encode() + b"\xc3" + c.encode()
    text, encoding = decode(data)
    assert encoding == "utf-8 (2 invalid bytes replaced)"
    assert text.count("\ufffd") == 2
    assert "38.6微克" in text


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    b"text with a NUL\x00 in the middle",
    bytes(range(1, 9)) * 20 + b"abc",
])
def test_binary_rejected(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "x.bin")
    assert info.value.message == "binary file, not text"


# ------------------------------------------------------------------ load_path


def test_load_path_formats_and_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes("# 标题\n\n正文。".encode())
    (tmp_path / "b.HTML").write_bytes("<p>正文</p>".encode())
    (tmp_path / "c.htm").write_bytes(b"<p>x</p>")
    (tmp_path / "d.txt").write_bytes(TRADITIONAL[1].encode("big5"))
    (tmp_path / "e.markdown").write_bytes(b"text")
    (tmp_path / "f").write_bytes(b"text")
    got = {p.name: load_path(str(p)) for p in sorted(tmp_path.iterdir())}
    assert {k: v.format for k, v in got.items()} == {
        "a.md": "markdown", "b.HTML": "html", "c.htm": "html", "d.txt": "text", "e.markdown": "markdown", "f": "text"}
    assert got["d.txt"].encoding == "big5" and got["d.txt"].text == TRADITIONAL[1]
    assert got["a.md"].path == str(tmp_path / "a.md")


def test_crlf_kept_in_original(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("第一行\r\n第二行\r\n".encode())
    assert load_path(str(p)).text == "第一行\r\n第二行\r\n"


def _error(path: str, **kw: int) -> str:
    with pytest.raises(InputError) as info:
        load_path(path, **kw)
    assert str(info.value) == f"{path}: {info.value.message}"
    assert "\n" not in str(info.value)
    return info.value.message


def test_load_path_errors(tmp_path: Path) -> None:
    assert _error(str(tmp_path / "missing.txt")) == "no such file"
    assert _error(str(tmp_path)) == "is a directory"
    (tmp_path / "empty.txt").write_bytes(b"")
    assert _error(str(tmp_path / "empty.txt")) == "empty file"
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    assert _error(str(tmp_path / "blank.txt")) == "empty file"
    (tmp_path / "big.txt").write_bytes(b"x" * 100)
    assert _error(str(tmp_path / "big.txt"), max_size=50) == "file too big (100 bytes, limit 50)"
    assert load_path(str(tmp_path / "big.txt"), max_size=100).text == "x" * 100
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert _error(str(tmp_path / "img.txt")) == "binary file, not text"
    assert _error("bad\x00name.txt") == "invalid file name"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("x")
    if os.name == "posix" and os.geteuid() != 0:
        p.chmod(0)
    else:  # root reads anything: make open() refuse the way the OS would
        def refuse(*args: object, **kw: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("factcheck.load.open", refuse, raising=False)
    try:
        assert _error(str(p)) == "permission denied"
    finally:
        p.chmod(0o600)


def test_load_stdin() -> None:
    loaded = load_stdin(io.BytesIO("北京PM2.5年均浓度32微克/立方米。".encode("gb18030")))
    assert (loaded.path, loaded.encoding, loaded.format) == ("<stdin>", "gb18030", "text")
    assert load_stdin(io.BytesIO(b"---\ndate: 2024-01-01\n---\n\ntext")).format == "markdown"
    assert load_stdin(io.BytesIO("intro\n\n## 小标题\n\n正文".encode())).format == "markdown"
    assert load_stdin(io.BytesIO(b"#hashtag is not a heading\n")).format == "text"
    assert load_stdin(io.BytesIO(b"<!DOCTYPE html><html><p>x</p></html>")).format == "html"
    with pytest.raises(InputError) as info:
        load_stdin(io.BytesIO(b""))
    assert str(info.value) == "<stdin>: empty input"


# ------------------------------------------------------------------ expand


def test_expand(tmp_path: Path) -> None:
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / ".git").mkdir()
    (d / ".git" / "x.txt").write_text("hidden")
    (d / "b.md").write_text("b")
    (d / "a.txt").write_text("a")
    (d / "sub" / "c.HTML").write_text("c")
    (d / "sub" / "notes.docx").write_text("no")
    (d / ".hidden.txt").write_text("no")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "x.pdf").write_text("no")
    single = tmp_path / "single.csv"
    single.write_text("given explicitly")
    args = [str(single), str(d), "-", str(tmp_path / "nope.txt"), str(tmp_path / "empty")]
    got = expand(args)
    assert [p for p, _ in got] == [
        str(single), str(d / "a.txt"), str(d / "b.md"), str(d / "sub" / "c.HTML"), "-",
        str(tmp_path / "nope.txt"), str(tmp_path / "empty")]
    errors = {p: e.message for p, e in got if e is not None}
    assert errors == {str(tmp_path / "nope.txt"): "no such file or directory",
                      str(tmp_path / "empty"): "directory has no .txt, .md, .markdown, .html or .htm file"}
    again = [(p, e.message if e else None) for p, e in expand(args)]
    assert again == [(p, e.message if e else None) for p, e in got]  # deterministic


# ------------------------------------------------------------------ front matter


def test_front_matter() -> None:
    text = ("---\ntitle: 张家口：生态优先\ndate: 2024-08-20\nregion: zhangjiakou\n"
            "tags: [a, b]\ndraft: true\nn: 3\n---\n\n# 正文\n")
    assert front_matter(text) == {"title": "张家口：生态优先", "date": "2024-08-20", "region": "zhangjiakou",
                                  "draft": "True", "n": "3"}
    assert front_matter("---\r\ndate: 2024-01-02\r\n---\r\ntext") == {"date": "2024-01-02"}
    assert front_matter("no front matter\n---\ndate: 2024-01-01\n---\n") == {}
    assert front_matter("---\ndate: [unclosed\n---\n") == {}
    assert front_matter("---\n- a list\n---\n") == {}
    assert front_matter("---\n---\nbody") == {}


def test_short_gb18030_text_that_is_also_valid_utf8() -> None:
    """"约38.6" in GB18030 (D4 BC 33 38 2E 36) is valid UTF-8 too ("Լ38.6"): an Armenian letter (or a Greek
    iota with dialytika) is not what an article says, common Chinese is."""
    for text in ("约38.6", "为约38.6", "P M2.5为"):  # "Լ38.6", "ΪԼ38.6", "P M2.5Ϊ" in UTF-8
        assert decode(text.encode("gb18030")) == (text, "gb18030")
        assert decode(text.encode()) == (text, "utf-8")
    for text in ("μg/m³ 5°", "Ω Δ α 12", "Lī Wàn 5", "Привет мир", "Աբգ 5", "pi\u0301nyi\u0304n"):
        assert decode(text.encode()) == (text, "utf-8")  # real UTF-8 in these scripts stays UTF-8


def test_utf16_without_bom_both_byte_orders_plausible() -> None:
    """A short text can read as text in both byte orders; the reading that is more common text wins."""
    text = "\u3000image.jpg"  # as UTF-16-LE it reads "0椀洀愀最攀⸀樀瀀最", a quarter of it common Chinese
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(codec)) == (text, codec)
