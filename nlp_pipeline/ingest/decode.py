"""Bytes of a text file into text, with the encoding found and not guessed silently.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then
UTF-16 without a mark when the bytes show its zero-byte pattern; then GB18030 (which
covers GBK and GB2312). A candidate must decode strictly *and* read as text: mostly CJK,
ASCII and punctuation, few control characters. If none does, the file is not text.
"""
from __future__ import annotations

import codecs
import unicodedata

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]


class NotText(ValueError):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en


def plausibility(text: str) -> float:
    """Share of characters that ordinary report text is made of (on a sample of a long
    text: this loop is the slowest step of decoding, and a text is one kind throughout)."""
    if not text:
        return 0.0
    if len(text) > 300_000:
        mid = len(text) // 2
        text = text[:100_000] + text[mid - 50_000:mid + 50_000] + text[-100_000:]
    good = 0
    for ch in text:
        o = ord(ch)
        if ch in "\t\n\r" or 0x20 <= o < 0x7F:
            good += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF:
            good += 1
        elif 0x2000 <= o <= 0x25FF or 0x3400 <= o <= 0x4DBF or 0xFE30 <= o <= 0xFE4F:
            # punctuation (— … “”), ≥ ≤ × ①, arrows, and the box-drawing lines and blocks of
            # a form printed as text (┌─┬─┐ │ ■ □): a whole table of them is ordinary
            good += 1
        elif o >= 0xA0 and unicodedata.category(ch)[0] in "LNPSZ" and not (0xE000 <= o <= 0xF8FF):
            good += 0.5  # rarer letters and symbols count half: real, but suspect in bulk
    return good / len(text)


def _cjk_share(text: str) -> float:
    return sum(1 for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF) / max(1, len(text))


def _without_nul(text: str) -> str | None:
    """UTF-8 text with some NUL bytes (padding a system wrote between records or at the
    end) without them; None where NULs are so many that the bytes are UTF-16 or binary."""
    nul = text.count("\x00")
    if not nul or nul * 4 > len(text):
        return None
    return text.replace("\x00", "")


def decode(data: bytes, warnings: list[str] | None = None) -> tuple[str, str]:
    """(text, encoding). The BOM is removed from the text; offsets count from after it.

    Notes on what was repaired are appended to ``warnings``.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise NotText(f"文件以 {name} 字节序标记开头，但第 {exc.start} 字节处的数据无效",
                              f"{name} byte-order mark, but invalid data at byte {exc.start}") from exc
            return text, name
    sample_ok = 0.9
    try:
        text = data.decode("utf-8")
        if "\x00" not in text and plausibility(text) >= sample_ok:
            return text, "utf-8"
        stripped = _without_nul(text)
        if stripped is not None and plausibility(stripped) >= sample_ok:
            if warnings is not None:
                nul = len(text) - len(stripped)
                warnings.append(f"文本中有 {nul} 个空字符（NUL），已删除后读取 / {nul} NUL character(s) removed")
            return stripped, "utf-8"
    except UnicodeDecodeError:
        # a UTF-8 file cut inside a character, or with a stray bad byte, is still UTF-8:
        # read as GB18030 it would become plausible-looking nonsense
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(3, len(text) // 1000) and "\x00" not in text and plausibility(text) >= sample_ok:
            if warnings is not None:
                warnings.append(f"UTF-8 文本中有 {bad} 处无效字节，已替换为 U+FFFD / "
                                f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
            return text, "utf-8"
    candidates: list[tuple[float, str, str]] = []
    if len(data) % 2 == 0 and len(data) >= 4:
        even_zeros = data[0::2].count(0) / (len(data) / 2)
        odd_zeros = data[1::2].count(0) / (len(data) / 2)
        for codec, zeros in (("utf-16-le", odd_zeros), ("utf-16-be", even_zeros)):
            try:
                t = data.decode(codec)
            except UnicodeDecodeError:
                continue
            # Chinese UTF-16 has few zero bytes, so the text itself must look right
            score = plausibility(t) + (0.05 if zeros > 0.2 else 0.0)
            if "\x00" not in t and (zeros > 0.2 or _cjk_share(t) > 0.3):
                candidates.append((score, t, codec))
    try:
        t = data.decode("gb18030")
        if "\x00" not in t:
            candidates.append((plausibility(t) + 0.01, t, "gb18030"))
    except UnicodeDecodeError:
        pass
    candidates.sort(key=lambda c: -c[0])
    if candidates and candidates[0][0] >= sample_ok:
        return candidates[0][1], candidates[0][2]
    raise NotText("无法识别文件编码，或文件不是文本（已尝试 UTF-8、UTF-16、GB18030）",
                  "no encoding gives readable text (tried UTF-8, UTF-16, GB18030); not a text file?")
