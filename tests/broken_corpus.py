"""A corpus of broken, hostile and odd inputs, generated at test time (nothing large is
committed: the big ones are small on disk, a zip of a highly compressible member).

``python tests/broken_corpus.py DIR`` writes them to DIR for a manual or bench run
(``nlp-pipeline batch DIR -o OUT``); tests import :func:`write_broken` and
:func:`write_readable`.
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_fixtures as F  # noqa: E402

MB = 1024 * 1024


def traditional(text: str) -> str:
    """Simplified → traditional through the bundled table read backwards (one to one)."""
    from nlp_pipeline.ingest.variants import table

    back: dict[str, str] = {}
    for t, s in sorted(table().items()):
        back.setdefault(s, chr(t))
    return "".join(back.get(ch, ch) for ch in text)


def big_text(path: Path, mb: float = 50) -> Path:
    """A text far over the character limit, written in chunks (no 50 MB string in memory)."""
    chunk = (F.seed_text() + "\n").encode("utf-8")
    with open(path, "wb") as fh:
        for _ in range(int(mb * MB / len(chunk)) + 1):
            fh.write(chunk)
    return path


def one_line_text(path: Path, mb: float = 5) -> Path:
    line = F.seed_text().replace("\n", "").replace("\r", "").encode("utf-8")
    path.write_bytes(line * (int(mb * MB / len(line)) + 1))
    return path


def far_cell_xlsx(path: Path) -> Path:
    """The seed sheet plus one cell at XFD1048576: a declared dimension of 17 billion cells."""
    import openpyxl

    src = path.parent / "_src"
    src.mkdir(exist_ok=True)
    wb = openpyxl.load_workbook(F.seed_xlsx(src))
    wb.active["XFD1048576"] = "备注"
    wb.save(path)
    return path


def bomb_docx(path: Path, mb: int = 200) -> Path:
    """A .docx whose document.xml inflates to ``mb`` MB (about 1/1000 of that on disk)."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            block = b" " * MB
            for _ in range(mb):
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def html_xls(path: Path) -> Path:
    """An .xls that is an HTML table: what many government systems export."""
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in F.seed_table())
    markup = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="gbk"></head>'
              f"<body><table border=1>{rows}</table></body></html>")
    path.write_bytes(markup.encode("gbk", errors="replace"))
    return path


def nul_text(path: Path) -> Path:
    text = F.seed_text()
    path.write_bytes(text.encode("utf-8").replace("\n".encode(), b"\x00\n", 40) + b"\x00" * 64)
    return path


def traditional_text(path: Path) -> Path:
    path.write_text(traditional(F.seed_text()), encoding="utf-8")
    return path


def deep_html(path: Path, depth: int = 10_000) -> Path:
    body = "".join(f"<p>{line}</p>" for line in F.NARRATIVE.split("\n"))
    path.write_text(f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>", encoding="utf-8")
    return path


def encrypted_pdf(path: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(72, 720, "Performance report")
    c.save()
    return path


def write_broken(tmp: Path, big: bool = True) -> dict[str, Path]:
    """Inputs that must each give one clear error. ``big``: include the size-limit cases
    (a 50 MB and a 5 MB text, written in under a second)."""
    tmp.mkdir(parents=True, exist_ok=True)
    out = {
        "empty": tmp / "empty.txt",
        "garbage": tmp / "garbage.txt",
        "chat": tmp / "chat.txt",
        "fake_docx": tmp / "fake.docx",
        "other_zip": tmp / "not_a_sheet.xlsx",
        "bomb_docx": bomb_docx(tmp / "bomb.docx"),
        "encrypted_pdf": encrypted_pdf(tmp / "locked.pdf"),
        "truncated_pdf": tmp / "cut.pdf",
        "truncated_docx": tmp / "cut.docx",
        "dash_name": tmp / "-report.txt",
    }
    out["empty"].write_bytes(b"")
    out["garbage"].write_bytes(bytes((k * 7919 + 13) % 256 for k in range(4000)))
    out["chat"].write_text("今天天气很好，我们去公园散步。\n晚上一起吃饭。\n", encoding="utf-8")
    out["fake_docx"].write_text("not a word file", encoding="utf-8")
    with zipfile.ZipFile(out["other_zip"], "w") as z:
        z.writestr("a.txt", "x")
    src = tmp / "_src"
    src.mkdir(exist_ok=True)
    data = F.narrative_pdf(src).read_bytes()
    out["truncated_pdf"].write_bytes(data[: len(data) // 2])
    data = F.seed_docx(src).read_bytes()
    out["truncated_docx"].write_bytes(data[: len(data) // 2])
    out["dash_name"].write_bytes(b"\x00\x01\x02" * 100)
    if big:
        out["big_text"] = big_text(tmp / "big.txt")
        out["one_line"] = one_line_text(tmp / "oneline.txt")
    return out


def write_readable(tmp: Path) -> dict[str, Path]:
    """Odd inputs that are reports all the same and must be read."""
    tmp.mkdir(parents=True, exist_ok=True)
    return {
        "html_xls": html_xls(tmp / "export.xls"),
        "nul_text": nul_text(tmp / "nul.txt"),
        "traditional": traditional_text(tmp / "traditional.txt"),
        "deep_html": deep_html(tmp / "deep.html"),
        "far_cell_xlsx": far_cell_xlsx(tmp / "far.xlsx"),
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "broken_corpus")
    for name, p in {**write_broken(target), **write_readable(target)}.items():
        print(f"{name}\t{p}\t{p.stat().st_size:,} bytes")
