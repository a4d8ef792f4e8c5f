"""Indicator tables whose cells the reader had to guess and whose rows do not check out.

A form whose cells were printed with nothing between them (a .docx re-posted on a
document-sharing site, OCR of a page) is cut back into cells by the shapes of the values
(glued.py). Where that cut is wrong, every check on the rows reports the reader's error
as the report's: a 「4」 and a 「4」 read as a weight of 44 with no score, a name cut after
its first word, an OCR'd ≥ read as the digit 2 (「90%」 then 「290%」). Such a table is
marked doubtful; the detectors set aside what rests on it, and the report says so.

A row is suspect when what was read cannot be a row of such a form: a name that is a
number or a bare label, a score above its weight, a weight above 100, a number that is
another number of the row written twice (「44」 「1010」: two cells run together), or a
value that is another cell of the row behind a 2 (an OCR'd ≥). The signs need no
knowledge of the page; one suspect row is a slip, a share of them is a misread table.
"""
from __future__ import annotations

from .table import _CJK_RE, _number, match_header, squeeze
from .table_lexicon import table_lexicon


def _value_words() -> frozenset[str]:
    return frozenset(squeeze(w) for w in table_lexicon().value_words)

DOUBT_SHAPES = ("flattened",)  # shapes whose cells the reader cuts by guesswork
DOUBT_SHARE = 0.25  # share of suspect rows from which a table's reading is doubtful
DOUBT_MIN_ROWS = 3  # rows a table needs before a share of them says anything
# what a name cut in the wrong place is left as: a column's label, or a bound's word torn
# from its figure (「95%」「以上」)
_BARE_LABELS = frozenset({"指标", "任务", "项目", "三级指标", "二级指标", "一级指标", "指标名称",
                          "以上", "以下", "以内", "左右", "及以上", "及以下"})
_OCR_MARKS = "$^"  # what OCR makes of ≥, ≤ and % where a figure cell holds none


def _twice(s: str) -> bool:
    """「44」 「1010」 「12.512.5」: one figure written twice (two cells run together)."""
    n = len(s)
    return n >= 2 and n % 2 == 0 and s[: n // 2] == s[n // 2:] and _number(s[: n // 2]) is not None


def row_suspect(values: dict[str, str | None]) -> list[str]:
    """Why a row read from a glued table cannot be a row of a form (empty: it can)."""
    why = []
    name = (values.get("name") or "").strip()
    if not name or name[0].isdigit() or len(_CJK_RE.findall(name)) < 2 or name in _BARE_LABELS \
            or squeeze(name) in _value_words() or match_header(name) is not None:
        # (a result word, 完成, or a column's own label, 单项指标完成情况, read as the name:
        # the columns slid)
        why.append("name")
    w, s = _number(values.get("weight") or ""), _number(values.get("score") or "")
    if w is not None and s is not None and s > w:
        why.append("score>weight")
    if w is not None and w > 100:
        why.append("weight>100")
    cells = {c: (values.get(c) or "").strip() for c in ("target", "actual", "weight", "score")}
    if any(_twice(v) for v in cells.values()):
        why.append("twice")
    if any(m in v for v in cells.values() for m in _OCR_MARKS):
        why.append("ocr")
    target = cells["target"]
    if target and cells["actual"] == "2" + target:
        why.append("ocr>=")
    return why


_VALUE_DOUBTS = frozenset({"name", "ocr", "ocr>="})  # what makes a row's own name, target and actual unsure


def doubtful_spans(tables) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str]]:
    """Spans of the tables whose reading is doubtful, the spans of their rows whose name,
    target and actual still read soundly (the doubt is in their weights and scores), and
    a warning for each table."""
    spans, sound, warnings = [], [], []
    for tb in tables:
        if tb.shape not in DOUBT_SHAPES or len(tb.rows) < DOUBT_MIN_ROWS:
            continue
        why = [row_suspect(r.values) for r in tb.rows]
        suspect = [w for w in why if w]
        if len(suspect) / len(tb.rows) < DOUBT_SHARE:
            continue
        spans.append((min(r.start for r in tb.rows), max(r.end for r in tb.rows)))
        sound += [(r.start, r.end) for r, w in zip(tb.rows, why) if not _VALUE_DOUBTS & set(w)]
        warnings.append(
            f"指标表单元格粘连，{len(tb.rows)}行中{len(suspect)}行读取不合常理，据此表的核对结果已略去 / "
            f"the indicator table's cells run together and {len(suspect)} of its {len(tb.rows)} rows "
            "read as no form's row can be: checks resting on it were set aside")
    return spans, sound, warnings
