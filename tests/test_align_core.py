"""Alignment mechanics on small synthetic reports: no real encoder is loaded here."""
from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from nlp_pipeline import align  # noqa: E402
from nlp_pipeline.align import core, texts  # noqa: E402
from nlp_pipeline.align.config import Thresholds, load_config  # noqa: E402
from nlp_pipeline.align.evaluate import score  # noqa: E402
from nlp_pipeline.model import Paragraph, Report, Section, Task  # noqa: E402

GOALS = [
    "完成老旧供水管网改造，农村自来水普及率达到95%。",
    "加强河道保洁，清理河道垃圾，改善河流水质。",
    "开展防汛演练，提高山洪灾害应急处置能力。",
    "推进图书馆数字化建设，新增电子图书资源。",
]
OUTCOMES = [
    "组织山洪灾害防汛应急演练3次，应急处置能力明显提高。",
    "改造农村供水管网45公里，自来水普及率提高到96%。",
    "河道保洁队伍全年清理河道垃圾约800吨，河流水质改善。",
]
PROBLEMS = ["供水管网老化严重，漏损率偏高。", "基层防汛队伍专业培训不足。", "食堂卫生管理不规范。"]
MEASURES = ["分年度更新老化供水管网，降低管网漏损率。", "定期组织基层防汛队伍专业培训。",
            "建设智慧水务平台，实时监测水位。"]


def _section(sid: str, items: list[str]) -> Section:
    paras, pos = [], 0
    for i, t in enumerate(items, 1):
        paras.append(Paragraph(f"{sid}{i}", sid, sid, f"{i}.", t, pos, pos + len(t)))
        pos += len(t) + 1
    return Section(sid, sid, sid, paras)


def make_report(goals=GOALS, outcomes=OUTCOMES, problems=PROBLEMS, measures=MEASURES) -> Report:
    rep = Report("synthetic.txt", "test", "utf-8", "")
    for sid, items in (("G", goals), ("O", outcomes), ("Q", problems), ("I", measures)):
        if items:
            rep.sections[sid] = _section(sid, items)
    return rep


@pytest.fixture(autouse=True)
def no_default_encoder(monkeypatch):
    """Lexical tests must never load the bundled encoder."""
    def refuse(*a, **k):
        raise AssertionError("the default encoder was loaded in a lexical test")
    monkeypatch.setattr(align.encoders, "load_encoder", refuse)


def test_lexical_alignment_ignores_position():
    als = align.align_report(make_report(), mode="lexical")
    o2g = als["outcomes_to_goals"]
    assert o2g.mapping() == {"O1": "G3", "O2": "G1", "O3": "G2"}
    assert o2g.unmatched_targets == ["G4"]
    for p in o2g.pairs:
        assert p.margin > 0 and p.lexical is not None and p.dense is None


def test_reordering_sources_keeps_the_pairs():
    a = align.align_report(make_report(), mode="lexical")["outcomes_to_goals"].mapping()
    rev = align.align_report(make_report(outcomes=OUTCOMES[::-1]), mode="lexical")
    b = rev["outcomes_to_goals"].mapping()
    n = len(OUTCOMES)
    assert {f"O{n + 1 - int(k[1:])}": v for k, v in b.items()} == a


def test_problems_without_measure_and_measures_without_problem():
    q2i = align.align_report(make_report(), mode="lexical")["problems_to_improvements"]
    assert q2i.mapping()["Q1"] == "I1" and q2i.mapping()["Q2"] == "I2"
    assert q2i.mapping()["Q3"] is None
    assert q2i.unmatched_sources == ["Q3"]
    assert q2i.unmatched_targets == ["I3"]


def test_many_to_one_allowed():
    outs = OUTCOMES + ["农村自来水管网延伸工程完工，新增受益人口1.2万人，普及率提高。"]
    o2g = align.align_report(make_report(outcomes=outs), mode="lexical")["outcomes_to_goals"]
    assert o2g.mapping()["O2"] == o2g.mapping()["O4"] == "G1"


@pytest.mark.parametrize("missing", ["O", "G", "Q", "I"])
def test_missing_sections_give_empty_alignments(missing):
    kw = {"O": "outcomes", "G": "goals", "Q": "problems", "I": "measures"}[missing]
    als = align.align_report(make_report(**{kw: []}), mode="lexical")
    assert set(als) == set(core.ALIGNMENTS)
    assert als["tasks_to_goals"].pairs == [] and als["performance_to_goals"].pairs == []
    broken = [n for n, (s, t, _) in core.ALIGNMENTS.items() if missing in (s, t)]
    for name in broken:
        assert als[name].pairs == [] and als[name].unmatched_targets == []


