"""Scans made at test time from the invented reports in tests/data/ocr (no binary fixtures).

Each report's text version is its gold: tab-separated lines are rows of a ruled form
(a row with fewer cells than its table lets the last cell span the rest), other lines are
prose, wrapped to the page width with the full-width indent they carry. The page is drawn
with Pillow and a CJK font from Debian (fonts-wqy-microhei), then damaged the way scans
are: turned 90/180 degrees, skewed, stamped with a red seal, noisy, at 150 dpi.
"""
from __future__ import annotations

import io
import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OCR_DATA = ROOT / "tests" / "data" / "ocr"
FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
# what each fixture kind does to the page: (dpi, damage)
KINDS = {
    "clean300": (300, ()),
    "clean150": (150, ()),
    "rot90": (300, ("rot90",)),
    "rot180": (200, ("rot180",)),
    "skew": (300, ("skew",)),
    "seal": (300, ("seal",)),
    "noise150": (150, ("noise", "jpeg")),
}


def font_path() -> str | None:
    for p in FONT_PATHS:
        if Path(p).exists():
            return p
    return None


def sources() -> list[Path]:
    return sorted(OCR_DATA.glob("ocr_*.txt"))


def _font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(font_path(), size)


def _wrap(text: str, font, width: float) -> list[str]:
    """Break at any character (Chinese has no spaces), never past ``width``."""
    lines, cur = [], ""
    for ch in text:
        if cur and font.getlength(cur + ch) > width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur or not lines:
        lines.append(cur)
    return lines


def _blocks(text: str) -> list[tuple[str, list]]:
    """('prose', line) and ('table', [rows]) in order; blank lines are ('gap', '')."""
    out: list[tuple[str, list]] = []
    for line in text.rstrip("\n").split("\n"):
        if "\t" in line:
            if out and out[-1][0] == "table":
                out[-1][1].append(line.split("\t"))
            else:
                out.append(("table", [line.split("\t")]))
        elif line.strip():
            out.append(("prose", line))
        else:
            out.append(("gap", ""))
    return out


