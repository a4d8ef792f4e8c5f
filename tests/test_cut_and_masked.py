"""Precision on real pages (own invented text in their shapes): a text that stops mid-
sentence owes nothing after the cut (no goals without outcome, no problems without
measure, no blank last row, no weights short of 100), a page whose cited titles are starred
out by the site that re-posted it has masks, not template slots, and a row whose weight
could not be read keeps the weights from being summed. The same reports whole still give
their findings."""
from __future__ import annotations

import pytest

from nlp_pipeline.pipeline import analyze

NARR = ("清河县水利局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.完成农村饮水安全巩固提升工程12处。\n"
        "2.完成中小河流治理8.6公里。\n3.完成水土流失综合治理15平方公里。\n"
        "二、目标完成情况\n1.完成农村饮水安全巩固提升工程12处，受益人口3.2万人。\n"
        "2.完成中小河流治理8.6公里，新建堤防4.1公里。\n3.完成水土流失综合治理15平方公里，栽植水保林2,300亩。\n"
        "三、存在问题\n1.部分工程前期工作深度不够，设计变更较多。\n2.基层水利站技术人员不足，工程管护能力较弱。\n"
        "3.农村供水工程水费收缴率偏低，运行维护资金保障不足。\n"
        "四、改进措施\n1.2024年3月底前由规划股完成前期工作审查，严格控制设计变更。\n")