def test_tasks_use_target_outcome_and_indicators():
    rep = make_report()
    p = Paragraph("T1", "T", "task", "任务1", "防汛应急演练", 0, 6)
    o = Paragraph("T1.outcome", "T", "task_outcome", None, "已完成", 0, 3)
    rep.tasks = [Task("T1", "任务1", p, o)]
    assert texts.task_text(rep.tasks[0]) == "防汛应急演练；已完成"
    t2g = align.align_report(rep, mode="lexical")["tasks_to_goals"]
    assert t2g.mapping() == {"T1": "G3"}


def test_pasted_sibling_is_removed():
    a = "供水管网老化严重，漏损率偏高。"
    b = "食堂卫生管理不规范，餐具消毒不及时。" + a
    out = texts.remove_pasted_siblings([a, b])
    assert out[0] == a
    assert "漏损率" not in out[1] and "食堂" in out[1]


def test_lexical_text_drops_numbers_and_goal_language():
    t = texts.lexical_text("确保全年完成管网改造45公里，普及率达到95%以上。")
    assert "确保" not in t and "95" not in t and "以上" not in t
    assert "管网改造" in t


def test_decide_thresholds():
    f = np.array([[2.0, 0.1], [0.2, 0.3], [0.1, 1.4]])
    choice, covered = core.decide(f, Thresholds(source=0.5, cover=1.0))
    assert choice == [0, None, 1]
    assert covered == [True, True]
    choice, covered = core.decide(f, Thresholds(source=1.5, cover=3.0))
    assert choice == [0, None, None] and covered == [True, False]


def test_hub_penalty_hits_the_catch_all_target():
    f = np.array([[1.0, 0.9, 0.0], [0.2, 0.8, 0.0], [0.0, 0.9, 1.0]])
    pen = core.hub_penalty(f, 3, 1.0)
    assert pen.argmax() == 1 and abs(pen.mean()) < 1e-9


def test_config_thresholds_are_documented():
    cfg = load_config()
    for mode in core.MODES:
        for fam in ("goals", "measures"):
            th = cfg.threshold(mode, fam)
            assert th.cover >= th.source


def test_bad_mode():
    with pytest.raises(ValueError):
        align.align_report(make_report(), mode="bm25")


def test_evaluate_counts_acceptable_and_f1():
    als = align.align_report(make_report(), mode="lexical")
    gold = {"outcomes_to_goals": {"O1": "G3", "O2": "G2", "O3": "G2"},
            "goals_without_outcome_in_O": ["G4", "G1"],
            "acceptable": {"outcomes_to_goals": {"O2": ["G1"]}}}
    res = score(als, gold)
    assert res["outcomes_to_goals"].accuracy == 1.0
    assert res["goals_without_outcome_in_O"].tp == 1 and res["goals_without_outcome_in_O"].fn == 1


def test_one_goal_one_outcome_uses_priors():
    same = make_report(goals=GOALS[:1], outcomes=["改造农村供水管网45公里，自来水普及率提高到96%。"],
                       problems=[], measures=[])
    o2g = align.align_report(same, mode="lexical")["outcomes_to_goals"]
    assert o2g.mapping() == {"O1": "G1"} and o2g.unmatched_targets == []
    other = make_report(goals=GOALS[:1], outcomes=["图书馆新增电子图书资源3万册。"],
                        problems=[], measures=[])
    o2g = align.align_report(other, mode="lexical")["outcomes_to_goals"]
    assert o2g.mapping() == {"O1": None} and o2g.unmatched_targets == ["G1"]


def test_a_line_fitted_on_too_few_or_backwards_cells_is_the_identity():
    """One ambiguous row of three encoded gave slope -11 and sank every clear pair of the
    other rows (blind10 b10_gs): such a fit decides nothing."""
    import numpy as np

    from nlp_pipeline.align.core import _fit_line

    assert _fit_line(np.array([0.1, -0.5, 0.3]), np.array([-3.0, 2.0, -1.0])) == (1.0, 0.0)
    x = np.array([2.0, -0.5, -0.6, 1.5, -0.4, -0.5])
    assert _fit_line(x, -x) == (1.0, 0.0)
    a, b = _fit_line(x, 2 * x + 1)
    assert abs(a - 2) < 1e-9 and abs(b - 1) < 1e-9
