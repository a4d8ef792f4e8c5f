"""A report served as JSON (an open-data platform's API response, a budget system's
export): the document is laid out as the sheet it stands for, so the form readers read it.

Keys become labels and values cells: a group of figures (项目资金: 年初预算数 … 得分) becomes a
header row over a value row, as the form prints it; a list of records (绩效指标) becomes a
table with the records' keys as its header; a list of sentences becomes one cell of lines;
other values a label cell and its value. Lines before and after the JSON (the platform's
description) are kept as rows of one cell.
"""
from __future__ import annotations

import json
import re

from nlp_pipeline.text.normalize import normalize

MIN_LEAVES = 8  # scalar values a JSON document holds at least to be read as a report
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_RE = re.compile(r"^[≥≤<>=]?\s*-?[\d,]+(?:\.\d+)?\s*%?$")


def _scalar(v) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v).strip()


def _leaves(v) -> int:
    if isinstance(v, dict):
        return sum(_leaves(x) for x in v.values())
    if isinstance(v, list):
        return sum(_leaves(x) for x in v)
    return 1


def _figures(d: dict) -> bool:
    """A group of figures laid out as a header row over a value row."""
    vals = [v for v in d.values() if _scalar(v)]
    nums = [v for v in vals if isinstance(v, (int, float)) or _NUMBER_RE.match(_cell(v) or "x")]
    return len(vals) >= 3 and len(nums) * 2 >= len(vals)


def _rows(key: str | None, v, out: list[list[str]]) -> None:
    if _scalar(v):
        out.append([key or "", _cell(v)] if key else [_cell(v)])
    elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
        head: list[str] = []
        for x in v:
            head += [k for k in x if k not in head and _scalar(x[k])]
        if key:
            out.append([key])
        out.append(list(head))
        out.extend([_cell(x.get(k)) for k in head] for x in v)
    elif isinstance(v, list):
        items = [_cell(x) for x in v if _scalar(x)]
        out.append(([key] if key else []) + ["\n".join(items)])
        for x in v:
            if not _scalar(x):
                _rows(None, x, out)
    elif isinstance(v, dict):
        figures = _figures(v)
        if figures:
            scal = [k for k, x in v.items() if _scalar(x)]
            out.append([key or ""] + scal)
            out.append([key or ""] + [_cell(v[k]) for k in scal])
        elif key:
            out.append([key])
        for k, x in v.items():
            if not (figures and _scalar(x)):
                _rows(k, x, out)


def json_table(text: str) -> list[list[str]] | None:
    """The rows of the sheet a JSON report stands for, None where the text holds no JSON
    document with Chinese keys and enough values to be a report."""
    # (full-width digits and marks, ２００ or ：, are the same JSON: read through the
    # width-normalised text, which keeps every offset)
    plain = normalize(text)
    if len(plain) != len(text):
        plain = text
    start = next((m.start() for m in re.finditer(r"(?m)^[ \t]*[\[{]", plain)), None)
    if start is None:
        return None
    at = start + len(plain[start:]) - len(plain[start:].lstrip())
    try:
        doc, end = json.JSONDecoder().raw_decode(plain, at)
    except ValueError:
        return None
    if not isinstance(doc, (dict, list)) or _leaves(doc) < MIN_LEAVES or not _CJK_RE.search(json.dumps(doc, ensure_ascii=False)[:2000]):
        return None
    out: list[list[str]] = [[ln.strip()] for ln in text[:start].splitlines() if ln.strip()]
    _rows(None, doc, out)
    out += [[ln.strip()] for ln in text[end:].splitlines() if ln.strip()]
    return out