def _codes(tmp_path, text, name="r.txt"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return [x.code for x in analyze(f).findings]


def test_problems_cut_before_their_measures_owe_none(tmp_path):
    whole = NARR + "2.2024年招聘水利专业技术人员6名，由人事股负责。\n"
    assert "PROBLEM_WITHOUT_MEASURE" in _codes(tmp_path, whole)  # Q3 has no measure
    cut = NARR.split("四、改进措施")[0].rstrip("。\n") + "\n"  # stops inside Q3, mid-sentence
    cut = cut[:-6] + "\n"
    assert "PROBLEM_WITHOUT_MEASURE" not in _codes(tmp_path, cut)


def test_goals_cut_inside_their_outcomes_owe_none(tmp_path):
    goals = ("某县民政局2023年度项目支出绩效自评报告\n一、年度绩效目标\n1.发放城乡低保金2,860万元。\n"
             "2.完成特困供养机构消防改造6所。\n3.开展养老服务质量提升行动。\n二、目标完成情况\n"
             "1.全年发放城乡低保金2,860万元，保障对象1.1万人。\n")
    assert "GOAL_WITHOUT_OUTCOME" in _codes(tmp_path, goals + "三、存在问题\n1.养老机构护理人员不足。\n"
                                           "四、改进措施\n1.2024年由养老股组织护理员培训200人次。\n")
    assert "GOAL_WITHOUT_OUTCOME" not in _codes(tmp_path, goals + "2.完成特困供养机构消防改造6所，其中新增喷淋系统")


def test_a_signature_line_is_no_cut(tmp_path):
    text = NARR + "2.2024年招聘水利专业技术人员6名，由人事股负责。\n填报人：周某  联系电话：0000-1234567  填报日期：2024年3月8日\n"
    assert "PROBLEM_WITHOUT_MEASURE" in _codes(tmp_path, text)


MASKED = ("某县农业农村局2023年度项目支出绩效自评报告\n一、项目概况\n根据《关于下达2023年乡村**衔接资金的通知》，"
          "下达**河县资金300万元。\n二、年度绩效目标\n1.建设高标准农田1.2万亩。\n三、目标完成情况\n"
          "1.建设高标准农田1.2万亩，验收合格。\n四、存在问题\n1.项目前期工作滞后。\n五、改进措施\n1.2024年3月底前由项目股完成前期工作。\n")


def test_stars_on_a_masked_page_are_masks(tmp_path):
    assert "UNFILLED_FORM" not in _codes(tmp_path, MASKED)
    # a real slot left in a report whose cited titles are whole is still found
    slot = MASKED.replace("乡村**衔接资金", "乡村振兴衔接资金").replace("由项目股", "由**股")
    assert "UNFILLED_FORM" in _codes(tmp_path, slot)


FORM = ("项目支出绩效自评表\n（2023年度）\n| 项目名称 | 村道养护项目 | | | | | | |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "| 产出指标 | 数量指标 | 养护村道里程 | 120公里 | 120公里 | 20 | 20 | |\n"
        "| | 质量指标 | 养护合格率 | ≥95% | 97% | 20 | 20 | |\n"
        "| | 时效指标 | 完成及时率 | 100% | 100% | 10 | 10 | |\n"
        "| 效益指标 | 社会效益指标 | 群众出行条件改善 | 明显改善 | 明显改善 | 20 | 20 | |\n"
        "| | 可持续影响指标 | 道路长效管护 | 长期 | 长期 | 10 | 10 | |\n")


def test_a_table_cut_in_its_last_row(tmp_path):
    cut = FORM + "| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 |"
    codes = _codes(tmp_path, cut)
    assert "UNFILLED_FORM" not in codes and "SCORE_MISMATCH" not in codes
    whole = FORM + ("| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% | | 10 | 10 | |\n"
                    "\n存在问题：无\n改进措施：无\n")
    assert "UNFILLED_FORM" in _codes(tmp_path, whole)


def test_a_column_name_is_no_section_heading():
    from nlp_pipeline.ingest.labels import match_section

    assert match_section("自评得分") is None and match_section("年度指标值") is None
    assert match_section("自评得分情况") == ("P", match_section("自评得分情况")[1])
    assert match_section("存在问题")[0] == "Q"


ROW_FORM = ("部门预算项目支出绩效自评表(2023年度)\n项目名称 | 安可替代补助资金项目 | | |\n"
            "项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 |\n"
            "根据要求购买安可设备，并完成项目资金支付。 | {outcome} |\n"
            "存在问题 | 无 |\n改进措施 | 无 |\n")


def test_a_form_row_pairs_its_unnumbered_goal_and_outcome(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text(ROW_FORM.format(outcome="购买安可电脑13台，已完成资金支付。"), encoding="utf-8")
    assert "GOAL_WITHOUT_OUTCOME" not in [x.code for x in analyze(f).findings]


def test_weights_of_one_and_a_half_forms_are_two_tables(tmp_path):
    rows = "".join(f"| 产出指标 | 数量指标 | 指标{k} | ≥{k}个 | {k}个 | 10 | 10 | |\n" for k in range(1, 16))
    f = tmp_path / "f.txt"
    f.write_text("项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
                 + rows + "\n存在问题：无\n", encoding="utf-8")
    assert "SCORE_MISMATCH" not in [x.code for x in analyze(f).findings]


def test_a_download_site_file_name_is_no_paragraph(tmp_path):
    name = "某市2022年市直部门预算项目支出绩效目标表.docx"
    text = (name + "\n文档分类：工作报告\n" + name + "\n项目名称：办公大楼运行保障\n"
            "年度目标：保障办公大楼安全运行，全年设备完好率达到98%以上。\n")
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    assert "DUPLICATE_PARAGRAPH" not in [x.code for x in analyze(f).findings]


def test_a_flattened_form_s_repeated_header_is_no_repeated_text(tmp_path):
    block = "绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标88100质量指标88100时效指标"
    text = ("某镇人民政府项目绩效目标表（2021年度）\n一、绩效目标\n1.长期绩效指标：" + block + "；年度绩效指标：" + block + "。\n")
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    assert "REPEATED_TEXT" not in [x.code for x in analyze(f).findings]


def test_a_blank_template_is_no_unfilled_report(tmp_path):
    text = ("部门预算项目绩效目标申报表（参考模板）\n（20XX年度）\n一、年度目标\n1.完成**人培训，覆盖**个乡镇。\n")
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    assert "UNFILLED_FORM" not in [x.code for x in analyze(f).findings]
    f.write_text(text.replace("（参考模板）", "").replace("20XX", "2023"), encoding="utf-8")
    assert "UNFILLED_FORM" in [x.code for x in analyze(f).findings]


def test_a_goal_setting_paragraph_owes_no_outcome(tmp_path):
    text = ("某镇2023年衔接资金项目绩效自评报告\n一、绩效目标\n1.完成村道硬化5公里。\n"
            "2.绩效目标设定情况：根据项目参考指标，结合我镇落地项目，围绕农户收益等方面进行设定。\n"
            "二、绩效目标完成情况\n1.完成村道硬化5.2公里，验收合格。\n"
            "三、存在问题\n1.后期管护资金不足。\n四、改进措施\n1.2024年由镇财政所安排管护资金10万元。\n")
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    assert "GOAL_WITHOUT_OUTCOME" not in [x.code for x in analyze(f).findings]


@pytest.mark.parametrize("target,found", [("收入达到5亿元", False), ("收入5亿元", True)])
def test_a_target_to_reach_is_a_floor(tmp_path, target, found):
    text = ("项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            f"| 效益指标 | 经济效益指标 | 医院医疗{target} | 5亿元 | 6.47亿元 | 10 | 10 | |\n"
            "| 产出指标 | 数量指标 | 新增床位 | 200张 | 200张 | 90 | 90 | |\n")
    f = tmp_path / "f.txt"
    f.write_text(text, encoding="utf-8")
    assert ("DEVIATION_UNEXPLAINED" in [x.code for x in analyze(f).findings]) == found


def test_a_problem_list_cut_after_its_lead_in(tmp_path):
    text = ("某厅2019年度项目支出绩效自评整改报告\n一、总体情况\n项目支出绩效目标整体完成情况较好。\n二、存在的问题\n"
            "在绩效自评过程中，项目支出绩效管理存在以下问题：\n一是绩效目标设定与预算编制存在时间上的错位现象。\n"
            "二是绩效目标管理和调整有待完善。2019年，由于省委省政府工作任务调整，\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert "PROBLEM_WITHOUT_MEASURE" not in [x.code for x in analyze(f).findings]


def test_an_outcome_cut_after_its_first_words_restates_nothing(tmp_path):
    text = ("某县乡村振兴项目绩效自评报告\n一、绩效目标\n1.切实改善脱贫村群众生产生活设施条件，补齐基础设施短板。\n"
            "二、目标完成情况\n1.完成村组道路硬化12公里，验收合格。\n2.完成安全饮水巩固提升工程3处。\n"
            "3.交通费用按政策给予补助，实报实销。\n4.切实改善脱贫村群众生产生活，用于开发农村\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert "OUTCOME_RESTATES_GOAL" not in [x.code for x in analyze(f).findings]
