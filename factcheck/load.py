"""Input files -> :class:`~factcheck.models.Loaded` (bytes decoded, format guessed).

Every failure a user can cause (missing file, directory, binary data, empty file,
too big) raises :class:`InputError` with a one-line message; the CLI prints it.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from typing import BinaryIO

from factcheck.models import Loaded

# When the caller sets no limit: far above any article (a long feature is 50 KB), low enough that one
# file's reading stages stay under about 1 GB of memory (they keep ~200 bytes per character).
DEFAULT_MAX_SIZE = 8 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


class InputError(Exception):
    """A bad input: ``str(e) == f"{path}: {message}"``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# ---------------------------------------------------------------------- decoding

# About the 1000 most frequent Chinese characters, simplified forms followed by the
# traditional forms that differ. Running text is mostly made of them; bytes decoded
# with the wrong CJK codec give characters drawn almost at random (and kana, box
# drawing symbols ...), of which few are in this set.
_COMMON = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    "洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
    "這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺"
    "術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參衆構節維劃敵陳態護興驗責營夠嚴續講終緊"
    "黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲遊龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶"
    "釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂"
)

_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}
_CONTROL_BYTES = bytes(sorted(_CONTROL))  # for bytes.translate(None, ...): counting them in C


# Pinyin with tone marks (GB2312 row 8) is frequent in annotated articles: 萬(wàn).
_SCORED = _COMMON | frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")


