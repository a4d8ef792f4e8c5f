"""The evaluation harness: gold parsing, the matching rule of docs/CONVENTIONS.md,
per-code counts, clean controls and must_not_flag."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp_pipeline.evaluate import (
    CodeScore,
    combine,
    covers,
    evaluate_findings,
    finding_matches,
    load_gold,
    must_not_flag_hits,
    parse_gold,
    GoldFinding,
)
from nlp_pipeline.model import Evidence, Finding, to_dict

from seed_data import SEED_GOLD, require  # noqa: E402


def fnd(code: str, *pids: str, values=None, quote="x") -> Finding:
    ev = [Evidence(section=p[0], paragraph=p, start=0, end=len(quote), quote=quote) for p in pids]
    return Finding(code, "medium", "消息", "message", ev, dict(values or {}))


def test_covers_prefix_rule():
    assert covers("T3", "T3")
    assert covers("T3", "T3.outcome")
    assert covers("T3", "T3.k2")
    assert not covers("T3", "T30")
    assert not covers("T3", "T31.k1")
    assert not covers("T3.k1", "T3")
    # a bare section letter covers its paragraphs, as the pseudo place B does
    assert covers("P", "P5") and covers("Q", "Q12") and not covers("P", "PX") and not covers("P", "Q5")


def test_match_needs_min_two_places():
    g = GoldFinding("DUPLICATE_PARAGRAPH", ["G6", "T6", "P6", "Q3", "I5"])
    assert finding_matches(fnd("DUPLICATE_PARAGRAPH", "G6", "I5"), g)
    assert not finding_matches(fnd("DUPLICATE_PARAGRAPH", "G6"), g)
    assert not finding_matches(fnd("DUPLICATE_PARAGRAPH", "G6", "G7"), g)
    assert not finding_matches(fnd("NUMBER_CONFLICT", "G6", "I5"), g)
    single = GoldFinding("DUPLICATE_PARAGRAPH", ["Q4"])
    assert finding_matches(fnd("DUPLICATE_PARAGRAPH", "Q4", "Q4"), single)
    assert finding_matches(Finding("DUPLICATE_PARAGRAPH", "low", "", "", [Evidence("Q", "Q4", 0, 1, "x")]), single)
    assert finding_matches(fnd("UNSUPPORTED_CLAIM", "T3.outcome"), GoldFinding("UNSUPPORTED_CLAIM", ["T3"]))


def test_per_code_counts_and_clean():
    gold = parse_gold(
        {
            "findings": [
                {"code": "A", "where": ["O1", "G1"]},
                {"code": "A", "where": "Q2"},
                {"code": "B", "where": ["T1"]},
            ],
            "clean": ["G5", "T2"],
        }
    )
    preds = [
        fnd("A", "O1", "G1"),  # tp
        fnd("A", "O1", "G1"),  # also tp (matches an already matched gold)
        fnd("A", "G5"),  # fp, and dirties the clean control G5
        to_dict(fnd("C", "T2.k1")),  # dict input; fp of an unknown code; dirties T2
    ]
    ev = evaluate_findings(preds, gold)
    a, b, c = ev.per_code["A"], ev.per_code["B"], ev.per_code["C"]
    assert (a.tp, a.fp, a.gold, a.matched) == (2, 1, 2, 1)
    assert a.precision == pytest.approx(2 / 3) and a.recall == pytest.approx(0.5)
    assert (b.predicted, b.recall, b.precision) == (0, 0.0, None)
    assert (c.fp, c.recall) == (1, None)
    assert {p for p, _ in ev.clean_violations} == {"G5", "T2"}
    assert [g.where for g in ev.missed] == [["Q2"], ["T1"]]
    assert ev.n_findings == 4

    only_b = evaluate_findings(preds, gold, codes=["B"])
    assert set(only_b.per_code) == {"B"} and not only_b.clean_violations
    assert only_b.n_findings == 4

    tot = combine([ev, ev])["A"]
    assert (tot.tp, tot.gold) == (4, 4)


def test_codescore_empty():
    s = CodeScore()
    assert s.precision is None and s.recall is None and s.fn == 0


def test_must_not_flag_heuristic():
    item = "预算完成率 97.54% = 11139.13 / 11419.55"
    bad = fnd("ARITHMETIC_MISMATCH", "H1", values={"written": "97.54%", "computed": 11139.13 / 11419.55 * 100,
                                                  "actual": 11139.13, "budget": 11419.55})
    assert must_not_flag_hits(item, bad)
    other = fnd("ARITHMETIC_MISMATCH", "K3", values={"written": 95.44, "sum": 95.0})
    assert not must_not_flag_hits(item, other)
    units = "代征个人出租房屋税 12100万元 (T1) vs 征收总额约1.21亿元 (K1): the same amount in other units"
    assert must_not_flag_hits(units, fnd("NUMBER_CONFLICT", "T1", "K1", values={"a": "12100万元", "b": "约1.21亿元"}))
    # a long quote (a whole paragraph) is not evidence of flagging the computation
    long_quote = "经费执行率为97.54%，" + "很" * 100 + "11139.13与11419.55"
    assert not must_not_flag_hits(item, fnd("DUPLICATE_PARAGRAPH", "K3", quote=long_quote))


def test_load_seed_gold():
    require(SEED_GOLD)
    gold = load_gold(SEED_GOLD)
    assert len(gold.findings) >= 20
    assert all(g.where for g in gold.findings)
    dup = [g for g in gold.findings if g.code == "DUPLICATE_PARAGRAPH"]
    assert ["Q4"] in [g.where for g in dup]
    assert gold.must_not_flag and "outcomes_to_goals" in gold.alignment


def test_findings_from_analyze_json():
    from nlp_pipeline.evaluate import findings_from_json

    f = fnd("VAGUE_MEASURE", "I4")
    for data in ({"findings": [to_dict(f)]}, {"analysis": {"findings": [to_dict(f)]}}, [to_dict(f)]):
        got = findings_from_json(data)
        assert len(got) == 1 and got[0].code == "VAGUE_MEASURE" and got[0].paragraphs() == ["I4"]
    assert findings_from_json({"report": {}}) == []


def test_a_whole_section_field_is_named_either_way():
    from nlp_pipeline.evaluate import covers

    assert covers("Q1", "Q") and covers("Q", "Q1")
    assert not covers("Q2", "Q") and not covers("Q1", "O") and not covers("TBL", "T")
