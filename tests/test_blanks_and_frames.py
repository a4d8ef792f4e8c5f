"""Template slots left blank in running text, and measures whose only action sits in a frame
of intensity (加大宣传力度). Own sentences; each with rewrites that keep the finding and
controls that must stay clean."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect._vague import residual
from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.pipeline import analyze


def _report(p1: str, i2: str = "2.2024年5月前由文物股组织全县文物安全培训。") -> str:
    return ("某县文化和旅游局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.全年开展送戏下乡演出不少于300场。\n"
            "二、目标完成情况\n1.全年开展送戏下乡演出326场。\n三、部门整体绩效\n" + p1 + "\n"
            "四、存在的问题\n1.文物安防设施老化。\n2.专业人才短缺。\n五、改进措施\n"
            "1.2024年6月底前完成重点文物安防系统改造，由文物股负责。\n" + i2 + "\n")


@pytest.mark.parametrize("p1", [
    "1.预算执行指标得9.69分，产出指标得38.5分，综合自评得分为　　分，评价等级为（　　）。",
    "1.预算执行指标得9.69分，产出指标得38.5分，综合自评得分为分，评价等级为（）。",
    "1.预算执行指标得9.69分，自评总分：＿＿＿＿分。",
])
def test_blank_slot_in_prose(tmp_path, p1):
    f = tmp_path / "r.txt"
    f.write_text(_report(p1), encoding="utf-8")
    assert [x.message_id for x in analyze(f).findings if x.code == "UNFILLED_FORM"] == ["FORM.UNFILLED.blank"]


@pytest.mark.parametrize("i2", ["2.由××股牵头，于2024年××月底前组织重点企业负责人轮训。",
                                "2.由**股牵头，于2024年**月底前组织重点企业负责人轮训。"])
def test_placeholder_left_in_a_measure(tmp_path, i2):
    f = tmp_path / "r.txt"
    f.write_text(_report("1.综合自评得分为95.5分，评价等级为优。", i2), encoding="utf-8")
    assert [x.message_id for x in analyze(f).findings if x.code == "UNFILLED_FORM"] == ["FORM.UNFILLED.blank"]


@pytest.mark.parametrize("p1", ["1.综合自评得分为95.5分，评价等级为优。", "1.根据XX市文旅局通知，20xx年开展评价，得分95.5分。",
                                "1.按照****财政局要求开展自评，得分95.5分。"])
def test_filled_or_masked_text_is_no_blank(tmp_path, p1):
    f = tmp_path / "r.txt"
    f.write_text(_report(p1), encoding="utf-8")
    assert [x for x in analyze(f).findings if x.code == "UNFILLED_FORM"] == []


CUES = load_yaml("cues_vague.yaml")


@pytest.mark.parametrize("text", ["加大宣传力度，不断扩大平遥文旅品牌影响力。", "加大执法检查力度。", "进一步加强监管力度，持续提升服务质量。"])
def test_an_action_in_a_frame_of_intensity_is_vague(text):
    assert residual(text, CUES, ("平遥", "文化", "旅游")) is not None


@pytest.mark.parametrize("text", ["加大宣传力度，2024年6月前在县电视台开设专栏。", "开展宣传进社区活动，扩大影响力。"])
def test_a_concrete_step_beside_the_frame_is_not_vague(text):
    assert residual(text, CUES, ("平遥", "文化", "旅游")) is None


def _qi(q: str, i: str) -> str:
    return ("某县疾控中心2023年度整体支出绩效自评报告\n一、年度绩效目标\n1.完成理化实验室提升改造。\n"
            "二、目标完成情况\n1.理化实验室改造主体完工。\n三、存在的问题\n1." + q + "\n四、改进措施\n1." + i + "\n")


@pytest.mark.parametrize("q,i", [
    ("理化实验室提升改造工程因主要检测设备招标两次流标，截至年底仍未完工验收，部分新增检测项目尚不能独立开展。",
     "理化实验室提升改造工程因主要检测设备招标两次流标，截至年底仍未完工验收。2024年3月底前重新招标，6月底前完工验收。"),
    ("村级供水设施管护人员多为兼职人员，日常巡检记录不完整，影响供水安全。",
     "村级供水设施管护人员多为兼职人员，日常巡检记录不完整，2024年4月底前完成全员培训并建立电子台账。"),
])
def test_measure_opening_with_the_problems_clauses(tmp_path, q, i):
    f = tmp_path / "r.txt"
    f.write_text(_qi(q, i), encoding="utf-8")
    codes = [x.code for x in analyze(f).findings if x.code in ("REPEATED_TEXT", "DUPLICATE_PARAGRAPH")]
    assert codes == ["REPEATED_TEXT"]


def test_a_shared_list_of_tasks_is_no_pasted_problem(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(_qi("河道保洁、污水管网巡查、排水设施维护、违法排水查处等工作任务繁重，人员不足。",
                     "继续做好河道保洁、污水管网巡查、排水设施维护、违法排水查处等工作，2024年增配人员6名。"),
                 encoding="utf-8")
    assert [x for x in analyze(f).findings if x.code == "REPEATED_TEXT"] == []


@pytest.mark.parametrize("p1,found", [
    ("1.2022年12月完成第五批县级非物质文化遗产代表性传承人认定工作，新认定传承人18名。", True),
    ("1.2022年11月通过省级验收的古城墙修缮工程全面投入使用。", True),
    ("1.2022年12月完成项目招标，2023年3月开工，10月完工。", False),
    ("1.截至2022年12月完成传承人认定86名，本年新认定18名。", False),
    ("1.较2022年12月完成的数量增长20%。", False),
    ("1.确保2024年通过各级验收。", False),
])
def test_last_years_work_reported_as_this_years(tmp_path, p1, found):
    f = tmp_path / "r.txt"
    f.write_text(_report(p1), encoding="utf-8")
    assert bool([x for x in analyze(f).findings if x.code == "DATE_OUT_OF_PERIOD"]) is found


def test_a_tender_finished_last_year_is_no_end_before_start(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(_report("1.2022年12月完成项目招标，2023年3月开工建设，10月竣工验收。"), encoding="utf-8")
    assert [x for x in analyze(f).findings if x.code == "DATE_OUT_OF_PERIOD"] == []


@pytest.mark.parametrize("claim", ["理化实验室提升改造项目如期完成", "理化实验室提升改造工程已按期完工", "理化实验室提升改造按时完成"])
def test_an_on_time_claim_against_the_problem_that_says_unfinished(tmp_path, claim):
    text = ("某县疾控中心2023年度整体支出绩效自评报告\n一、年度绩效目标\n1.完成理化实验室提升改造。\n"
            f"二、目标完成情况\n1.{claim}，新增检测项目12项。\n三、存在的问题\n"
            "1.理化实验室提升改造工程因主要检测设备招标两次流标，截至年底仍未完工验收。\n"
            "四、改进措施\n1.2024年3月底前重新招标，6月底前完工验收。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert [x.rule_id for x in analyze(f).findings if x.code == "CLAIM_CONTRADICTED"] == ["TXT.CLAIM_PROBLEM"]


@pytest.mark.parametrize("p1,found", [
    ("1.预算执行指标得9.57分，产出指标得47分，效益指标得29分，满意度指标得10分，自评总分95.57分。", False),
    ("1.产出指标分值50分，得分52分；效益指标分值30分，得分28分；自评总分90分。", True),
    ("1.产出指标50分得48分，效益指标30分得27分，满意度指标10分得9分，预算执行10分得9.5分，自评总分93.5分。", False),
])
def test_scores_in_prose_are_not_read_as_weights(tmp_path, p1, found):
    f = tmp_path / "r.txt"
    f.write_text(_report(p1), encoding="utf-8")
    assert bool([x for x in analyze(f).findings if x.code == "SCORE_MISMATCH"]) is found


def test_the_units_short_field_name_ties_no_problem_to_a_measure(tmp_path):
    text = ("平遥县文化和旅游局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.开展送戏下乡演出不少于300场。\n"
            "二、目标完成情况\n1.全年开展送戏下乡演出326场。\n三、存在的问题\n1.文物安防设施老化。\n"
            "2.文旅专业人才短缺，导游、文物修复等专业技术人员年龄结构老化。\n四、改进措施\n"
            "1.2024年6月底前完成重点文物安防系统改造，由文物股负责。\n2.加大宣传力度，不断扩大平遥文旅品牌影响力。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    got = [x for x in analyze(f).findings if x.code == "PROBLEM_WITHOUT_MEASURE"]
    assert [e.paragraph for x in got for e in x.evidence] == ["Q2"]


@pytest.mark.parametrize("written,found", [("彭阳县疾病控制中心", True), ("县疾控中心", False), ("彭阳县疾病预防控制中心", False)])
def test_a_content_word_dropped_from_the_units_name(tmp_path, written, found):
    text = ("彭阳县疾病预防控制中心2023年度整体支出绩效自评报告\n一、年度绩效目标\n1.适龄儿童接种率保持在95%以上。\n"
            f"二、目标完成情况\n1.{written}全年接种疫苗48,620剂次，接种率96.1%。\n三、存在的问题\n1.冷链设备老化。\n"
            "四、改进措施\n1.2024年6月底前更换冷藏冰箱26台，由免疫规划科负责。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert bool([x for x in analyze(f).findings if x.code == "NAME_VARIANT"]) is found
