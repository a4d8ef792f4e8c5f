"""REPEATED_TEXT: a clause written again inside one paragraph, or a problem sentence pasted
into a measure. Own invented reports in the narrative layout; positives in several shapes,
negative controls, rewrites that keep the meaning and must keep the finding."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import run_detectors
from nlp_pipeline.detect.registry import Context
from nlp_pipeline.ingest import read_text
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.text import extract_mentions

P1 = "1.全年开展食品安全抽检1,260批次，合格率98.7%。"
Q1 = "1.基层执法力量不足，部分乡镇监管所仅有2名执法人员，日常巡查覆盖不够。"
I1 = "1.2024年6月底前由局人事科统筹调配执法人员，每个监管所不少于4人。"


def report(p1: str = P1, q1: str = Q1, i1: str = I1) -> str:
    return (
        "某县市场监督管理局2023年度部门整体支出绩效自评报告\n"
        "一、部门基本情况\n本局负责全县市场监管工作。\n"
        "二、年度绩效目标\n1.完成食品安全抽检1,200批次以上。\n"
        "三、目标完成情况\n1.全年完成食品安全抽检1,260批次。\n"
        f"四、部门整体绩效\n{p1}\n"
        f"五、存在问题\n{q1}\n"
        f"六、改进措施\n{i1}\n"
    )


def repeated(text: str):
    r = read_text(text)
    ctx = Context(report=r, mentions=extract_mentions(r), alignments={}, lexicons=Lexicons())
    return [f for f in run_detectors(ctx) if f.code == "REPEATED_TEXT"]


POSITIVE = [
    # a clause pair written twice in a row
    report(p1="1.全年开展食品安全抽检1,260批次，合格率98.7%，全年开展食品安全抽检1,260批次，合格率98.7%。"),
    # the same sentence three times, split by full stops
    report(p1="1.组织特种设备安全检查36次。组织特种设备安全检查36次。组织特种设备安全检查36次。"),
    # repeated far apart in the paragraph
    report(p1="1.查办案件215件，罚没款86.4万元；开展广告监测3.2万条次，查办案件215件，罚没款86.4万元。"),
    # a problem sentence pasted into its measure
    report(i1="1.基层执法力量不足，部分乡镇监管所仅有2名执法人员，日常巡查覆盖不够。下一步将统筹调配人员。"),
    # a longer passage repeated without the same clause cuts
    report(p1="1.全县建成放心消费示范单位126家并全部挂牌公示接受群众监督，年内又对示范单位开展复评，"
              "全县建成放心消费示范单位126家并全部挂牌公示接受群众监督。"),
]


@pytest.mark.parametrize("text", POSITIVE, ids=range(len(POSITIVE)))
def test_repeated_text_found(text):
    fs = repeated(text)
    assert len(fs) == 1, [f.message for f in fs]
    quotes = [e.quote for e in fs[0].evidence]
    assert len(quotes) >= 2 and len(set(q.replace("。", "") for q in quotes[:2])) == 1


NEGATIVE = [
    # the default report: nothing repeated
    report(),
    # a short phrase written twice is a phrase, not a repeat
    report(p1="1.覆盖全县15个乡镇的抽检网络已建成，快检室覆盖全县15个乡镇。"),
    # like rows of a list share words but differ
    report(p1="1.抽检蔬菜320批次，合格率98.1%；抽检肉类280批次，合格率99.3%；抽检水产品160批次，合格率97.5%。"),
    # a measure that names the problem briefly and answers it
    report(i1="1.针对基层执法力量不足，2024年6月底前每个监管所配足4名执法人员。"),
]


@pytest.mark.parametrize("text", NEGATIVE, ids=range(len(NEGATIVE)))
def test_no_repeated_text(text):
    assert repeated(text) == []


@pytest.mark.parametrize("old,new", [("1,260", "１,２６０"), ("，全年开展", "。全年开展"), ("98.7%", "98.7％")])
def test_repeated_text_survives_rewrites(old, new):
    assert len(repeated(POSITIVE[0].replace(old, new))) == 1


def test_a_quoted_policy_line_cited_twice_is_no_repeat():
    p1 = ("1.中央1号文件提出：“实施耕地质量保护与提升行动”。省里的意见也要求：“强化农田保护，"
          "实施耕地质量保护与提升行动”，全年完成耕地地力提升1.2万亩。")
    assert repeated(report(p1=p1)) == []


def test_a_short_clause_written_twice_in_a_row():
    p1 = "1.文旅融合新业态培育不足，夜间消费产品单一，夜间消费产品单一，游客人均停留时间偏短。"
    fs = repeated(report(p1=p1))
    assert len(fs) == 1 and all("夜间消费产品单一" in e.quote for e in fs[0].evidence)