def render_pages(text: str, dpi: int = 300, landscape: bool | None = None) -> list:
    """The report drawn on A4 pages (landscape when it holds a wide table)."""
    from PIL import Image, ImageDraw

    blocks = _blocks(text)
    ncols = max((len(r) for kind, rows in blocks if kind == "table" for r in rows), default=0)
    if landscape is None:
        landscape = ncols > 6
    w_in, h_in = (11.69, 8.27) if landscape else (8.27, 11.69)
    W, H = int(w_in * dpi), int(h_in * dpi)
    margin = int(0.7 * dpi)
    size = round(10 * dpi / 72)  # 10 pt
    font, title_font = _font(size), _font(round(15 * dpi / 72))
    pad, lead = size // 2, int(size * 1.5)
    avail = W - 2 * margin
    pages = []
    page = draw = None
    y = 0

    def new_page():
        nonlocal page, draw, y
        page = Image.new("RGB", (W, H), "white")
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = margin

    def need(h: int):
        if page is None or y + h > H - margin:
            new_page()

    first = True
    for kind, body in blocks:
        if kind == "gap":
            y += lead // 2
            continue
        if kind == "prose":
            f = title_font if first else font
            first = False
            indent = len(body) - len(body.lstrip("　"))
            lines = _wrap(body.lstrip("　"), f, avail - indent * size)
            for k, line in enumerate(lines):
                need(int(f.size * 1.6))
                x = margin + (indent * size if k == 0 else 0)
                if f is title_font:
                    x = margin + max(0, (avail - f.getlength(line)) / 2)
                draw.text((x, y), line, font=f, fill="black")
                y += int(f.size * 1.6)
            continue
        first = False
        # consecutive rows with the same number of cells share a column grid, as the
        # sections of a printed form do; a shorter row's last cell spans the rest
        runs: list[list[list[str]]] = []
        for r in body:
            if runs and len(runs[-1][0]) == len(r):
                runs[-1].append(r)
            else:
                runs.append([r])
        for rows in runs:
            n = len(rows[0])
            nat = [0.0] * n
            for r in rows:
                for k, c in enumerate(r):
                    nat[k] = max(nat[k], min(font.getlength(c), 9 * size) + 2 * pad)
            nat = [max(v, 2 * size + 2 * pad) for v in nat]
            scale = avail / sum(nat)
            widths = [v * scale for v in nat]
            xs = [margin + sum(widths[:k]) for k in range(n + 1)]
            for r in rows:
                cells = [(xs[k], xs[k + 1], _wrap(c, font, xs[k + 1] - xs[k] - 2 * pad) if c else [])
                         for k, c in enumerate(r)]
                h = max(max((len(c[2]) for c in cells), default=1), 1) * lead + pad
                need(h)
                for x0, x1, lines in cells:
                    draw.rectangle([x0, y, x1, y + h], outline="black", width=max(1, dpi // 100))
                    for j, line in enumerate(lines):
                        draw.text((x0 + pad, y + pad // 2 + j * lead + (lead - size) // 2), line, font=font,
                                  fill="black")
                y += h
        y += lead // 2
    return pages


def _seal(img, rng: random.Random):
    """A round red seal with its text, blended over whatever lies beneath."""
    from PIL import Image, ImageDraw

    W, H = img.size
    r = int(min(W, H) * 0.09)
    cx, cy = int(W * rng.uniform(0.55, 0.8)), int(H * rng.uniform(0.2, 0.8))
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = (220, 30, 40, 170)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=max(3, r // 14))
    star = [(cx + r * 0.3 * math.cos(math.pi / 2 + k * 4 * math.pi / 5), cy - r * 0.3 * math.sin(math.pi / 2 + k * 4 * math.pi / 5))
            for k in range(5)]
    d.polygon(star, fill=red)
    f = _font(int(r * 0.28))
    label = "青禾县财务专用章"
    for k, ch in enumerate(label):
        a = math.pi * (1.15 - 1.3 * k / (len(label) - 1))
        d.text((cx + r * 0.72 * math.cos(a) - f.size / 2, cy - r * 0.72 * math.sin(a) - f.size / 2), ch, font=f, fill=red)
    out = img.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB")


def damage(img, kinds: tuple[str, ...], seed: int = 0):
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    for kind in kinds:
        if kind == "seal":
            img = _seal(img, rng)
        elif kind == "skew":
            img = img.rotate(rng.choice((-1, 1)) * rng.uniform(1.5, 2.5), resample=Image.BICUBIC,
                             expand=True, fillcolor="white")
        elif kind == "rot90":
            img = img.transpose(Image.ROTATE_90)
        elif kind == "rot180":
            img = img.transpose(Image.ROTATE_180)
        elif kind == "noise":
            import numpy as np

            a = np.asarray(img.filter(ImageFilter.GaussianBlur(0.6))).astype(np.int16)
            nrng = np.random.default_rng(seed)
            a = a + nrng.normal(0, 12, a.shape).astype(np.int16)
            speck = nrng.random(a.shape[:2]) < 0.002
            a[speck] = 0
            img = Image.fromarray(np.clip(a, 0, 255).astype("uint8"))
        elif kind == "jpeg":
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=60)
            img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img


def make_scan(src: Path, out: Path, kind: str = "clean300", fmt: str = "pdf") -> Path:
    """Write ``src`` as a scan of fixture ``kind``: an image-only PDF, or one image per page
    (.png/.jpg/.tif; a .tif holds every page)."""
    dpi, kinds = KINDS[kind]
    text = src.read_text(encoding="utf-8")
    pages = [damage(p, kinds, seed=k) for k, p in enumerate(render_pages(text, dpi))]
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "pdf":
        pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    elif fmt == "tif":
        pages[0].save(out, "TIFF", compression="tiff_lzw", dpi=(dpi, dpi), save_all=True, append_images=pages[1:])
    elif fmt in ("png", "jpg"):
        if len(pages) > 1:
            raise ValueError("one image holds one page: use pdf or tif for longer reports")
        pages[0].save(out, "PNG" if fmt == "png" else "JPEG", dpi=(dpi, dpi), **({"quality": 90} if fmt == "jpg" else {}))
    return out
