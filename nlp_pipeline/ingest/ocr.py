"""Scanned reports: page images read by RapidOCR, offline, on a CPU.

The PP-OCR detection, direction and recognition models ship inside the
``rapidocr-onnxruntime`` wheel (the ``ocr`` extra); nothing is downloaded. Each page is
cleaned (a red seal dropped by reading the red channel), turned upright (90/180 degrees)
and straightened (skew from the angle of the text boxes), then its boxes become the rows
and cells every other reader gives: a ruled form by its ruling lines (every cell kept,
the empty ones too, so columns stay columns), the rest as lines in reading order, cells
apart where the gap is wide, wrapped prose joined back into its paragraph. The text goes
through the same builder as every format. Each character keeps its page and box
(``Report.ocr_boxes``) so a finding can say where it is on the scan, and digits read with
low confidence are marked (``Report.low_confidence``) so no arithmetic rests on them.
"""
from __future__ import annotations

import io
import math
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Callable

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import OcrBox, Report

MISSING_ZH = ('读取扫描件（无文字层的 PDF、图片）需要 OCR 组件，当前未安装：请运行 pip install -e ".[ocr]"'
              '（或 pip install "nlp-pipeline[ocr]"）后再试')
MISSING_EN = ('reading a scan (a PDF without a text layer, an image) needs the OCR extra, which is not '
              'installed: run pip install -e ".[ocr]" (or pip install "nlp-pipeline[ocr]") and try again')
WARNING = "本报告为扫描件，文字由 OCR 识别，可能有识别错误 / this report is a scan; its text was read by OCR and may hold recognition errors"

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
PDF_DPI = 300
# a digit whose recognition probability is below this is not trusted for arithmetic
LOW_CONFIDENCE = 0.7
# boxes below this mean score are noise (a signature, a smudge): RapidOCR's own default
MIN_SCORE = 0.5
# the detector sees the page at most this large (pixels, longer side): text lines of a
# form stay well above its minimum size, and detection costs grow with the area
DET_SIDE = 1280
# the recogniser crops from the page at most this large (A4 at 300 dpi)
REC_SIDE = 3600

# Called with (page, pages, source) before each page is read; None: a line on stderr when
# a person is watching (a terminal, the main process), nothing in a batch worker.
progress: Callable[[int, int, str], None] | None = None


def is_image(data: bytes) -> bool:
    return data.startswith(IMAGE_MAGIC)


def available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except Exception:
        return False
    return True


_ENGINE = None


def engine():
    """The RapidOCR engine, made once per process (loading the models takes ~0.5 s)."""
    global _ENGINE
    if _ENGINE is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrMissing() from exc
        except Exception as exc:  # cv2 without its system libraries (libGL) and the like
            raise OcrMissing(str(exc)) from exc
        threads = int(os.environ.get("NLP_PIPELINE_OCR_THREADS", "0") or 0)
        kwargs = {"intra_op_num_threads": threads, "inter_op_num_threads": 1} if threads > 0 else {}
        _ENGINE = RapidOCR(**kwargs)
    return _ENGINE


class OcrMissing(Exception):
    def __init__(self, detail: str = ""):
        self.detail = detail
        super().__init__(detail or "rapidocr-onnxruntime is not installed")


# --- page images ----------------------------------------------------------------------


