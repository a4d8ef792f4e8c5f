"""Report header: title, organisation, evaluated year, currency unit."""
from __future__ import annotations

import re

from nlp_pipeline.text.normalize import normalize

from .labels import currency_re, lexicon, squeeze, title_cues

_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")


def currency_unit(text: str) -> str | None:
    norm = normalize(text)
    m = currency_re().search(norm)
    if m is None:
        m = re.search(lexicon()["header"]["currency_in_label"], norm)
    if m is None:
        # a cell that is only the unit, under or beside the budget label （万元）
        m = re.search(r"(?:^|[\t ]|\|)[（(]\s*(亿元|万元|千元|元)\s*[)）](?=[\t ]|\||$)", norm, re.M)
    return m.group(1) if m else None


def year_line(line: str) -> int | None:
    """The year of a line that says only that: （2023年度）."""
    m = re.match(lexicon()["header"]["year_line"], normalize(line).strip())
    return int(m.group(1)) if m else None


FIELD_LABEL = 8  # characters before a colon that make a line a field (关键词：…), not a title


def is_title(line: str) -> bool:
    s = squeeze(line)
    if any(ch in line.strip()[:FIELD_LABEL + 1] for ch in "：:"):
        return False  # 关键词：整体支出 绩效自评, 标题：…: a web page's metadata field
    return 4 <= len(s) <= 60 and any(c in s for c in title_cues()) and not re.search(r"[。；]", line)


def year_of(text: str) -> int | None:
    m = _YEAR_RE.search(normalize(text))
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"\s*((?:19|20)\d{2})(?:\.0)?\s*", normalize(text))
    return int(m.group(1)) if m else None


def organisation_from_title(title: str) -> str | None:
    """The name before the year in 某某局2022年度部门整体支出绩效自评报告."""
    norm = normalize(title)
    if norm.startswith("在") and any(w in norm for w in ("讲话", "会上", "发言")):
        return None  # 在全局…总结会上的讲话: the title names an occasion, not a unit
    m = _YEAR_RE.search(norm)
    cut = m.start() if m else None
    if cut is None:
        stops = [norm.find(w) for w in lexicon()["header"]["title_org_stops"] if w in norm]
        cut = min(stops) if stops else None
    if not cut:
        return None
    org = title[:cut].strip(" \t\u3000：:（(")
    if not org or any(c in squeeze(org) for c in title_cues()):
        return None  # 项目支出绩效自评表(2023年度): the title names no organisation
    return org
