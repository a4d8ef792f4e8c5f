"""Numeric detectors: helper rules, hand-built reports, and the measured thresholds on
the seed gold and on tests/data/detect/e_*.txt (issue 5)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from nlp_pipeline.detect import Context, run_detectors
from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.model import Budget, BudgetValue, Mention, Paragraph, Report, Section

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "detect"
from seed_data import SEED, SEED_GOLD, require  # noqa: E402
CODES = [
    "NUMBER_CONFLICT", "ARITHMETIC_MISMATCH", "IMPLAUSIBLE_MAGNITUDE", "RATE_OVER_100",
    "UNIT_MISMATCH", "INDICATOR_SHORTFALL", "DEVIATION_UNEXPLAINED", "SCORE_MISMATCH",
]


# --- building small reports by hand ------------------------------------------------------


def build(sections: dict[str, list[str]], *, year=2022, budget=None, org="某某县某局") -> Report:
    """A report whose text is the paragraphs one per line, with their ids G1, O1 …"""
    text, secs = "", {}
    for sid, paras in sections.items():
        sec = Section(id=sid, kind=sid, title=sid)
        for k, t in enumerate(paras, 1):
            start = len(text)
            text += t + "\n"
            sec.paragraphs.append(Paragraph(id=f"{sid}{k}", section=sid, kind=sid, number=f"{k}.",
                                            text=t, start=start, end=start + len(t)))
        secs[sid] = sec
    r = Report(source="hand.txt", reader="test", encoding="utf-8", text=text, organisation=org,
               year=year, currency_unit="万元", currency_factor=10000.0, sections=secs)
    if budget:
        r.budget = budget
    return r


def mentions_of(report: Report) -> list[Mention]:
    """The text stage's mentions; per paragraph through extract_numbers while the
    report-level entry point is not there."""
    from nlp_pipeline import text as T

    try:
        return T.extract_mentions(report)
    except (ImportError, AttributeError, NotImplementedError):
        out = []
        for p in report.paragraphs():
            for m in T.extract_numbers(p.text, currency_unit=report.currency_unit):
                s, e = p.span(m.start, m.end)
                out.append(dataclasses.replace(m, start=s, end=e, text=report.text[s:e], paragraph=p.id))
        return out


def run(report: Report, codes=CODES):
    ctx = Context(report=report, mentions=mentions_of(report), alignments={}, lexicons=Lexicons())
    return run_detectors(ctx, only=codes)


def codes_at(findings) -> set[tuple[str, str]]:
    return {(f.code, e.paragraph) for f in findings for e in f.evidence}


# --- helper rules ----------------------------------------------------------------------


def test_metric_normalisation_strips_verbs_and_count_suffix():
    assert M.normalise_metric("共组织开展入户宣传活动") == "入户宣传活动"
    assert M.normalise_metric("完成辖内充分就业社区创建数") == M.normalise_metric("创建充分就业社区")


def test_similarity_prefers_the_same_metric():
    same = M.similarity("楼宇党群服务站", "商务楼宇物业小区党群服务站")
    other = M.similarity("生活垃圾", "各类垃圾")
    assert same >= 0.6 > other


def test_interval_follows_written_precision_and_qualifiers():
    exact = Mention("97.54%", 0, 6, "PERCENT", 97.54, "%", 97.54, "%")
    lo, hi = M.interval(exact)
    assert lo == pytest.approx(97.535) and hi == pytest.approx(97.545)
    approx = Mention("约1.21亿元", 0, 7, "MONEY", 1.21, "亿元", 1.21e8, "元", qualifier="approximate")
    exact_wan = Mention("12100万元", 0, 7, "MONEY", 12100, "万元", 1.21e8, "元")
    assert not M.disjoint(M.interval(approx), M.interval(exact_wan))
    lower = Mention("90%以上", 0, 5, "PERCENT", 90, "%", 90, "%", qualifier="lower")
    assert M.interval(lower)[1] == float("inf")


# --- detectors on hand-built reports -------------------------------------------------------


def test_number_conflict_flags_different_values_not_other_units():
    r = build({
        "O": ["全年组织开展入户宣传活动66次，征收税款12100万元。"],
        "P": ["共组织开展入户宣传活动75次，征收税款约1.21亿元。"],
    })
    fs = [f for f in run(r, ["NUMBER_CONFLICT"])]
    assert len(fs) == 1
    assert {e.paragraph for e in fs[0].evidence} == {"O1", "P1"}
    assert "入户宣传活动" in fs[0].message and "税款" not in fs[0].message


def test_number_conflict_skips_target_against_result_and_cumulative():
    r = build({
        "G": ["全年开展巡查不少于3000家次。"],
        "O": ["全年开展巡查4340家次，累计建成示范村12个。"],
        "P": ["新建示范村3个。"],
    })
    assert run(r, ["NUMBER_CONFLICT"]) == []


def test_arithmetic_budget_rates_and_expressions():
    def bv(v, t):
        return BudgetValue(v, t, 0, 1)

    good = Budget(adjusted_budget=bv(11419.55, "11,419.55"), initial_budget=bv(11553.76, "11,553.76"),
                  actual_spending=bv(11139.13, "11,139.13"), adjustment=bv(134.21, "134.21"),
                  completion_rate=bv(97.54, "97.54%"), adjustment_rate=bv(1.16, "1.16%"))
    r = build({"K": ["共服务895小时，折合人力资源为18169元（895*20.3），比例为3%（895/30184）。"]}, budget=good)
    assert run(r, ["ARITHMETIC_MISMATCH"]) == []
    bad = dataclasses.replace(good, completion_rate=bv(99.54, "99.54%"))
    r = build({"K": ["折合人力资源为18269元（895*20.3）。"]}, budget=bad)
    fs = run(r, ["ARITHMETIC_MISMATCH"])
    assert len(fs) == 2
    assert any("K1" in f.paragraphs() for f in fs)


def test_arithmetic_parts_must_add_up():
    ok = build({"O": ["完成年度新增企业共236家，其中年度新增141家，月度95家。"]})
    assert run(ok, ["ARITHMETIC_MISMATCH"]) == []
    bad = build({"O": ["完成年度新增企业共236家，其中年度新增141家，月度105家。"]})
    assert len(run(bad, ["ARITHMETIC_MISMATCH"])) == 1


def test_magnitude_amount_above_budget_says_which_unit_fits():
    b = Budget(adjusted_budget=BudgetValue(11419.55, "11,419.55", 0, 1),
               actual_spending=BudgetValue(11139.13, "11,139.13", 0, 1))
    r = build({"K": ["保安服务费支付金额6904320万，支出率100%。", "监护补助经费共计17.1万元。"]}, budget=b)
    fs = run(r, ["IMPLAUSIBLE_MAGNITUDE"])
    assert [f.paragraphs() for f in fs] == [["K1"]]
    assert "690.43万元" in fs[0].message


def test_magnitude_area_against_derived_jurisdiction():
    r = build({
        "O": ["已认定排水单元面积共182.66公顷，占本街总面积的83.61%。"],
        "T": ["人行道打磨清洗1500000万平方米。", "人行道打磨清洗约1440000平方米。"],
    }, org="某某区某某街道办事处")
    fs = run(r, ["IMPLAUSIBLE_MAGNITUDE"])
    assert [f.paragraphs() for f in fs] == [["T1"]]


def test_rate_over_100_groups_a_metric_and_skips_growth_and_explained():
    r = build({
        "O": ["入户宣传率达133.95%。", "门诊量同比增长108%。"],
        "P": ["入户宣传率达155.34%。", "计划完成率为113%，超额完成主要是因为追加任务。", "处理率达100%及以上。"],
    })
    fs = run(r, ["RATE_OVER_100"])
    assert len(fs) == 1 and set(fs[0].paragraphs()) == {"O1", "P1"}


def test_unit_mismatch_both_ways_in_text():
    r = build({"O": ["新增违法建设数量100%。", "农村公路列养率为1260公里。", "违法建设拆除率100%。"]})
    assert sorted(p for f in run(r, ["UNIT_MISMATCH"]) for p in f.paragraphs()) == ["O1", "O2"]


def test_indicator_direction_claim_and_reason():
    r = build({"O": [
        "文体活动：年度指标值不少于50场，实际完成值42场，已完成。",
        "院内感染发生率：目标值不超过1.5%，实际完成值1.2%，已完成。",
        "森林火灾受害率：目标值不超过0.8%，实际完成值1.2%，已完成，主要是受高温干旱影响。",
        "健康体检：目标值5000人，实际完成值4600人，偏差原因：受疫情影响推迟体检。",
        "平均住院日：目标值不超过8天，实际完成值9.5天，偏差原因：无。",
    ]})
    fs = run(r, ["INDICATOR_SHORTFALL", "DEVIATION_UNEXPLAINED"])
    got = sorted((f.code, f.paragraphs()[0]) for f in fs)
    # O1's shortfall, claimed complete and with no cause, is one finding (the shortfall's,
    # which says no cause is given), not two
    assert got == [("DEVIATION_UNEXPLAINED", "O5"),
                   ("INDICATOR_SHORTFALL", "O1"), ("INDICATOR_SHORTFALL", "O3")]
    short = {f.paragraphs()[0]: f for f in fs if f.code == "INDICATOR_SHORTFALL"}
    assert "未说明偏差原因" in short["O1"].message and "未说明偏差原因" not in short["O3"].message


def test_score_weights_sum_and_grade():
    ok = build({"P": ["产出指标分值50分，得分46分；效益指标分值30分，得分27分；满意度指标分值20分，得分17分。自评得分90分，评价等级为优。"]})
    assert run(ok, ["SCORE_MISMATCH"]) == []
    bad = build({"P": ["产出指标分值50分，得分46分；效益指标分值30分，得分27分；满意度指标分值15分，得分14分。自评得分88分，评价等级为优。"]})
    msgs = " ".join(f.message for f in run(bad, ["SCORE_MISMATCH"]))
    assert "95分" in msgs and "87分" in msgs and "良" in msgs


# --- measured on gold reports ------------------------------------------------------------


def _evaluate(txt: Path, gold: Path):
    from nlp_pipeline.evaluate import evaluate_findings, load_gold
    from nlp_pipeline.ingest import read_report

    report = read_report(txt)
    return evaluate_findings(run(report), load_gold(gold), codes=CODES, name=txt.stem)


OWN = sorted(DATA.glob("e_*.txt"))


def test_seed_recall_no_must_not_flag_and_few_findings():
    require(SEED, SEED_GOLD)
    ev = _evaluate(SEED, SEED_GOLD)
    tot = ev.total(CODES)
    assert tot.recall is not None and tot.recall >= 0.9, ev.missed
    assert ev.must_not_flag_violations == []
    assert tot.predicted <= 22


def test_own_reports_precision_recall_and_clean_controls():
    from nlp_pipeline.evaluate import combine

    assert len(OWN) >= 6
    evs = [_evaluate(t, t.with_suffix(".yaml")) for t in OWN]
    for ev in evs:
        assert ev.clean_violations == [], [(p, f.code, f.message) for p, f in ev.clean_violations]
    scores = combine(evs)
    for code in CODES:
        s = scores.get(code)
        assert s is not None and s.gold > 0, f"{code}: no planted defect"
        assert s.recall >= 0.8, (code, s)
    # precision over every gold report in the folder (the text-side detectors' reports
    # too: a numeric finding there that their gold does not name is a false positive)
    others = [t for t in sorted(DATA.glob("*.txt")) if t not in OWN and t.with_suffix(".yaml").exists()]
    import yaml

    for t in others:
        try:
            evs.append(_evaluate(t, t.with_suffix(".yaml")))
        except yaml.YAMLError:
            continue  # another engineer's gold being edited; theirs to fix
    if SEED.exists() and SEED_GOLD.exists():
        evs.append(_evaluate(SEED, SEED_GOLD))
    scores = combine(evs)
    for code in CODES:
        s = scores[code]
        assert s.precision is not None and s.precision >= 0.85, (code, s)


def test_partial_count_lists_and_score_tables_are_no_part_sums():
    r = build({"O": [
        "培训高素质农民1,200人，其中种植业620人，养殖业310人。",
        "产出指标分值35分，得分32分，其中数量指标分值20分，得分18分，质量指标分值15分，得分14分。",
    ]})
    assert run(r, ["ARITHMETIC_MISMATCH"]) == []
    over = build({"O": ["培训高素质农民1,200人，其中种植业820人，养殖业510人。"]})
    assert len(run(over, ["ARITHMETIC_MISMATCH"])) == 1


def test_two_level_scores_and_honours_are_not_grades():
    r = build({"P": [
        "决策指标分值15分，得分14分；过程指标分值25分，得分23分；产出指标分值35分，得分32分，"
        "其中数量指标分值20分，得分18分，质量指标分值15分，得分14分；效益指标分值25分，得分22分。自评得分91分。",
        "本局被评为全省农业农村工作优秀单位。",
    ]})
    assert run(r, ["SCORE_MISMATCH"]) == []


def test_investment_is_not_spending_and_land_share_is_not_jurisdiction():
    b = Budget(adjusted_budget=BudgetValue(4650.0, "4,650.00", 0, 1))
    r = build({"O": [
        "完成项目投资3.75亿元，农业总产值达到86.5亿元。", "全县一般公共预算支出86亿元。",
        "粮食播种面积46.2万亩，占全县耕地总面积的92%；造林面积3.5万亩。",
    ]}, budget=b, org="某某县农业农村局")
    assert run(r, ["IMPLAUSIBLE_MAGNITUDE"]) == []


def test_indicator_and_score_table_written_as_lines():
    text = (
        "绩效指标完成情况表\n"
        "三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析\n"
        "赛事场次 | ≥30场 | 34场 | 40 | 40 | 无\n"
        "安装完成时间 | ≤10个月 | 11个月 | 30 | 25 | 无\n"
        "锻炼人数比例 | ≥45% | 42% | 30 | 27 | 受疫情影响部分赛事取消\n"
        "合计 | — | — | 100 | 90 | —\n"
        "评价等级：良。\n"
    )
    r = Report(source="t.txt", reader="test", encoding="utf-8", text=text, year=2022)
    fs = run(r, ["DEVIATION_UNEXPLAINED", "SCORE_MISMATCH", "INDICATOR_SHORTFALL"])
    got = sorted((f.code, f.evidence[0].quote) for f in fs)
    # 34 ≥ 30 is met, 42% < 45% has its reason, 40 + 25 + 27 = 92 ≠ 90, 90 is 优 not 良
    assert [c for c, _ in got] == ["DEVIATION_UNEXPLAINED", "SCORE_MISMATCH", "SCORE_MISMATCH"]
    assert any("安装完成时间" in q for c, q in got if c == "DEVIATION_UNEXPLAINED")
    assert all(e.paragraph == "TBL" for f in fs for e in f.evidence)


def test_total_after_its_parts():
    ok = build({"O": ["人员经费520万元、公用经费180万元、项目经费300万元，合计1,000万元。"]})
    assert run(ok, ["ARITHMETIC_MISMATCH"]) == []
    bad = build({"O": ["人员经费520万元、公用经费180万元、项目经费300万元，合计1,100万元。"]})
    assert len(run(bad, ["ARITHMETIC_MISMATCH"])) == 1


def test_rate_written_with_gaoda():
    r = build({"O": ["入户率高达120%。"]})
    assert len(run(r, ["RATE_OVER_100"])) == 1


def test_shares_changes_and_project_figures_are_not_conflicts():
    r = build({
        "O": ["建成区面积320公顷，占全镇总面积的16%。", "农村自来水普及率由88.2%提高到92.5%。",
              "完成项目投资3.75亿元。"],
        "P": ["林地面积1,150公顷，占全镇总面积的57%。", "农村自来水普及率为92.5%。"],
        "K": ["河长制项目：项目预算120万元，实际支出118.5万元。", "供水工程项目：项目预算1,800万元，实际支出1,752万元。"],
    })
    assert run(r, ["NUMBER_CONFLICT"]) == []


def test_two_rates_of_one_object_are_different_metrics():
    r = build({"O": ["特种设备定期检验率为99.2%。"], "P": ["特种设备检验覆盖率达到98.5%。"]})
    assert run(r, ["NUMBER_CONFLICT"]) == []