def image_pages(data: bytes, source: str) -> list:
    """Every page of a PNG/JPEG/TIFF file as an RGB Pillow image."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        frames = []
        for k in range(getattr(img, "n_frames", 1)):
            img.seek(k)
            frames.append(ImageOps.exif_transpose(img.copy()).convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ReportError(source, f"无法读取图片（文件损坏或不完整）：{exc}",
                          f"cannot read the image (damaged or incomplete): {exc}") from None
    return frames


def pdf_pages(data: bytes, source: str, dpi: int = PDF_DPI) -> list:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        raise ReportError(source, f"无法读取 PDF 文件（文件损坏或不完整）：{exc}",
                          f"cannot read the PDF (damaged or incomplete): {exc}") from None
    try:
        return [pdf[k].render(scale=dpi / 72).to_pil().convert("RGB") for k in range(len(pdf))]
    finally:
        pdf.close()


# --- one page -------------------------------------------------------------------------


@dataclass
class Item:
    """One recognised box: its text, the box (x0, y0, x1, y1) and per-character confidences."""

    text: str
    box: tuple[float, float, float, float]
    score: float
    confs: list[float] = field(default_factory=list)

    @property
    def h(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2

    @property
    def cy(self) -> float:
        return (self.box[1] + self.box[3]) / 2


def _gray(img):
    """The red channel as grey: a red seal turns almost white, black text stays black and
    text under the seal stays dark enough to read."""
    import numpy as np

    a = np.asarray(img)
    g = a[:, :, 0].astype(np.float32)
    # clearly red and light (a seal over paper, its text too): paper; red over black
    # text is darker than this and stays, as dark grey
    r = a[:, :, 0].astype(np.int16)
    red = (r > 170) & (r - np.maximum(a[:, :, 1], a[:, :, 2]).astype(np.int16) > 60)
    g[red] = 255
    # stretch so the paper is white and the ink black whatever the scanner's exposure
    lo, hi = np.percentile(g, 1), np.percentile(g, 99)
    if hi - lo > 40:
        g = np.clip((g - lo) * (255.0 / (hi - lo)), 0, 255)
    return g.astype(np.uint8)


def _detect(eng, gray):
    """Text quadrilaterals (N, 4, 2) on ``gray``, detected on a copy at most DET_SIDE large."""
    import cv2
    import numpy as np

    h, w = gray.shape
    f = min(1.0, DET_SIDE / max(h, w))
    small = cv2.resize(gray, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else gray
    boxes, _ = eng.text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
    if boxes is None or len(boxes) == 0:
        return np.zeros((0, 4, 2), np.float32)
    return (np.asarray(boxes, np.float32) / f).astype(np.float32)


def _long(quads):
    """Sides of each quad (along the first edge, across it) and which ones are clearly lines of text."""
    import numpy as np

    along = np.linalg.norm(quads[:, 1] - quads[:, 0], axis=1)
    across = np.linalg.norm(quads[:, 3] - quads[:, 0], axis=1)
    return along, across


def _rotate(gray, quads, angle_deg: float):
    """Turn the page by ``angle_deg`` (counter-clockwise, as the image is seen) and its quads with it."""
    import cv2
    import numpy as np

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle_deg, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    out = cv2.warpAffine(gray, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)
    if len(quads):
        pts = np.concatenate([quads.reshape(-1, 2), np.ones((quads.shape[0] * 4, 1), np.float32)], axis=1)
        quads = (pts @ m.T).reshape(-1, 4, 2).astype(np.float32)
    return out, quads


def _order(quads):
    """Each quad as top-left, top-right, bottom-right, bottom-left of its own upright box."""
    import numpy as np

    out = []
    for q in quads:
        s = q.sum(axis=1)
        d = q[:, 1] - q[:, 0]
        out.append([q[np.argmin(s)], q[np.argmin(d)], q[np.argmax(s)], q[np.argmax(d)]])
    return np.asarray(out, np.float32)


def _crops(eng, gray, quads):
    import cv2

    bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    return eng.get_crop_img_list(bgr, list(quads))


# a box that is one quantity, as a form's cell is: comparator, number, unit
_QUANTITY = re.compile(r"^[≥≤>＞<＜2]?[0-9][0-9.,%]*[\u4e00-\u9fff/%a-zA-Z]{0,4}$")
_TRAILING_SPECK = re.compile(r"\s+[*'`·.]+$")
SPECK = re.compile(r"^[.,'`*·:;、]+$")  # a box of nothing but dots and ticks: dirt on the scan
_ONE = re.compile(r"(?:(?<=^)|(?<=[\u4e00-\u9fff，。：；、（）]))[-－](?=[\u4e00-\u9fff])")


def repair(text: str, confs: list[float]) -> tuple[str, list[float]]:
    """The recogniser's own slips on forms, fixed where the context leaves no doubt:
    a ≥ read (unsure) as 2 or > before a target figure, a stray dot after a number
    (a speck), and 一 read as a hyphen between Chinese characters (-级指标)."""
    text = _TRAILING_SPECK.sub("", text)
    confs = confs[:len(text)]
    if re.fullmatch(r"[≥≤]?\d+[:：]\d+%", text):
        text = re.sub(r"(?<=\d)[:：](?=\d)", ".", text)  # 98:30% is 98.30%: a rate has no colon
    if len(text) > 1 and text[0] in ".,'`·" and _QUANTITY.match(text[1:]):
        # a speck or a stroke of a seal before a figure: no number starts with a dot
        text, confs = text[1:], confs[1:]
    if _QUANTITY.match(text):
        if text[0] in "2>＞" and len(text) > 1 and text[1].isdigit() and confs and confs[0] < 0.6:
            text = "≥" + text[1:]
        elif text[0] in "<＜" and len(text) > 1 and text[1].isdigit() and confs and confs[0] < 0.6:
            text = "≤" + text[1:]
        core = text.rstrip(".")
        if core != text and core[-1:].isdigit():
            confs = confs[:len(core)]
            text = core
    if "-" in text or "－" in text:
        text = _ONE.sub("一", text)
    return text, confs


def _upside_down(eng, crops, along, across) -> bool:
    """The direction classifier's vote over (a sample of) the page's long lines. Single
    lines are never flipped on their own: the classifier misreads a few (93% as %86)."""
    sample = [c for c, a, b in zip(crops, along, across) if a > 3 * b][:24]
    if len(sample) < 3:
        return False
    _, res, _ = eng.text_cls(sample)
    return sum(lab == "180" and conf > 0.8 for lab, conf in res) > 0.6 * len(sample)


# the recogniser picks full- or half-width digits and Latin letters at random (the glyphs
# on paper are the same): they come out half-width, as typed reports have them
_HALF = {c: c - 0xFEE0 for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))}
_HALF[ord("％")] = ord("%")

# a short box is read padded to this width (pixels at the recogniser's height of 48):
# narrower, a lone 0 comes back as o; the default 320 makes every short cell cost a long one
_MIN_REC_WIDTH = 192


def _recognise(eng, crops) -> list[tuple[str, float, list[float]]]:
    """Text, mean confidence and per-character confidences of each crop, one at a time
    (batches pad every crop to the widest and cost more than they save on one core)."""
    import numpy as np

    rec = eng.text_rec
    chars = rec.postprocess_op.character
    out = []
    for crop in crops:
        ratio = crop.shape[1] / max(1, crop.shape[0])
        width = max(_MIN_REC_WIDTH, int(math.ceil(48 * ratio / 8)) * 8)
        batch = rec.resize_norm_img(crop, width / 48)[np.newaxis].astype(np.float32)
        preds = rec.session(batch)[0][0]
        idx, prob = preds.argmax(1), preds.max(1)
        keep = idx != 0  # CTC: drop blanks and repeats
        keep[1:] &= idx[1:] != idx[:-1]
        confs = prob[keep].tolist()
        text = "".join(chars[t] for t in idx[keep])
        out.append((text, float(np.mean(confs)) if confs else 0.0, confs))
    return out


def read_page(img) -> tuple[list[Item], object, int]:
    """The recognised boxes of one page image, the upright grey page, and the turn applied (degrees)."""
    import cv2
    import numpy as np

    eng = engine()
    gray = _gray(img)
    h, w = gray.shape
    if max(h, w) > REC_SIDE:
        f = REC_SIDE / max(h, w)
        gray = cv2.resize(gray, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA)
    turned = 0
    quads = _detect(eng, gray)
    if len(quads):
        along, across = _long(quads)
        boxy = np.maximum(along, across) > 2.5 * np.minimum(along, across)
        wide = (np.abs(quads[:, 1, 0] - quads[:, 0, 0]) + np.abs(quads[:, 2, 0] - quads[:, 3, 0])) / 2
        tall = (np.abs(quads[:, 3, 1] - quads[:, 0, 1]) + np.abs(quads[:, 2, 1] - quads[:, 1, 1])) / 2
        if boxy.sum() >= 3 and (tall[boxy] > wide[boxy]).mean() > 0.6:
            # lines of text run down the page: it lies on its side
            gray = np.ascontiguousarray(np.rot90(gray, -1))
            turned = 90
            quads = _detect(eng, gray)
    if not len(quads):
        return [], gray, turned
    quads = _order(quads)
    # skew: the median slope of the long boxes' top edges
    along, across = _long(quads)
    longish = along > 3 * across
    if longish.sum() >= 3:
        d = quads[longish, 1] - quads[longish, 0]
        angle = float(np.degrees(np.median(np.arctan2(d[:, 1], d[:, 0]))))
        if 0.25 < abs(angle) < 15:
            gray, quads = _rotate(gray, quads, angle)
            quads = _order(quads)
    crops = _crops(eng, gray, quads)
    if _upside_down(eng, crops, along, across):
        # upside down: turn the page, not each line, so the reading order is right too
        H, W = gray.shape
        gray = np.ascontiguousarray(np.rot90(gray, 2))
        turned = (turned + 180) % 360
        quads = _order(np.stack([W - 1 - quads[..., 0], H - 1 - quads[..., 1]], axis=-1).astype(np.float32))
        crops = _crops(eng, gray, quads)
    items = []
    for q, (text, score, confs) in zip(quads, _recognise(eng, crops)):
        # the recogniser reads the space a box leaves at its end as a character
        lead = len(text) - len(text.lstrip())
        text, confs = text.strip().translate(_HALF), confs[lead:lead + len(text.strip())]
        if not text or score < MIN_SCORE:
            continue
        text, confs = repair(text, confs)
        if not text or SPECK.match(text):
            continue
        x0, y0 = float(q[:, 0].min()), float(q[:, 1].min())
        x1, y1 = float(q[:, 0].max()), float(q[:, 1].max())
        items.append(Item(text, (x0, y0, x1, y1), score, confs))
    return items, gray, turned


# --- rows and cells from boxes --------------------------------------------------------


def _segments(mask, horizontal: bool, min_len: int):
    """Ruling lines in a binary mask: (position, start, end) for each."""
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for k in range(1, n):
        x, y, w, h, _ = stats[k]
        if horizontal and w >= min_len and h <= max(8, w // 20):
            out.append((y + h / 2, x, x + w))
        elif not horizontal and h >= min_len and w <= max(8, h // 20):
            out.append((x + w / 2, y, y + h))
    return out


def _rules(gray, text_h: float = 0.0):
    """Horizontal and vertical ruling lines of a form page (a vertical one longer than the
    text is high: the strokes of 开 or 1 are no rules)."""
    import cv2

    h, w = gray.shape
    ink = (gray < 150).astype("uint8") * 255
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // 40), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(20, h // 60)))
    hmask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, hk)
    vmask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, vk)
    # bridge the breaks a scan leaves in a ruling line
    hmask = cv2.dilate(hmask, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vmask = cv2.dilate(vmask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return _segments(hmask, True, max(40, w // 12)), _segments(vmask, False, int(max(20, h // 80, 1.2 * text_h)))


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


@dataclass
class Unit:
    """A row of the page in reading order: cells of items (a form row has every ruled cell)."""

    top: float
    cells: list[list[Item]]
    prose: bool = False  # a line outside any ruled table, joinable with the next


def _join_cell(items: list[Item]) -> list[list[Item]]:
    """The items of one ruled cell as its lines, top to bottom, left to right."""
    lines: list[list[Item]] = []
    for it in sorted(items, key=lambda i: i.cy):
        if lines and abs(it.cy - sum(i.cy for i in lines[-1]) / len(lines[-1])) < 0.5 * it.h:
            lines[-1].append(it)
        else:
            lines.append([it])
    return [sorted(line, key=lambda i: i.box[0]) for line in lines]


def _tables(items: list[Item], hsegs, vsegs, gray=None) -> tuple[list[Unit], set[int]]:
    """Rows of the ruled tables on a page, and the ids of the items they took."""
    units: list[Unit] = []
    taken: set[int] = set()
    if len(hsegs) < 2 or len(vsegs) < 2:
        return units, taken
    med_h = sorted(i.h for i in items)[len(items) // 2] if items else 20
    ys = _cluster([s[0] for s in hsegs], med_h * 0.4)
    for top, bottom in zip(ys, ys[1:]):
        if bottom - top < med_h * 0.8:
            continue
        mid = (top + bottom) / 2
        # the ruled cells of this band: vertical lines crossing its middle, inside a
        # horizontal line above and below
        span = [s for s in hsegs if abs(s[0] - top) < med_h * 0.4]
        if not span:
            continue
        left, right = min(s[1] for s in span), max(s[2] for s in span)
        xs = _cluster([v[0] for v in vsegs if v[1] <= mid <= v[2] and left - med_h <= v[0] <= right + med_h],
                      med_h * 0.5)
        if len(xs) < 2:
            continue
        cells: list[list[Item]] = [[] for _ in range(len(xs) - 1)]
        for k, it in enumerate(items):
            if k in taken or not (top <= it.cy <= bottom) or not (xs[0] <= it.cx <= xs[-1]):
                continue
            for c in range(len(xs) - 1):
                if xs[c] <= it.cx < xs[c + 1]:
                    cells[c].append(it)
                    taken.add(k)
                    break
        if gray is not None:
            for c, cell in enumerate(cells):
                if not cell:
                    cell.extend(_read_empty_cell(gray, top, bottom, xs[c], xs[c + 1], med_h))
        if any(cells):
            units.append(Unit(top=top, cells=cells))
    return units, taken


def _read_empty_cell(gray, top: float, bottom: float, left: float, right: float, med_h: float) -> list[Item]:
    """A ruled cell the detector found nothing in, read directly when it holds ink: a
    lone digit (a score of 8) is the text the detector most often misses."""
    import numpy as np

    m = int(max(4, med_h * 0.2))
    y0, y1, x0, x1 = int(top) + m, int(bottom) - m, int(left) + m, int(right) - m
    if y1 - y0 < med_h * 0.5 or x1 - x0 < med_h * 0.5:
        return []
    ink = gray[y0:y1, x0:x1] < 128
    if ink.sum() < max(20, 0.04 * med_h * med_h):
        return []
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows[-1] - rows[0] < med_h * 0.3:
        return []  # a speck or a stroke of the ruling, no character
    pad = int(med_h * 0.25)
    ya, yb = max(0, y0 + rows[0] - pad), min(gray.shape[0], y0 + rows[-1] + 1 + pad)
    xa, xb = max(0, x0 + cols[0] - pad), min(gray.shape[1], x0 + cols[-1] + 1 + pad)
    import cv2

    crop = cv2.cvtColor(np.ascontiguousarray(gray[ya:yb, xa:xb]), cv2.COLOR_GRAY2BGR)
    text, score, confs = _recognise(engine(), [crop])[0]
    lead = len(text) - len(text.lstrip())
    text, confs = text.strip().translate(_HALF), confs[lead:lead + len(text.strip())]
    if not text or score < MIN_SCORE:
        return []
    text, confs = repair(text, confs)
    if not text or SPECK.match(text):
        return []
    return [Item(text, (float(xa), float(ya), float(xb), float(yb)), score, confs)]


def _lines(items: list[Item]) -> list[Unit]:
    """Free lines: boxes grouped by vertical overlap, cells apart where the gap is wide."""
    rows: list[list[Item]] = []
    for it in sorted(items, key=lambda i: (i.cy, i.box[0])):
        for row in rows:
            y0 = min(i.box[1] for i in row)
            y1 = max(i.box[3] for i in row)
            overlap = min(y1, it.box[3]) - max(y0, it.box[1])
            if overlap > 0.5 * min(it.h, y1 - y0):
                row.append(it)
                break
        else:
            rows.append([it])
    units = []
    for row in rows:
        row.sort(key=lambda i: i.box[0])
        h = sorted(i.h for i in row)[len(row) // 2]
        cells: list[list[Item]] = [[row[0]]]
        for it in row[1:]:
            if it.box[0] - cells[-1][-1].box[2] > 1.5 * h:
                cells.append([it])
            else:
                cells[-1].append(it)
        units.append(Unit(top=min(i.box[1] for i in row), cells=cells, prose=True))
    return units


_ITEM_START = re.compile(r"^\s*([0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]|[①-⑳])")


def _join_prose(units: list[Unit]) -> list[Unit]:
    """Lines of prose wrapped at the text's right edge continue into the next line."""
    prose = [u for u in units if u.prose and len(u.cells) == 1]
    if len(prose) < 2:
        return units
    rights = sorted(u.cells[-1][-1].box[2] for u in prose)
    lefts = sorted(u.cells[0][0].box[0] for u in prose)
    right = rights[int(len(rights) * 0.9)]
    left = lefts[int(len(lefts) * 0.1)]
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (prev is not None and prev.prose and u.prose and len(prev.cells) == 1 and len(u.cells) == 1):
            h = sorted(i.h for i in prev.cells[0])[len(prev.cells[0]) // 2]
            p_last, u_first = prev.cells[0][-1], u.cells[0][0]
            text = "".join(i.text for i in u.cells[0])
            if (p_last.box[2] >= right - 3 * h and u_first.box[0] <= left + 0.8 * h
                    and 0 <= u_first.box[1] - p_last.box[3] < 1.5 * h and not _ITEM_START.match(text)):
                prev.cells[0].extend(u.cells[0])
                continue
        out.append(u)
    return out


def page_units(items: list[Item], gray) -> list[Unit]:
    text_h = sorted(i.h for i in items)[len(items) // 2] if items else 0.0
    hsegs, vsegs = _rules(gray, text_h) if items else ([], [])
    tables, taken = _tables(items, hsegs, vsegs, gray)
    rest = [it for k, it in enumerate(items) if k not in taken]
    units = sorted(tables + _lines(rest), key=lambda u: u.top)
    return _join_prose(units)


# --- the report -----------------------------------------------------------------------


def _cell_text(items: list[Item]) -> tuple[str, list[tuple[Item, int]]]:
    """A cell's text and where each item starts in it: lines joined as one paragraph, a
    numbered item starting a new line (as the PDF reader does for wrapped cells)."""
    parts: list[str] = []
    where: list[tuple[Item, int]] = []
    pos = 0
    lines = _join_cell(items)
    for k, line in enumerate(lines):
        text = "".join(i.text for i in line)
        if k and _ITEM_START.match(text):
            parts.append("\n")
            pos += 1
        for it in line:
            where.append((it, pos))
            parts.append(it.text)
            pos += len(it.text)
    return "".join(parts), where


_DIGITS = re.compile(r"[0-9０-９][0-9０-９.,，．%％]*")


def _spans_low(text: str, confs: list[float], base: int) -> list[tuple[int, int]]:
    out = []
    for m in _DIGITS.finditer(text):
        if min(confs[m.start():m.end()], default=1.0) < LOW_CONFIDENCE:
            out.append((base + m.start(), base + m.end()))
    return out


def _watching() -> bool:
    import multiprocessing

    try:
        return sys.stderr.isatty() and multiprocessing.current_process().name == "MainProcess"
    except (AttributeError, ValueError):
        return False


def read_scan(pages: list, source: str) -> Report:
    """Recognise ``pages`` (Pillow images) and build the report from what they say."""
    from .builder import build
    from .grid import render

    try:
        engine()
    except OcrMissing as exc:
        zh, en = MISSING_ZH, MISSING_EN
        if exc.detail:
            zh += f"（OCR 组件无法加载：{exc.detail}）"
            en += f" (the OCR extra cannot be loaded: {exc.detail})"
        raise ReportError(source, zh, en) from None
    table: list[list[str]] = []
    # (row, column) -> [(item, offset in the cell, page)]
    placed: dict[tuple[int, int], list[tuple[Item, int, int]]] = {}
    turned_pages = []
    n = len(pages)
    for k, img in enumerate(pages, 1):
        if progress is not None:
            progress(k, n, source)
        elif _watching() and n > 1:
            print(f"\r识别扫描件 {source}：第 {k}/{n} 页", end="" if k < n else "\n", file=sys.stderr, flush=True)
        items, gray, turned = read_page(img)
        if turned:
            turned_pages.append((k, turned))
        for u in page_units(items, gray):
            row: list[str] = []
            for c, cell in enumerate(u.cells):
                text, where = _cell_text(cell)
                placed[(len(table), c)] = [(it, off, k) for it, off in where]
                row.append(text)
            table.append(row)
    text, rows = render(table)
    boxes: list[OcrBox] = []
    low: list[tuple[int, int]] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            for it, off, page in placed.get((r, c), ()):
                start = cell.start + off
                boxes.append(OcrBox(page=page, start=start, end=start + len(it.text),
                                    box=[round(v, 1) for v in it.box], score=round(it.score, 4)))
                low.extend(_spans_low(it.text, it.confs, start))
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    if cjk < 20:
        found = f"只识别到 {cjk} 个汉字" if cjk else "没有识别到任何文字"
        raise ReportError(source, f"扫描件中{found}（空白页、不是报告的图片或扫描质量太差），不像是绩效自评报告；请换成报告本身的扫描件或电子文件",
                          f"the scan holds {cjk} Chinese characters (a blank page, a picture of something "
                          "else or a very poor scan); this does not look like a performance self-evaluation report")
    report = build(source, "ocr", None, text, rows)
    report.ocr_boxes = boxes
    report.low_confidence = low
    report.warnings.insert(0, WARNING)
    for page, deg in turned_pages:
        report.warnings.append(f"第 {page} 页已旋转 {deg} 度后识别 / page {page} was turned {deg} degrees to read it")
    if low:
        report.warnings.append(f"有 {len(low)} 处数字识别置信度低，不参与数值核对 / {len(low)} numbers were read "
                               "with low confidence and are left out of the arithmetic checks")
    return report


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    a, b = span
    return any(s < b and a < e for s, e in spans)


# findings that rest on figures: one whose evidence lies on a line holding a digit read
# with low confidence is set aside (its figures may be misreadings, not the report's)
NUMERIC_CODES = frozenset({
    "ARITHMETIC_MISMATCH", "SCORE_MISMATCH", "RATE_OVER_100", "NUMBER_CONFLICT", "IMPLAUSIBLE_MAGNITUDE",
    "UNIT_MISMATCH", "INDICATOR_SHORTFALL", "DEVIATION_UNEXPLAINED",
})


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", max(start, end - 1))
    return a, len(text) if b < 0 else b


def set_aside(report: Report, findings: list) -> list:
    """The findings no low-confidence figure of a scan could have made; the rest are
    dropped and counted in a warning, so no arithmetic finding rests on a misreading."""
    # a scored row whose 分值 or 得分 the scan gave no number for (a cell read as nothing or
    # as a stray mark): the table's sums would rest on the rows that happen to be readable
    inds = [i for t in report.tasks for i in t.indicators]
    scored = [i for i in inds if i.weight is not None]
    gaps = len(scored) >= len(inds) / 2 and any(i.weight is None or i.score is None for i in inds) \
        and any(i.score is not None for i in inds)
    if not report.low_confidence and not gaps:
        return findings
    kept = [f for f in findings if f.code not in NUMERIC_CODES
            or not (any(_inside(_line_of(report.text, e.start, e.end), report.low_confidence) for e in f.evidence)
                    or (gaps and f.code == "SCORE_MISMATCH"))]
    if len(kept) < len(findings):
        n = len(findings) - len(kept)
        report.warnings.append(f"{n} 项数值核对结果涉及识别置信度低的数字，已略去 / {n} arithmetic findings "
                               "rested on numbers read with low confidence and were set aside")
    return kept


def mark_mentions(report: Report, mentions: list) -> list:
    """Flag the mentions that hold a low-confidence digit; return the ones arithmetic may use."""
    if not report.low_confidence:
        return mentions
    for m in mentions:
        m.low_confidence = _inside((m.start, m.end), report.low_confidence)
    return [m for m in mentions if not m.low_confidence]


def locate(report: Report, start: int, end: int) -> tuple[int, list[float]] | None:
    """The page and the box (union of the boxes on that page) that text[start:end] was read from."""
    hits = [b for b in report.ocr_boxes if b.start < max(end, start + 1) and start < b.end]
    if not hits:
        return None
    page = hits[0].page
    on = [b for b in hits if b.page == page]
    return page, [min(b.box[0] for b in on), min(b.box[1] for b in on),
                  max(b.box[2] for b in on), max(b.box[3] for b in on)]


def locate_findings(report: Report, findings: list) -> None:
    """Give each piece of evidence of a scanned report its page and box."""
    if not report.ocr_boxes:
        return
    for f in findings:
        for e in f.evidence:
            where = locate(report, e.start, e.end)
            if where is not None:
                e.page, e.box = where


def read_image(data: bytes, source: str) -> Report:
    return read_scan(image_pages(data, source), source)


def read_pdf_scan(data: bytes, source: str) -> Report:
    if not available():
        raise ReportError(source, "PDF 没有可用的文字层（可能是扫描件）。" + MISSING_ZH,
                          "the PDF has no usable text layer (a scan?). " + MISSING_EN)
    return read_scan(pdf_pages(data, source), source)


__all__ = ["read_image", "read_pdf_scan", "read_scan", "is_image", "available", "mark_mentions",
           "locate_findings", "IMAGE_SUFFIXES", "MISSING_ZH"]