def _cjk_score(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common Chinese characters (or pinyin)."""
    wide = len(text) - len(text.encode("ascii", "ignore"))  # non-ASCII characters, counted in C
    if not wide:
        return 0.0
    return sum(map(_SCORED.__contains__, text)) / wide  # every scored character is non-ASCII


def _reads_like_gbk(text: str) -> bool:
    """Does this UTF-8 reading look like GBK bytes read as UTF-8? Only two-byte sequences (every character below
    U+0800), at least one of them a character these articles never use: IPA, modifiers, combining marks, accented
    Greek and Coptic, Cyrillic to N'Ko (为 = CE AA reads "Ϊ", 约 = D4 BC "Լ"). Latin (pinyin, names), plain Greek
    letters (μg/m³, Ω, Δ) and Latin-1 symbols (5°) are ordinary text."""
    if max(text) >= "\u0800":
        return False
    return any(
        ch >= "\u03ca" or "\u0250" <= ch <= "\u0390" or "\u03aa" <= ch <= "\u03b0" for ch in text
    )


def _replace_escapes(text: str) -> tuple[str, int]:
    """Lone surrogates from ``surrogateescape`` (one per invalid byte) -> U+FFFD."""
    count = 0

    def sub(_: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\ufffd"

    return re.sub("[\udc80-\udcff]", sub, text), count


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has NUL in every other byte; Chinese text reads as Chinese."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.7 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.7 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    if b"\x00" not in sample:
        return None
    # Mostly Chinese text has NUL only in its ASCII characters (digits, line breaks): accept the byte
    # order that reads as text made of common Chinese (binary data reads as random code points).
    # When both byte orders pass (short text), the one that reads as more common text wins (LE on a tie):
    # "\u3000image.jpg" in UTF-16-BE also reads as UTF-16-LE "0椀洀愀最攀⸀樀瀀最", a quarter of it common Chinese.
    head = data[:65536]
    readings = [(codec, head.decode(codec, errors="replace")) for codec in ("utf-16-le", "utf-16-be")]
    passing = [(codec, text) for codec, text in readings if _utf16_text(text)]
    if not passing:
        return None
    return max(passing, key=lambda reading: _common_share(reading[1]))[0]


def _common_share(text: str) -> float:
    """Share of ``text`` that is ASCII, common Chinese (or pinyin), CJK punctuation or fullwidth forms."""
    ascii_count = len(text.encode("ascii", "ignore"))
    common = sum(map(_SCORED.__contains__, text))
    cjk_punct = sum(1 for ch in text if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return (ascii_count + common + cjk_punct) / max(1, len(text))


_TEXT_RANGES = ((0x09, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x3000, 0x303F), (0x4E00, 0x9FFF),
                (0xFF00, 0xFFEF))  # ASCII, Latin (pinyin), punctuation, CJK punctuation, CJK, fullwidth


def _utf16_text(text: str) -> bool:
    if text.count("\ufffd") > 1 or any(ord(ch) in _CONTROL for ch in text):
        return False
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if sum(1 for ch in han if ch in _COMMON) < 0.25 * len(han):
        return False
    plain = sum(1 for ch in text if any(lo <= ord(ch) <= hi for lo, hi in _TEXT_RANGES))
    return plain >= 0.9 * len(text)


def _decode_utf16(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise InputError(path, f"invalid {codec.upper()} text") from None


def decode(data: bytes, path: str = "<input>") -> tuple[str, str]:
    """Decode ``data``; return (text, encoding name).

    Tries, in order: a BOM (UTF-8, UTF-16/32), UTF-16 without BOM, strict UTF-8,
    then GB18030 and Big5, choosing by which one reads as common Chinese (Windows-1252
    when neither does and the high bytes are few: an English draft from Word). UTF-8
    with a few invalid sequences is decoded with U+FFFD for each bad byte and
    named "utf-8 (N invalid bytes replaced)". Binary data raises InputError.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text, bad = _replace_escapes(data[3:].decode("utf-8", errors="surrogateescape"))
        return text, "utf-8-sig" if not bad else f"utf-8-sig ({bad} invalid bytes replaced)"
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _decode_utf16(data[len(bom):], codec, path), codec
    guessed = _looks_utf16(data)
    if guessed:
        return _decode_utf16(data, guessed, path), guessed
    sample = data[:65536]
    if b"\x00" in data or len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > 0.1 * len(sample):
        raise InputError(path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not text.isascii() and _reads_like_gbk(text):
            # A short GB18030 text can be valid UTF-8 too ("约38.6" = D4 BC 33 ... reads "Լ38.6"): when the UTF-8
            # reading looks like that and the GB18030 reading is common Chinese throughout, the bytes are GB18030.
            try:
                gb = data.decode("gb18030")
            except UnicodeDecodeError:
                gb = ""
            if gb and _cjk_score(gb) == 1.0:
                return gb, "gb18030"
        return text, "utf-8"
    loose, bad = _replace_escapes(data.decode("utf-8", errors="surrogateescape"))
    multibyte = sum(1 for ch in loose if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= 8 + len(data) // 200 and multibyte >= 2 * bad:
        # A short GB18030 text can read as UTF-8 with few errors ("年。约" = C4 | EA A1 A3 | D4 BC): prefer
        # the GB reading when it is strictly valid and reads as common Chinese where UTF-8 does not.
        try:
            gb_score = _cjk_score(data.decode("gb18030"))
        except UnicodeDecodeError:
            gb_score = 0.0
        if gb_score <= max(0.5, _cjk_score(loose)):
            return loose, f"utf-8 ({bad} invalid bytes replaced)"
    candidates: list[tuple[str, str]] = []
    for codec, name in (("gb18030", "gb18030"), ("big5", "big5"), ("cp950", "cp950")):
        try:
            candidates.append((data.decode(codec), name))
        except UnicodeDecodeError:
            continue
        if name == "big5":
            break  # cp950 only when strict Big5 fails
    if candidates:
        # max() keeps the first of equal scores: GB18030 wins a tie.
        chosen = max(candidates, key=lambda c: _cjk_score(c[0]))
        return _western(data, _cjk_score(chosen[0])) or chosen
    best: tuple[float, str, str] | None = None
    for codec in ("gb18030", "big5"):
        text, bad = _replace_escapes(data.decode(codec, errors="surrogateescape"))
        score = _cjk_score(text) - bad / max(1, len(text))
        if best is None or score > best[0]:
            best = (score, text, f"{codec} ({bad} invalid bytes replaced)")
    assert best is not None
    return _western(data, _cjk_score(best[1])) or (best[1], best[2])


_HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")


def _western(data: bytes, cjk_score: float) -> tuple[str, str] | None:
    """Windows-1252 text (English from Word: curly quotes, dashes, é, µ) that a CJK codec would misread.

    Chosen only when the CJK reading is not common Chinese and the high bytes are few and mostly
    alone (a Chinese text is mostly high bytes, in pairs: 年。 = C4 EA A1 A3).
    """
    if cjk_score >= 0.5:
        return None
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high > 0.3 * len(data):
        return None
    paired = sum(len(m) for m in _HIGH_RUN.findall(data))
    if paired > 0.5 * high:
        return None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return None


# ----------------------------------------------------------------------- loading


def format_for(path: str) -> str:
    """ "markdown" | "html" | "text" from the file name."""
    return _FORMATS.get(os.path.splitext(path)[1].lower(), "text")


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def sniff_format(text: str) -> str:
    """Format of text without a file name (stdin)."""
    if _HTML_START.match(text):
        return "html"
    if front_matter_span(text) is not None or _MD_HEADING.search(text):
        return "markdown"
    return "text"


def _finish(path: str, data: bytes, fmt: str | None) -> Loaded:
    text, encoding = decode(data, path)
    if not text.strip():
        raise InputError(path, "empty file" if path != "<stdin>" else "empty input")
    return Loaded(path=path, text=text, encoding=encoding, format=fmt or sniff_format(text))


def load_path(path: str, max_size: int | None = None) -> Loaded:
    """Read and decode one file. Raises InputError for anything a user can get wrong."""
    limit = DEFAULT_MAX_SIZE if max_size is None else max_size
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory")
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise InputError(path, f"file too big ({st.st_size} bytes, limit {limit})")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except ValueError:  # e.g. a NUL character in the path
        raise InputError(path, "invalid file name") from None
    if len(data) > limit:
        raise InputError(path, f"file too big (more than {limit} bytes)")
    if not data:
        raise InputError(path, "empty file")
    return _finish(path, data, format_for(path))


def load_stdin(stream: BinaryIO, max_size: int | None = None) -> Loaded:
    """Read standard input (path "<stdin>"); the format is sniffed from the text."""
    limit = DEFAULT_MAX_SIZE if max_size is None else max_size
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError("<stdin>", f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError("<stdin>", f"input too big (more than {limit} bytes)")
    if not data:
        raise InputError("<stdin>", "empty input")
    return _finish("<stdin>", data, None)


def _walk(root: str) -> tuple[list[str], list[InputError]]:
    """Matching files under ``root``, and the folders that could not be listed (never skipped silently)."""
    found: list[str] = []
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename) if exc.filename is not None else root
        errors.append(InputError(where, f"cannot read directory: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES):
                found.append(os.path.join(dirpath, name))
    return found, errors


def expand(args: Sequence[str]) -> list[tuple[str, InputError | None]]:
    """Command-line arguments -> input paths, in a deterministic order.

    Files pass as given (load_path reports what is wrong with them); directories
    are searched recursively for *.txt, *.md, *.markdown, *.html, *.htm (sorted,
    hidden files and directories skipped); "-" (stdin) passes through. A missing
    path, a directory without a matching file or a folder that cannot be listed
    gives a (path, InputError) entry.
    """
    out: list[tuple[str, InputError | None]] = []
    for arg in args:
        if arg == "-":
            out.append((arg, None))
        elif os.path.isdir(arg):
            files, errors = _walk(arg)
            out.extend((f, None) for f in files)
            out.extend((e.path, e) for e in errors)
            if not files and not errors:
                out.append((arg, InputError(arg, "directory has no .txt, .md, .markdown, .html or .htm file")))
        elif os.path.lexists(arg):
            out.append((arg, None))
        else:
            out.append((arg, InputError(arg, "no such file or directory")))
    return out


# ------------------------------------------------------------------ front matter

_FRONT = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def front_matter_span(text: str) -> tuple[int, int] | None:
    """(start, end) of YAML front matter at the very top of ``text``, if any."""
    m = _FRONT.match(text)
    return (0, m.end()) if m else None


def front_matter(text: str) -> dict[str, str]:
    """Scalar values of the YAML front matter (``date``, ``region`` ...) as strings; {} if none or malformed."""
    m = _FRONT.match(text)
    if not m or not m.group(1):
        return {}
    import yaml

    try:
        data = yaml.safe_load(m.group(1))
    except Exception:  # yaml raises several error types on bad input; all mean "no front matter"
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, str] = {}
    for key, value in data.items():
        if value is None or isinstance(value, (dict, list, tuple, set)):
            continue
        text_value = value.isoformat() if hasattr(value, "isoformat") else str(value)
        out[str(key)] = text_value.strip()
    return out
