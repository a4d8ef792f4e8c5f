"""HTML pages rendered from hand-built analyses: escaping, highlighting, index order."""
from __future__ import annotations

import pandas as pd

from nlp_pipeline.report.html import highlight, render_index, render_report
from nlp_pipeline.report.testing import make_analysis

EVIL = "<script>alert(1)</script>"


def hostile():
    return make_analysis(
        [
            ("G1", f"目标{EVIL}完成改造12个小区"),
            ("G2", "提高群众满意度"),
            ("O1", f"完成改造12个小区，工作{EVIL}取得较好成效"),
            ("Q1", "资金<b>拨付</b>滞后 & 进度慢"),
            ("I1", "加快资金拨付"),
        ],
        organisation=f"某局{EVIL}",
        outcomes_to_goals={"O1": "G1"},
        problems_to_improvements={"Q1": "I1"},
        findings=[
            ("UNSUPPORTED_CLAIM", "medium", "O1", "取得较好成效"),
            ("NUMBER_CONFLICT", "high", "O1", "12个"),
            ("VAGUE_MEASURE", "low", "I1", ""),
        ],
    )


def test_report_text_is_escaped():
    page = render_report(hostile())
    assert "<script" not in page.lower()  # no script at all, injected or ours
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;拨付&lt;/b&gt;" in page and "&amp; 进度慢" in page
    assert "Content-Security-Policy" in page


def test_evidence_is_marked_in_the_text():
    a = hostile()
    page = render_report(a)
    assert '<mark class="sev-medium" title="F2 结论缺少数据支撑 (UNSUPPORTED_CLAIM)">取得较好成效</mark>' in page
    assert '<mark class="sev-high" title="F1 同一指标数值不一致 (NUMBER_CONFLICT)">12个</mark>' in page
    # the low finding covers all of I1
    assert '<mark class="sev-low" title="F3 措施空泛 (VAGUE_MEASURE)">加快资金拨付</mark>' in page


def test_highlight_escapes_inside_marks_and_prefers_severity():
    a = make_analysis([("O1", "a<b>c")], score=False)
    p = a.report.paragraph("O1")
    s = p.start
    out = str(highlight(a.report.text, p, [(s, s + 3, "low", "x"), (s + 1, s + 2, "high", "<y>")]))
    assert out == (
        '<mark class="sev-low" title="x">a</mark><mark class="sev-high" title="&lt;y&gt;; x">&lt;</mark>'
        '<mark class="sev-low" title="x">b</mark>&gt;c'
    )


def test_findings_listed_by_severity_and_alignment_side_by_side():
    page = render_report(hostile())
    hi, me, lo = (page.index(f'id="F{n}"') for n in (1, 2, 3))
    assert hi < me < lo
    assert 'id="align-outcomes_to_goals"' in page and 'id="align-problems_to_improvements"' in page
    row = page[page.index('id="align-outcomes_to_goals"'):]
    assert "0.80" in row[: row.index("</table>")]  # the alignment score
    assert "（无对应内容）" in row[: row.index("</table>")]  # G2 has no outcome
    assert 'id="numbers-table"' in page and 'id="score-parts"' in page


def test_english_page():
    page = render_report(hostile(), lang="en")
    assert '<html lang="en">' in page
    assert "Findings (3)" in page.replace("（", " (").replace("）", ")")
    assert "Score" in page and "higher is less risky" in page
    assert "NUMBER_CONFLICT: problem in O1" in page  # message_en


def test_index_sorted_riskiest_first_and_escaped():
    reports = pd.DataFrame(
        [
            {"id": "b", "source": "b.txt", "title": "乙", "organisation": EVIL, "year": 2021, "score": 80.0, "n_findings": 1, "n_high": 0, "n_medium": 1, "n_low": 0},
            {"id": "a", "source": "a.txt", "title": "甲", "organisation": "甲局", "year": 2021, "score": 35.5, "n_findings": 9, "n_high": 3, "n_medium": 4, "n_low": 2},
            {"id": "c", "source": "c.txt", "title": None, "organisation": None, "year": None, "score": None, "n_findings": 0, "n_high": 0, "n_medium": 0, "n_low": 0},
        ]
    )
    errors = pd.DataFrame([{"source": "x.pdf", "stage": "read", "error_type": "ReportError", "reason": "无法读取", "reason_en": "unreadable"}])
    page = render_index(reports, errors)
    assert page.index("reports/c.html") < page.index("reports/a.html") < page.index("reports/b.html")
    assert EVIL not in page and "&lt;script&gt;" in page
    # one script, ours, and the policy lets only it run
    from nlp_pipeline.report.html import INDEX_SCRIPT, script_hash

    assert page.count("<script") == 1 and f"<script>{INDEX_SCRIPT}</script>" in page
    assert f"script-src '{script_hash(INDEX_SCRIPT)}'" in page and "unsafe-inline'; img" in page
    assert "x.pdf" in page and "无法读取" in page
    assert "unreadable" in render_index(reports, errors, lang="en")


def test_labels_say_what_they_measure_and_no_internal_names():
    import re

    from nlp_pipeline.model import Mention

    a = hostile()
    a.mentions.append(Mention(text="2020年", start=0, end=5, kind="YEAR", value=2020.0, unit="年", base_value=2020.0,
                              base_unit="year", qualifier="exact"))
    a.mentions.append(Mention(text="约12个", start=0, end=4, kind="COUNT", value=12.0, unit="个", base_value=12.0,
                              base_unit="1", qualifier="approximate", role="actual"))
    page = render_report(a)
    assert "原创性" not in page and "重复文字" in page
    for internal in (">MONEY<", ">COUNT<", ">YEAR<", ">exact<", ">approximate<", ">lower<", ">actual<", ">m2<"):
        assert internal not in page, internal
    assert "2,020" not in page and ">2020<" in page
    assert "{&#34;" not in page and "{'" not in page and '{"' not in page  # no raw JSON or reprs
    # counts are whole numbers
    for label in ("字数", "段落数", "年度目标数"):
        m = re.search(label + r"</th><td class=\"num\">([^<]+)<", page)
        assert m and re.fullmatch(r"[\d,]+", m.group(1)), (label, m and m.group(1))
    en = render_report(a, lang="en")
    assert "Originality" not in en and "Duplicated text" in en


def test_report_page_shows_findings_first_and_folds_the_long_parts():
    page = render_report(hostile())
    first_details = page.index("<details")
    assert page.index('id="findings"') < first_details
    for part in ("score-details", "alignment", "numbers", "text"):
        assert f'<details id="{part}">' in page, part
    # each finding shows its evidence in context, marked
    block = page[page.index('id="F2"'):page.index("</article>", page.index('id="F2"'))]
    assert '<mark class="ev-mark">取得较好成效</mark>' in block and "完成改造12个小区" in block


def test_csv_counts_are_whole_numbers(tmp_path):
    from nlp_pipeline.report import tables

    a = hostile()
    reports, _, _ = tables.frames([tables.report_row(a, "x")], tables.finding_rows(a, "x"), [])
    path = tmp_path / "r.csv"
    reports.to_csv(path, index=False)
    back = pd.read_csv(path, dtype=str)
    for col in ("n_chars", "n_paragraphs", "n_goals", "n_numbers", "n_outcome_sentences", "severity_penalty", "n_findings"):
        assert back.loc[0, col].isdigit(), (col, back.loc[0, col])
