"""Property tests for the readers: on any text, read_text raises nothing but ReportError,
and every paragraph (indicator names and results included) maps back to Report.text
exactly where its segments say so.

CI runs 200 examples per property; a bench run sets NLP_PIPELINE_PROPERTY_EXAMPLES
(e.g. 10000) for more.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ingest_fixtures as F
from nlp_pipeline.errors import ReportError
from nlp_pipeline.ingest import read_bytes, read_text
from nlp_pipeline.ingest.variants import to_simplified

EXAMPLES = int(os.environ.get("NLP_PIPELINE_PROPERTY_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("NLP_PIPELINE_PROPERTY_EXAMPLES"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_SEED_LINES = [ln for ln in F.seed_text().split("\n") if ln.strip()]
_NARRATIVE_LINES = [ln for ln in F.NARRATIVE.split("\n") if ln.strip()]
_HEADINGS = ["一、年度目标完成情况", "二、存在的问题", "三、改进措施", "（一）主要做法", "1.", "任务1", "绩效指标",
             "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分", "总分\t100\t96.5",
             "项目名称：某某项目", "预算执行率：97.54%", "目标1：", "其中：", "第 2 页 共 4 页", "— 3 —"]
_PIECES = ["|", "｜", "\t", " ", "\u3000", "    ", "：", "。", "；", "%", "万元", "100", "3.5", "-", "=", "（", "）",
           "完成", "指标", "一、", "1、", "(1)", "\r", "\x0b", "<", "&amp;", "繁體", "著"]

_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_ascii = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
_odd = st.sampled_from(list("\t|｜\u3000\xa0\r，。；：、（）()%‰—-·…\ufeff\u200b"))
_word = st.text(st.one_of(_cjk, _ascii, _odd), min_size=1, max_size=12)
_line = st.one_of(
    st.sampled_from(_SEED_LINES), st.sampled_from(_NARRATIVE_LINES), st.sampled_from(_HEADINGS),
    st.lists(st.one_of(st.sampled_from(_PIECES), _word, st.integers(-10**6, 10**9).map(str)), max_size=12).map("".join),
    st.lists(st.one_of(_word, st.sampled_from(_PIECES)), min_size=2, max_size=8).map("|".join),
    st.lists(_word, min_size=2, max_size=8).map("\t".join),
)
_text = st.lists(_line, min_size=1, max_size=60).map("\n".join)


def _check(report, original: str | None = None) -> None:
    text = report.text
    if original is not None:
        assert text.replace("\n", "") == original.replace("\n", "")  # only line breaks added
    simplified = "繁体" in " ".join(report.warnings)
    for p in report.paragraphs():
        assert 0 <= p.start <= p.end <= len(text), p
        for ts, os_, ln in p.segments:
            assert 0 <= os_ and os_ + ln <= len(text) and ts + ln <= len(p.text), (p.id, p.segments)
            got = text[os_:os_ + ln]
            assert (to_simplified(got) if simplified else got) == p.text[ts:ts + ln], (p.id, got, p.text[ts:ts + ln])
    for t in report.tasks:
        for ind in t.indicators:
            q = ind.name_paragraph
            if q is None:
                continue
            if not q.segments:
                got = text[q.start:q.end]
                assert (to_simplified(got) if simplified else got) == q.text, (q.id, got, q.text)
            for ts, os_, ln in q.segments:
                got = text[os_:os_ + ln]
                assert (to_simplified(got) if simplified else got) == q.text[ts:ts + ln], (q.id, got)


@SETTINGS
@given(_text)
def test_read_text_raises_only_report_errors_and_maps_back(text):
    try:
        report = read_text(text)
    except ReportError:
        return
    _check(report, text.replace("\r\n", "\n") if "\r" not in text else None)


@SETTINGS
@given(st.lists(_line, min_size=3, max_size=40), st.sampled_from(["utf-8", "gb18030", "utf-16"]),
       st.booleans())
def test_read_bytes_in_any_encoding_raises_only_report_errors(lines, encoding, nul):
    data = "\n".join(lines).encode(encoding, errors="ignore")
    if nul and encoding == "utf-8":
        data = data.replace(b"\n", b"\x00\n", 3)
    try:
        report = read_bytes(data, "<prop>", ".txt")
    except ReportError:
        return
    _check(report)


@SETTINGS
@given(st.lists(st.lists(st.one_of(_word, st.sampled_from(_SEED_LINES + _HEADINGS)), max_size=8), min_size=1,
                max_size=30))
def test_html_tables_raise_only_report_errors(rows):
    from html import escape

    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    try:
        report = read_text(f"<html><body><table>{body}</table></body></html>")
    except ReportError:
        return
    _check(report)


def test_a_name_made_only_of_a_decoded_entity_is_no_indicator():
    # found by the property above: 「&amp;」 decodes to a character that maps to no text
    from nlp_pipeline.ingest import read_bytes

    text = "主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金\n部门整体支出绩效自评表\n||一|一|&amp;"
    _check(read_bytes(text.encode(), "x.txt", ".txt"))
