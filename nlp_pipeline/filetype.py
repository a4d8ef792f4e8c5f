"""What a file really is, from its first bytes: a report named .pdf that is a PNG image
gets a message saying so, instead of a reader's "damaged PDF"."""
from __future__ import annotations

from pathlib import Path

from nlp_pipeline.errors import ReportError

# (magic bytes at offset 0, Chinese name, English name) of formats that are never a report
_NOT_REPORTS = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF87a", "GIF 图片", "a GIF image"),
    (b"GIF89a", "GIF 图片", "a GIF image"),
    (b"II*\x00", "TIFF 图片", "a TIFF image"),
    (b"MM\x00*", "TIFF 图片", "a TIFF image"),
    (b"Rar!\x1a\x07", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩包", "a gzip archive"),
    (b"\x7fELF", "程序文件", "a program"),
    (b"MZ", "Windows 程序文件", "a Windows program"),
    (b"ID3", "音频文件", "an audio file"),
    (b"OggS", "音频或视频文件", "an audio or video file"),
)
# images under their own names are scans of a report (the OCR reader); under a document's
# name they are still called what they are
_SCANS = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
_EXPECTED = {
    ".pdf": ("PDF 文件", "a PDF file"),
    ".docx": ("Word 文件", "a Word file"),
    ".doc": ("Word 文件", "a Word file"),
    ".xlsx": ("Excel 文件", "an Excel file"),
    ".xls": ("Excel 文件", "an Excel file"),
    ".html": ("网页文件", "a web page"),
    ".htm": ("网页文件", "a web page"),
    ".txt": ("文本文件", "a text file"),
    ".tsv": ("文本文件", "a text file"),
}


def sniff(head: bytes) -> tuple[str, str] | None:
    """(Chinese, English) name of a non-report format the bytes start with, or None."""
    if head[4:8] == b"ftyp":
        return "视频文件", "a video file"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return ("WebP 图片", "a WebP image") if head[8:12] == b"WEBP" else ("音频或视频文件", "an audio or video file")
    for magic, zh, en in _NOT_REPORTS:
        if head.startswith(magic):
            return zh, en
    return None


def _spaced(name: str) -> str:
    # a space between Chinese and a Latin word, as Chinese typesetting has it
    return " " + name if name[:1].isascii() else name


def check_report_file(path: str | Path) -> None:
    """Raise ReportError when the file is an image, an archive, a program or media, whatever
    its name says; anything else is left to the readers (a missing file too)."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return
    found = sniff(head)
    if found is None:
        return
    if head.startswith(_SCANS.get(p.suffix.lower(), ())):
        return  # a scanned page, read by OCR
    zh, en = found
    exp_zh, exp_en = _EXPECTED.get(p.suffix.lower(), ("报告文件", "a report file"))
    raise ReportError(
        str(path),
        f"不是{_spaced(exp_zh)}（实际是{_spaced(zh)}）：请换成报告本身的文件（文本、Word、Excel、网页或带文字层的 PDF）",
        f"not {exp_en} (it is {en}): give the report itself (text, Word, Excel, web page or a PDF with a text layer)",
    )
