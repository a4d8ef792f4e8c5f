"""Unit tests of the text-side detectors on reports built by hand."""
from __future__ import annotations

import pytest

from nlp_pipeline.detect import DETECTORS
from test_detect_text_util import alignment, build_report, check_evidence, context

LIST = "市容环境整治、河道治理、垃圾分类执法、燃气执法、安全生产执法、流动摊贩治理、违法建设治理、违法设置广告治理等整治工作"


def run(code, report, alignments=None):
    out = list(DETECTORS[code](context(report, alignments)))
    check_evidence(report, out)
    assert all(f.code == code for f in out)
    return out


# --- DUPLICATE_PARAGRAPH ---------------------------------------------------------------


def test_duplicate_groups_three_places_and_reports_spans():
    r = build_report({
        "G": ["深化环境整治。推进" + LIST + "。"],
        "O": ["全年开展联合执法行动45次，清理卫生死角113处。"],
        "Q": ["在" + LIST + "，还需要加强巡查力度。"],
        "I": ["继续加强" + LIST + "；"],
    })
    out = run("DUPLICATE_PARAGRAPH", r)
    assert len(out) == 1
    assert set(out[0].paragraphs()) == {"G1", "Q1", "I1"}
    for e in out[0].evidence:  # the repeated span, not the whole paragraph
        assert "垃圾分类执法" in e.quote and len(e.quote) <= len(LIST) + 6


def test_duplicate_paste_of_other_paragraphs():
    q1 = "出租屋网格员专业知识和法律法规培训不足，综合服务水平有待提高。"
    q2 = "服务站基础设施基本完善，但还需购置必要的办公设备和指引标识。"
    q3 = "部分物业企业对垃圾分类重视程度不够，分类收集容器配置不足。"
    r = build_report({"Q": [q1, q2, q3 + q1 + q2]})
    out = run("DUPLICATE_PARAGRAPH", r)
    assert len(out) == 1
    f = out[0]
    assert f.values["pasted"] == ["Q1", "Q2"]
    q3_quotes = [e.quote for e in f.evidence if e.paragraph == "Q3"]
    assert q3_quotes and all(q3 not in q for q in q3_quotes)  # Q3's own text is not reported


def test_duplicate_ignores_short_shared_phrases_and_own_goal():
    r = build_report({
        "G": ["加强安全生产监管，确保全年不发生较大以上生产安全责任事故，按预期完成。"],
        "O": ["加强安全生产监管，确保全年不发生较大以上生产安全责任事故，按预期完成。"],
        "K": ["项目资金支付率100%，按预期完成。", "监护补助经费共计17.1万元，按预期完成。"],
    })
    # O1 copies its own goal: that is OUTCOME_RESTATES_GOAL, not a duplicate
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G1"])}
    assert run("DUPLICATE_PARAGRAPH", r, al) == []


def test_duplicate_inside_one_paragraph():
    # a sentence written twice inside one paragraph is REPEATED_TEXT (its own rule)
    s = "新馆陈列面积1,800平方米，展出文物680件，开馆以来接待观众4.6万人次。"
    r = build_report({"K": ["博物馆陈列布展项目：项目预算260万元。" + s + "获评优秀陈列展览。" + s]})
    assert run("DUPLICATE_PARAGRAPH", r) == []
    out = run("REPEATED_TEXT", r)
    assert len(out) == 1 and out[0].paragraphs() == ["K1", "K1"]
    assert out[0].evidence[0].start != out[0].evidence[1].start


# --- OUTCOME_RESTATES_GOAL -------------------------------------------------------------

GOAL = "落实就业责任，完成辖内失业人员就业率70%，辖内高校毕业生就业率90%以上，就业登记网办率90%以上。"


def test_restated_goal_copy_with_changed_number():
    r = build_report({"G": [GOAL, "开展慰问活动。"], "O": [GOAL.replace("90%以上，就业", "92%以上，就业"), "共慰问残疾人284人次。"]})
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1", "O2": "G2"}, ["G1", "G2"])}
    out = run("OUTCOME_RESTATES_GOAL", r, al)
    assert len(out) == 1
    assert set(out[0].paragraphs()) == {"G1", "O1"}
    assert ("90%", "92%") in [tuple(x) for x in out[0].values["details"]["O1"]["changed_numbers"]]


def test_restated_goal_language_and_real_result():
    r = build_report({
        "G": ["加强出租屋管理，提高出租屋安全。"],
        "P": [
            "每年开展出租屋清查整治，确保出租屋纳管率达到规定要求，力争入室盗窃案件数比上年下降。",
            "全年累计排查出租屋2,156套次，确保了出租屋安全，入室盗窃案件同比下降12%。",
        ],
    })
    out = run("OUTCOME_RESTATES_GOAL", r, {})
    assert [f.values["outcomes"] for f in out] == [["P1"]]
    assert out[0].values["details"]["P1"]["rule"] == "goal_language"


def test_outcome_adding_a_claim_is_not_a_restatement():
    r = build_report({"G": ["深化环境整治。推进" + LIST + "。"], "P": ["在" + LIST + "，均取得较好成效。"]})
    al = {"performance_to_goals": alignment("performance_to_goals", {"P1": "G1"}, ["G1"])}
    assert run("OUTCOME_RESTATES_GOAL", r, al) == []


# --- UNSUPPORTED_CLAIM -----------------------------------------------------------------


def test_unsupported_effect_and_perception():
    r = build_report({
        "P": [
            "在市容环境整治、河道治理等整治工作，均取得较好成效。",
            "城区道路机扫率达到100%，人居环境满意率95%以上。",
            "经第三方机构满意度调查，人居环境满意率95%以上。",
            "打造了两处驿站，运行情况良好，取得较好成效。",
            "群众满意率为93.6%，较上年提高1.2个百分点。",
        ]
    })
    out = run("UNSUPPORTED_CLAIM", r)
    assert sorted(p for f in out for p in f.paragraphs()) == ["P1", "P2"]
    p2 = next(f for f in out if f.paragraphs() == ["P2"])
    assert "95%以上" in p2.evidence[0].quote


def test_unsupported_task_target_not_reported():
    r = build_report({}, tasks=[
        {
            "target": "信访案件按期办结率达到100%，确保刑事警情逐年下降，群众安全感满意率90%及以上。",
            "outcome": "已完成",
            "indicators": [("信访案件办结率", "100%")],
        },
        {
            "target": "对辖区生产经营单位开展日常巡查约3000家次，巡查覆盖率100%。",
            "outcome": "已完成",
            "indicators": [("巡查单位覆盖率", "100%"), ("巡查单位", "3120家次")],
        },
    ])
    out = run("UNSUPPORTED_CLAIM", r)
    assert len(out) == 1
    assert {p.split(".")[0] for p in out[0].paragraphs()} == {"T1"}
    assert len(out[0].values["unreported_targets"]) == 2


# --- CLAIM_CONTRADICTED ----------------------------------------------------------------


def test_contradicted_by_indicator_status():
    r = build_report({}, tasks=[
        {"target": "道路品质提升；全面推进垃圾分类。", "outcome": "已完成",
         "indicators": [("修复人行道", "已完成"), ("开展城市景观提升", "持续推进")]},
        {"target": "慰问残疾人。", "outcome": "已完成", "indicators": [("慰问人次", "284人次")]},
    ])
    out = run("CLAIM_CONTRADICTED", r)
    assert len(out) == 1 and out[0].severity == "high"
    assert {"T1.outcome", "T1.r2"} <= set(out[0].paragraphs())


def test_contradicted_part_of_all_with_goal():
    r = build_report(
        {"G": ["计划申请信息采集的退役军人全部审核通过，通过审核全部悬挂光荣牌。"]},
        tasks=[{
            "target": "计划申请信息采集的退役军人全部审核通过，通过审核全部悬挂光荣牌。",
            "outcome": "申请信息采集的退役军人899人，通过审核813人，已悬挂光荣牌778人。",
            "indicators": [("信息采集", "已完成")],
        }],
    )
    al = {"tasks_to_goals": alignment("tasks_to_goals", {"T1": "G1"}, ["G1"])}
    out = run("CLAIM_CONTRADICTED", r, al)
    assert len(out) == 1
    assert {"T1", "G1"} <= {p.split(".")[0] for p in out[0].paragraphs()}
    assert {"whole": "899人", "part": "813人"} in out[0].values["counts"]


def test_not_contradicted_when_all_done():
    r = build_report({"G": ["申请临时救助的困难群众全部及时得到救助。"],
                      "O": ["临时救助工作已全部完成，受理申请1150人次，实施救助1150人次。"]})
    assert run("CLAIM_CONTRADICTED", r) == []


# --- GOAL_WITHOUT_OUTCOME / PROBLEM_WITHOUT_MEASURE ------------------------------------


def test_goal_without_outcome_one_finding():
    r = build_report({
        "G": ["目标一新建供水工程。", "目标二河道巡查。", "目标三培育合作社。"],
        "O": ["新建供水工程20处。", "巡查河道1620次。"],
        "P": ["全年累计培育合作社示范社10家。"],
    })
    al = {
        "outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1", "O2": None}, ["G1", "G2", "G3"]),
        "performance_to_goals": alignment("performance_to_goals", {"P1": "G3"}, ["G1", "G2", "G3"]),
    }
    out = run("GOAL_WITHOUT_OUTCOME", r, al)
    # G3 is reported with results in P; G2 nowhere
    assert len(out) == 1 and out[0].paragraphs() == ["G2"]


def test_problem_without_measure():
    r = build_report({
        "Q": ["河道清淤进度滞后。", "供水工程管护经费不足。", "水利技术人员不足。"],
        "I": ["2023年4月前完成剩余河道清淤。", "按每处每年1.5万元落实供水工程管护经费。"],
    })
    al = {"problems_to_improvements": alignment("problems_to_improvements",
                                                {"Q1": "I1", "Q2": "I2", "Q3": None}, ["I1", "I2"])}
    out = run("PROBLEM_WITHOUT_MEASURE", r, al)
    assert len(out) == 1 and out[0].paragraphs() == ["Q3"]
    al2 = {"problems_to_improvements": alignment("problems_to_improvements",
                                                 {"Q1": "I1", "Q2": "I2"}, ["I1", "I2"])}
    r2 = build_report({"Q": r.paragraphs("Q")[0].text and ["河道清淤进度滞后。", "供水工程管护经费不足。"],
                       "I": ["2023年4月前完成剩余河道清淤。", "落实供水工程管护经费。"]})
    assert run("PROBLEM_WITHOUT_MEASURE", r2, al2) == []


# --- VAGUE_MEASURE ---------------------------------------------------------------------


def test_vague_measure():
    r = build_report({"I": [
        "继续加强民生服务；",
        "进一步加强管理。",
        "2023年新建乡镇灯光球场5个，由群众体育股负责实施。",
        "继续寻找合适的配餐点场地，拓展配餐点数量；",
    ]})
    out = run("VAGUE_MEASURE", r)
    assert [f.paragraphs() for f in out] == [["I1"], ["I2"]]
    assert all(f.severity == "low" for f in out)


# --- NAME_VARIANT ----------------------------------------------------------------------


def test_name_variant_street_office():
    r = build_report({
        "O": ["青石街道全年巡查单位4340家次。", "青岩街道党工委组织开展活动。"],
        "K": ["青岩地区妇联开展慰问。"],
        "I": ["排查青岩改造期间的不稳定因素。", "与青山街、青林街联合开展巡查。"],
    }, organisation="某市某区人民政府青石街道办事处")
    out = run("NAME_VARIANT", r)
    assert len(out) == 1
    assert out[0].values["variants"] == {"青岩": 3}
    assert out[0].paragraphs() == ["O2", "K1", "I1"]


def test_name_variant_county_bureau_and_clean():
    r = build_report({"P": ["清川县主要河道水质达到Ⅲ类以上。"], "K": ["青川县河长制考核位列全市第二。"]},
                     organisation="青川县水利局")
    out = run("NAME_VARIANT", r)
    assert len(out) == 1 and out[0].paragraphs() == ["P1"]
    clean = build_report({"P": ["青川县主要河道水质达到Ⅲ类以上。"]}, organisation="青川县水利局")
    assert run("NAME_VARIANT", clean) == []


# --- DATE_OUT_OF_PERIOD ----------------------------------------------------------------


def test_date_out_of_period():
    r = build_report({
        "O": [
            "在2022年，共为26名符合条件残疾学生申请2021学年助学补助。",
            "按照《三年行动计划（2021-2023年）》，继续建设服务站16个。",
            "截至2022年3月底，累计办理合同7381份。",
            "2021年全年巡查单位4340家次。",
        ],
        "I": ["2022年计划新建驿站2个。"],
    }, year=2021)
    out = run("DATE_OUT_OF_PERIOD", r)
    assert len(out) == 1 and out[0].paragraphs() == ["O1"]
    assert out[0].severity == "low" and out[0].values["years"] == [2022]


def test_org_and_year_from_title_when_reader_has_none():
    r = build_report({"O": ["清川县主要河道水质达到Ⅲ类以上。", "在2023年，完成河道清淤6条。"]},
                     organisation="青川县水利局", year=2022)
    r.organisation, r.year = None, None
    assert [f.code for f in run("NAME_VARIANT", r)] == ["NAME_VARIANT"]
    assert [f.paragraphs() for f in run("DATE_OUT_OF_PERIOD", r)] == [["O2"]]


def test_contradiction_needs_a_status_cell_or_the_same_work():
    r = build_report({}, tasks=[
        {"target": "推进垃圾分类和道路品质提升。",
         "outcome": "全年新建星级投放点12个，修复人行道3.2公里，各项工作稳步推进。",
         "indicators": [("建设星级投放点", "已完成"), ("修复人行道", "已完成")]},
        {"target": "所有符合条件的困难家庭全部纳入最低生活保障。",
         "outcome": "受理低保申请家庭320户，审核纳入低保286户。",
         "indicators": [("低保审核", "已完成")]},
    ])
    assert run("CLAIM_CONTRADICTED", r) == []
    r2 = build_report({"O": ["河道清淤疏浚工程已全部完成，其余2条河道清淤工程仍在持续推进。"]})
    out = run("CLAIM_CONTRADICTED", r2)
    assert len(out) == 1 and out[0].values["not_finished"] == "持续推进"


def test_measured_value_is_not_a_restatement_but_a_bare_copy_is():
    r = build_report({
        "G": ["打好碧水保卫战，国控断面水质达标率100%，饮用水水源地水质达标率100%。",
              "推进计量惠民，开展集贸市场计量器具免费检定。"],
        "O": ["国控断面水质达标率为100%，饮用水水源地水质达标率为100%。",
              "开展集贸市场计量器具免费检定，惠及经营户。"],
    })
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1", "O2": "G2"}, ["G1", "G2"])}
    out = run("OUTCOME_RESTATES_GOAL", r, al)
    assert [f.values["outcomes"] for f in out] == [["O2"]]


def test_part_of_all_whole_counted_in_another_unit_first():
    r = build_report({"G": ["开展特种设备隐患排查，所有隐患全部整改到位。"],
                      "O": ["排查特种设备4,820台，发现安全隐患326处，已整改298处，隐患整改工作已全部完成。"]})
    out = run("CLAIM_CONTRADICTED", r)
    assert len(out) == 1 and out[0].values["counts"] == [{"whole": "326处", "part": "298处"}]


def test_vague_measure_all_generic_verbs_but_not_a_named_action():
    r = build_report({"I": [
        "加强司法行政队伍建设，提升队伍素质。",
        "加强出租屋网格员业务培训。",
        "由执法大队负责，加强队伍建设。",
    ]})
    assert [f.paragraphs() for f in run("VAGUE_MEASURE", r)] == [["I1"]]


def test_a_vague_measure_answers_no_problem():
    # 应急管理 is the unit's own field (an emergency bureau's report): a slogan naming
    # only that field says nothing about the problem
    r = build_report({
        "Q": ["乡镇救援队伍装备不足。", "应急指挥信息化水平不高，县乡指挥平台尚未互联互通。"],
        "I": ["2023年为乡镇救援队伍配备救援装备，9月底前完成。", "进一步加强应急管理。"],
    }, organisation="某某县应急管理局")
    al = {"problems_to_improvements": alignment("problems_to_improvements",
                                                {"Q1": "I1", "Q2": None}, ["I1", "I2"])}
    out = run("PROBLEM_WITHOUT_MEASURE", r, al)
    assert len(out) == 1 and out[0].paragraphs() == ["Q2"]


# --- generalisation: own sentences for the blind-evaluation failure shapes -------------

_HEAD = "某某县林业局2022年度部门整体支出绩效自评报告\n单位：万元\n一、部门基本情况\n某某县林业局内设股室5个。\n"


def _analyze_text(tmp_path, body: str, name: str = "r.txt"):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / name
    f.write_text(_HEAD + body, encoding="utf-8")
    return analyze(f)


def _codes(a, code):
    return [f for f in a.findings if f.code == code]


def test_contradicted_count_below_goal_while_claiming_completion(tmp_path):
    a = _analyze_text(tmp_path, (
        "二、年度绩效目标\n1.实施森林防火通道建设，全年新建防火通道25条。\n"
        "2.开展林业有害生物普查，普查面积不少于60万亩。\n"
        "三、目标完成情况\n1.森林防火通道建设任务已全面完成，全年新建防火通道19条，通道通行条件明显改善。\n"
        "2.林业有害生物普查工作圆满完成，完成普查面积64万亩，发现疫点3处。\n"
    ))
    out = _codes(a, "CLAIM_CONTRADICTED")
    assert len(out) == 1
    assert {"O1", "G1"} <= set(out[0].paragraphs())


def test_completed_substep_is_not_a_completion_claim():
    r = build_report({"K": ["林区道路改造项目：项目资金210万元，目前已完成项目设计和招标采购，正在进行路基施工。"]})
    assert run("CLAIM_CONTRADICTED", r) == []
    r = build_report({"K": ["苗圃改造项目：项目已全部完成，但部分附属设施正在进行施工，苗圃改造工作仍在推进。"]})
    assert len(run("CLAIM_CONTRADICTED", r)) == 1


def test_contradicted_trend_against_target_direction():
    r = build_report({}, tasks=[
        {"target": "森林火灾受害率同比下降；提高护林员巡护覆盖率。", "outcome": "已完成",
         "indicators": [("森林火灾受害率同比变化", "上升3.2%"), ("护林员人数", "120人")]},
        {"target": "林业案件发案数同比下降。", "outcome": "已完成",
         "indicators": [("林业案件发案数同比变化", "下降6.5%")]},
    ])
    out = run("CLAIM_CONTRADICTED", r)
    assert len(out) == 1
    assert {"T1", "T1.r1"} <= set(out[0].paragraphs())


def test_unsupported_effect_verbs_inside_sentence():
    r = build_report({"O": ["全面加强林区巡护，乱砍滥伐行为得到有效遏制，各项工作指标均已达标。",
                            "全面加强林区巡护，全年查处乱砍滥伐案件12起，林区秩序明显好转。"]})
    out = run("UNSUPPORTED_CLAIM", r)
    assert [f.paragraphs() for f in out] == [["O1", "O1"]]


def test_goal_language_wins_over_weak_result_marker():
    r = build_report({
        "G": ["推进国土绿化，完成植树造林2万亩。"],
        "O": ["计划全年完成植树造林1.8万亩，力争森林覆盖率提高0.5个百分点，着力建设绿色生态屏障。"],
    })
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G1"])}
    out = run("OUTCOME_RESTATES_GOAL", r, al)
    assert len(out) == 1 and "O1" in out[0].paragraphs()


def test_two_outcomes_copying_each_other_on_one_goal_are_a_duplicate():
    o = "全县完成人工造林1.2万亩、封山育林3.5万亩，新建林下经济示范基地6个，带动林农户均增收2,300元。"
    r = build_report({"G": ["推进国土绿化和林下经济发展。"], "O": [o], "P": [o]})
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G1"]),
          "performance_to_goals": alignment("performance_to_goals", {"P1": "G1"}, ["G1"])}
    out = run("DUPLICATE_PARAGRAPH", r, al)
    assert len(out) == 1 and set(out[0].paragraphs()) == {"O1", "P1"}
    # both copying their goal is a restated goal, not a duplicate
    g = "推进国土绿化，全县完成人工造林1.2万亩、封山育林3.5万亩，新建林下经济示范基地6个。"
    r = build_report({"G": [g], "O": [g], "P": [g]})
    assert run("DUPLICATE_PARAGRAPH", r, al) == []


def test_report_subject_word_alone_ties_no_measure():
    r = build_report({
        "Q": ["林业执法力量薄弱，林业执法人员仅8名。", "林业资金使用效率不高，林业项目支出进度偏慢。",
              "林业数据更新滞后，林业资源档案不完整。"],
        "I": ["充实林业执法队伍，2023年新增林业执法人员4名。", "建立林业项目支出月通报制度，加快林业资金支出进度。",
              "2023年建成林业视频监控平台，实现林区全天候监控。"],
    })
    out = run("PROBLEM_WITHOUT_MEASURE", r)
    assert len(out) == 1 and out[0].paragraphs() == ["Q3"]


def test_abbreviated_measure_answers_its_problem():
    r = build_report({
        "Q": ["电信网络诈骗案件高发，群众防骗意识薄弱。", "辖区消防通道占用问题突出。"],
        "I": ["2023年开展反诈宣传进社区活动120场，由治安大队负责。", "2023年6月底前清理占用消防通道车辆，由消防站负责。"],
    })
    assert run("PROBLEM_WITHOUT_MEASURE", r) == []


# --- second blind round: own sentences for the shapes it missed ------------------------


def test_remainder_not_finished_contradicts_completion_in_same_paragraph():
    r = build_report({"O": ["全年受理农村危房改造申请56户，已竣工入住51户，其余5户因选址调整暂未开工，危房改造工作圆满完成。"]})
    out = run("CLAIM_CONTRADICTED", r)
    assert len(out) == 1 and out[0].values["not_finished"] == "暂未"
    # a remainder that is finished, or no completion claim, is no contradiction
    r = build_report({"O": ["全年受理农村危房改造申请56户，已竣工入住51户，其余5户已纳入下年度计划。"]})
    assert run("CLAIM_CONTRADICTED", r) == []


def test_annual_task_claim_with_count_below_goal(tmp_path):
    a = _analyze_text(tmp_path, (
        "二、年度绩效目标\n1.开展木材经营加工场所执法检查，全年检查场所不少于50家。\n"
        "三、目标完成情况\n1.联合市场监管部门开展木材经营加工场所执法检查，全年共检查场所41家，完成年度目标任务。\n"
    ))
    out = _codes(a, "CLAIM_CONTRADICTED")
    assert len(out) == 1 and {"O1", "G1"} <= set(out[0].paragraphs())


def test_goal_language_with_striving_cue():
    r = build_report({
        "G": ["做好林权纠纷调处，调处成功率达到90%以上。"],
        "O": ["认真做好林权纠纷调处工作，确保调处成功率达到90%以上，努力将纠纷解决在乡镇一级。"],
    })
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G1"])}
    out = run("OUTCOME_RESTATES_GOAL", r, al)
    assert len(out) == 1 and out[0].values["outcomes"] == ["O1"]
    # a reported result with the same words is not goal language
    r = build_report({
        "G": ["做好林权纠纷调处，调处成功率达到90%以上。"],
        "O": ["全年调处林权纠纷37起，调处成功率为94.6%，经过努力将纠纷解决在乡镇一级的占八成。"],
    })
    assert run("OUTCOME_RESTATES_GOAL", r, al) == []


def test_end_event_dated_before_its_own_start():
    r = build_report({"K": ["苗木繁育基地项目。项目资金95万元，该项目于2022年4月开工，2021年10月完成竣工验收，基地育苗能力明显提高。"]})
    out = run("DATE_OUT_OF_PERIOD", r)
    assert len(out) == 1 and out[0].values["years"] == [2021]
    # an earlier completion given as background, with no start this year, is fine
    r = build_report({"K": ["苗木繁育基地于2021年10月建成，2022年新增育苗面积120亩。",
                            "较2021年同期，完成造林面积增长12%，项目于2022年3月启动。"]})
    assert run("DATE_OUT_OF_PERIOD", r) == []


def test_one_shared_phrase_does_not_answer_when_the_measure_belongs_elsewhere():
    r = build_report({
        "Q": ["乡村旅游配套设施薄弱，民宿接待企业规模小、服务标准低。",
              "古树名木保护经费不足，部分古树长势衰弱，病虫危害和人为损伤时有发生。"],
        "I": ["开展古树名木健康体检，对长势衰弱古树实施复壮，落实病虫危害防治和挂牌保护，严防人为损伤，由接待企业协助巡查。"],
    })
    out = run("PROBLEM_WITHOUT_MEASURE", r)
    assert len(out) == 1 and out[0].paragraphs() == ["Q1"]


# --- general rules found with blind set 3 (reports written for these tests) ------------


def test_name_variant_of_a_federation_or_association():
    # 协会/联合会/工会… name what the body is, so its core is the place it belongs to
    r = build_report({
        "P": ["清和区科协全年组织科普讲座36场。"],
        "I": ["由清和区科协学会部牵头，2024年建成科普基地2个。"],
        "O": ["清河区科协开展科技活动周活动。"],
    }, organisation="江州市清河区科学技术协会")
    out = run("NAME_VARIANT", r)
    assert len(out) == 1 and out[0].values["variants"] == {"清和": 2}
    assert out[0].paragraphs() == ["P1", "I1"]
    clean = build_report({"P": ["清河区科协全年组织科普讲座36场。"]}, organisation="江州市清河区科学技术协会")
    assert run("NAME_VARIANT", clean) == []


def test_unsupported_task_count_target_is_not_a_rate():
    r = build_report({}, tasks=[
        # 中度 is a word, not a rate: 150人次 is an output, reported by the indicators
        {"target": "为中度以上失能老人提供上门助浴服务150人次。", "outcome": "已完成",
         "indicators": [("助浴服务人次", "156人次"), ("其中：上门服务", "98人次")]},
        # a rate with words after it (保持在) is reported by a percentage indicator naming it
        {"target": "重点人群家庭医生签约率保持在75%以上。", "outcome": "已完成",
         "indicators": [("家庭医生签约服务覆盖", "78.2%")]},
        # a real rate with no indicator for it is still unreported
        {"target": "居民电子健康档案建档率达到90%以上。", "outcome": "已完成",
         "indicators": [("建档户数", "3200户")]},
    ])
    out = run("UNSUPPORTED_CLAIM", r)
    assert len(out) == 1 and {p.split(".")[0] for p in out[0].paragraphs()} == {"T3"}


def test_duplicate_short_paragraphs_equal_almost_whole():
    r = build_report({"Q": [
        "乡镇文化站图书更新较慢，群众借阅积极性不高。",
        "数字阅读设备配置不足，部分设备老化。",
        "乡镇文化站图书更新慢，群众借阅积极性不高。",
        "乡镇文化站图书更新较慢，流动借阅点偏少。",  # one shared phrase: not a copy
    ]})
    out = run("DUPLICATE_PARAGRAPH", r)
    assert len(out) == 1 and out[0].paragraphs() == ["Q1", "Q3"]


def test_problem_not_answered_by_the_office_named_as_owner():
    r = build_report({
        "Q": ["冷库容量不足，旺季储存压力大。", "专业检验人员短缺，持证检验员仅3名。"],
        "I": ["2024年新建冷库1座，扩大冷库容量，由专业检验股负责。"],
    })
    out = run("PROBLEM_WITHOUT_MEASURE", r)
    assert len(out) == 1 and out[0].values["problems"] == ["Q2"]


def test_vague_closing_slogan_with_own_name():
    r = build_report({"I": [
        "持续深化统计服务能力建设，奋力谱写青湖统计事业发展新篇章。",
        "建立基层统计报表交叉核查制度，对发现的数据质量问题逐项整改并通报。",
        "加强统计执法检查。",  # a concrete action beside the office's own field word
    ]}, organisation="江州市青湖区统计局")
    out = run("VAGUE_MEASURE", r)
    assert [f.paragraphs() for f in out] == [["I1"]]


def test_duplicate_short_stock_outcomes_of_tasks_are_not_copies():
    done = "已按年初计划完成本项任务，各项指标均达到预期。"
    r = build_report({}, tasks=[
        {"target": "开展消防安全检查。", "outcome": done, "indicators": [("检查单位", "120家")]},
        {"target": "开展燃气安全检查。", "outcome": done, "indicators": [("检查单位", "86家")]},
    ])
    assert run("DUPLICATE_PARAGRAPH", r) == []


# --- general rules found with blind set 4 (reports written for these tests) ------------


def test_copied_goal_reporting_plain_values_is_a_result():
    r = build_report({
        "G": ["改造农村公路危桥6座，完成公路养护里程120公里以上。",
              "强化校园食品安全监管，全年抽查学校食堂60所，食品抽检合格率100%。",
              "全年培训基层农技人员不少于200人次，培训考核合格率90%以上。",
              "2022年底前完成乡镇污水处理站提标改造，出水达标率100%。"],
        "O": ["改造农村公路危桥6座，完成公路养护里程134公里。",
              "校园食品安全监管有序推进。全年抽查学校食堂57所，食品抽检合格率100%。",
              "全年培训基层农技人员不少于200人次，培训考核合格率93%以上。",
              "2023年底前完成乡镇污水处理站提标改造，出水达标率100%。"],
    })
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {f"O{k}": f"G{k}" for k in range(1, 5)},
                                         [f"G{k}" for k in range(1, 5)])}
    out = run("OUTCOME_RESTATES_GOAL", r, al)
    # O1, O2 report the values reached in the goal's words (120公里以上 -> 134公里);
    # O3 still states a target (93%以上), O4 only moved a date
    assert sorted(f.values["outcomes"][0] for f in out) == ["O3", "O4"]


def test_problem_paired_with_a_vague_measure_keeps_its_numbered_measure():
    r = build_report({
        "Q": ["社区养老服务站运营经费不足，护理人员流动性大。",
              "政策宣讲方式单一，线上渠道覆盖不够，年轻家长知晓率偏低。"],
        "I": ["2024年争取社区养老服务站运营补贴30万元，稳定护理人员队伍。",
              "开通“某某家长课堂”抖音号和视频号，2024年推送短片50期以上，由办公室负责。",
              "持续加强家庭教育工作，不断提升服务群众水平。"],
    }, organisation="某某县教育局")
    # the aligner paired Q2 with the slogan I3, which answers nothing; I2, Q2's
    # same-numbered measure, is unpaired and shares a content word with it
    al = {"problems_to_improvements": alignment("problems_to_improvements",
                                                {"Q1": "I1", "Q2": "I3"}, ["I1", "I2", "I3"])}
    assert [f.paragraphs() for f in run("VAGUE_MEASURE", r)] == [["I3"]]
    assert run("PROBLEM_WITHOUT_MEASURE", r, al) == []
    # with no same-numbered measure left, the problem stays unanswered
    r2 = build_report({"Q": [p.text for p in r.paragraphs("Q")],
                       "I": [r.paragraphs("I")[0].text, r.paragraphs("I")[2].text]}, organisation="某某县教育局")
    al2 = {"problems_to_improvements": alignment("problems_to_improvements",
                                                 {"Q1": "I1", "Q2": "I2"}, ["I1", "I2"])}
    out = run("PROBLEM_WITHOUT_MEASURE", r2, al2)
    assert len(out) == 1 and out[0].paragraphs() == ["Q2"]


# --- general rules found with blind set 5 (reports written for these tests) ------------


def test_parallel_numbered_measure_answers_its_problem_in_other_words():
    qs = ["图书馆阅览座位不足，节假日读者排队等候。",
          "文物保护修缮经费缺口大，部分工程停工。",
          "非遗传承人培养滞后，传承梯队断层。"]
    ms = ["2023年新增图书馆阅览座位120个，节假日延长开放时间。",
          "积极争取省级专项补助，督促施工单位2023年5月底前复工，由非遗传承中心跟踪督办。",
          "2023年举办非遗传承人研修班2期，培养青年传承人10名。"]
    al = {"problems_to_improvements": alignment("problems_to_improvements",
                                                {f"Q{k}": f"I{k}" for k in (1, 2, 3)}, ["I1", "I2", "I3"])}
    # every other problem is answered by its same-numbered measure: I2 answers Q2 in
    # words of its own (经费缺口 -> 补助, 停工 -> 复工); the office named as I2's owner
    # (由…督办) does not tie I2 to Q3
    assert run("PROBLEM_WITHOUT_MEASURE", build_report({"Q": qs, "I": ms}), al) == []
    # a second measure that repeats the first answers nothing new
    r2 = build_report({"Q": qs, "I": [ms[0], "新增图书馆阅览座位，节假日延长开放时间，缓解读者排队。", ms[2]]})
    out = run("PROBLEM_WITHOUT_MEASURE", r2, al)
    assert len(out) == 1 and out[0].paragraphs() == ["Q2"]


def test_vague_measure_of_attitudes_only():
    r = build_report({"I": [
        "切实提高思想认识，增强责任担当，全面加强档案工作。",
        "2024年组织档案业务培训2期。",
        "增强档案库房消防设施，年底前完成。",
    ]})
    assert [f.paragraphs() for f in run("VAGUE_MEASURE", r)] == [["I1"]]


# --- general rules found with blind set 6 (reports written for these tests) ------------


def test_name_variant_slip_inside_the_organisation_own_name():
    org = "江北市城市排水管理中心"
    r = build_report({
        "K": ["雨污分流改造项目：江北市城市徘水管理中心完成管网清淤12公里。"],
        "I": ["2023年由江北市城市排水管理中心管网科负责泵站改造。"],
    }, organisation=org)
    out = run("NAME_VARIANT", r)
    assert len(out) == 1 and out[0].paragraphs() == ["K1"]
    assert out[0].values["variants"] == {"城市徘水管理": 1}
    # another unit named alike (供水 is a word) and a short form are no slips
    clean = build_report({
        "K": ["会同江北市城市供水管理中心完成管网清淤12公里。"],
        "I": ["2023年由江北市城市排水中心管网科负责泵站改造。"],
    }, organisation=org)
    assert run("NAME_VARIANT", clean) == []


def test_restated_problem_with_words_moved_is_a_duplicate():
    r = build_report({"Q": [
        "村级便民服务站工作人员流动性大，业务办理不熟练，群众多次跑腿。",
        "网上办事平台部分事项办理流程繁琐。",
        "便民服务站村级工作人员流动性大，业务办理不够熟练，群众多次跑腿现象仍然存在。",
        "村级便民服务站场地狭小，群众等候区座位不足。",  # shares a subject only
    ]})
    out = run("DUPLICATE_PARAGRAPH", r)
    assert len(out) == 1 and out[0].paragraphs() == ["Q1", "Q3"]


def test_performance_paragraph_sharing_only_a_verb_reports_no_goal():
    r = build_report({
        "G": ["新建村级便民服务站12个。", "落实食品安全监管，开展校园周边食品摊点排查。"],
        "O": ["全年新建村级便民服务站12个。"],
        "P": ["严格落实值班制度，全年值班365天，接听群众来电2,140个。"],
    })
    al = {
        "outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G1"]),
        "performance_to_goals": alignment("performance_to_goals", {"P1": "G2"}, ["G1", "G2"]),
    }
    out = run("GOAL_WITHOUT_OUTCOME", r, al)
    assert len(out) == 1 and out[0].paragraphs() == ["G2"]
    # a performance paragraph on the goal's own topic reports it
    r2 = build_report({
        "G": r.paragraphs("G")[0].text and ["新建村级便民服务站12个。", "落实食品安全监管，开展校园周边食品摊点排查。"],
        "O": ["全年新建村级便民服务站12个。"],
        "P": ["全年排查校园周边食品摊点214个，整改问题摊点31个。"],
    })
    assert run("GOAL_WITHOUT_OUTCOME", r2, al) == []


def test_full_coverage_claimed_while_counting_a_part():
    r = build_report({
        "G": ["推进电子证照应用，全县政务服务事项“电子亮证”实现全覆盖。"],
        "O": ["全年梳理政务服务事项326项，其中281项实现“电子亮证”，我县政务服务事项“电子亮证”已实现全覆盖。"],
    })
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G1"])}
    out = run("CLAIM_CONTRADICTED", r, al)
    assert len(out) == 1 and {"O1", "G1"} <= set(out[0].paragraphs())
    assert {"whole": "326项", "part": "281项"} in out[0].values["counts"]
    ok = build_report({
        "G": ["推进电子证照应用，全县政务服务事项“电子亮证”实现全覆盖。"],
        "O": ["全年梳理政务服务事项326项，326项均实现“电子亮证”，已实现全覆盖。"],
    })
    assert run("CLAIM_CONTRADICTED", ok, al) == []


# --- general rules found with blind set 7 (reports written for these tests) ------------


def test_task_copy_of_plain_counts_confirmed_by_indicators_is_a_result():
    target = "新建村级文化活动室6个，配备文化管理员18名。"
    r = build_report({}, tasks=[
        {"target": target, "outcome": target,
         "indicators": [("文化活动室建成数", "6个"), ("文化管理员人数", "18名")]},
        # the same copy with a qualifier still states the target
        {"target": "组织送戏下乡不少于40场。", "outcome": "组织送戏下乡不少于40场。",
         "indicators": [("送戏下乡场次", "40场")]},
        # a copy whose indicators report other values is no report of them
        {"target": "改造农家书屋20个，更新图书5000册。", "outcome": "改造农家书屋20个，更新图书5000册。",
         "indicators": [("农家书屋改造数", "17个")]},
    ])
    out = run("OUTCOME_RESTATES_GOAL", r)
    assert sorted(f.values["outcomes"][0] for f in out) == ["T2.outcome", "T3.outcome"]


def test_per_unit_yearly_standard_is_not_goal_language():
    r = build_report({
        "G": ["落实困难学生生活补助政策，按时发放补助资金。"],
        "O": ["发放困难学生生活补助，受助学生860人，按每生每年1,500元标准发放129.00万元；"
              "另有寄宿生补助420人，每人每年1,000元，计42.00万元。",
              "每年组织一次家庭经济困难学生认定，确保资助对象精准。"],
    })
    al = {"outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1", "O2": None}, ["G1"])}
    out = run("OUTCOME_RESTATES_GOAL", r, al)
    assert [f.values["outcomes"] for f in out] == [["O2"]]


def test_vague_measure_on_the_problems_topic_answers_it():
    qs = ["乡镇卫生院信息系统互不联通，检查结果无法共享。", "村卫生室常用慢病药品配备不足，经常断供。"]
    r = build_report({
        "Q": qs,
        "I": ["进一步加强信息化建设，不断提升医疗服务水平。",
              "2024年为村卫生室增配常用慢病药品60种，由药剂科负责，6月底前完成。"],
    }, organisation="某某县卫生健康局")
    al = {"problems_to_improvements": alignment("problems_to_improvements",
                                                {"Q1": None, "Q2": "I2"}, ["I1", "I2"])}
    # I1 is vague, but it is Q1's same-numbered measure and names Q1's topic (信息):
    # the defect is VAGUE_MEASURE's alone
    assert [f.paragraphs() for f in run("VAGUE_MEASURE", r)] == [["I1"]]
    assert run("PROBLEM_WITHOUT_MEASURE", r, al) == []
    # a vague measure that shares nothing with the problem answers nothing
    r2 = build_report({"Q": qs, "I": ["持续加强队伍建设，不断提升服务水平。", r.paragraphs("I")[1].text]},
                      organisation="某某县卫生健康局")
    out = run("PROBLEM_WITHOUT_MEASURE", r2, al)
    assert len(out) == 1 and out[0].paragraphs() == ["Q1"]


def test_unsourced_perception_rate_does_not_support_an_effect_claim():
    r = build_report({"P": [
        "社区文化服务水平显著提升，居民参与热情大幅提高，居民满意度达到98%。",
        "经问卷调查，居民满意度达到98%，社区文化服务水平显著提升。",
        "全年举办社区文化活动126场，参与居民1.8万人次，活动覆盖率显著提升。",
        "居民文明意识普遍增强，社区环境满意度达到100%。",
    ]})
    out = run("UNSUPPORTED_CLAIM", r)
    assert sorted({p for f in out for p in f.paragraphs()}) == ["P1", "P4"]
    p1 = next(f for f in out if "P1" in f.paragraphs())
    assert any("98%" in e.quote for e in p1.evidence)


# --- general rules found with blind set 8 (reports written for these tests) ------------


def test_vague_measure_of_hoped_for_state_and_jurisdiction():
    r = build_report({"I": [
        "继续抓好水务管理各项工作，确保全市防汛抗旱形势持续稳定。",
        "进一步提高管理水平，全面提升泵站运行质效。",
        "组织泵站值守人员开展汛前设备检修，确保全市防汛形势持续稳定。",  # concrete action
    ]}, organisation="江州市水务局")
    out = run("VAGUE_MEASURE", r)
    assert sorted(p for f in out for p in f.paragraphs()) == ["I1", "I2"]


def test_praise_verb_with_aspect_marker_is_part_of_the_claim():
    r = build_report({"P": [
        "社会效益。社区居家养老服务明显改善，得到了辖区老年人的广泛认可。",
        "社会效益。全年上门服务老年人3,260人次，得到了辖区老年人的广泛认可。",
    ]})
    out = run("UNSUPPORTED_CLAIM", r)
    assert [set(f.paragraphs()) for f in out] == [{"P1"}]
    assert any("得到了" in e.quote for e in out[0].evidence)


def test_performance_paragraph_sharing_only_the_office_field_reports_no_goal():
    g = ["全年巡查河道不少于500公里。", "规范取水许可管理，全年核发取水许可证不少于80件。"]
    al = {
        "outcomes_to_goals": alignment("outcomes_to_goals", {"O1": "G1"}, ["G2"]),
        "performance_to_goals": alignment("performance_to_goals", {"P1": "G2"}, ["G1", "G2"]),
    }
    r = build_report({
        "G": g,
        "O": ["全年巡查河道612公里。"],
        "P": ["管理效益方面。全年受理水务类投诉工单426件，已全部办结。"],
    }, organisation="江州市水务管理处")
    out = run("GOAL_WITHOUT_OUTCOME", r, al)
    assert len(out) == 1 and out[0].paragraphs() == ["G2"]
    # a performance paragraph on the goal's own topic still reports it
    ok = build_report({
        "G": g,
        "O": ["全年巡查河道612公里。"],
        "P": ["管理效益方面。全年已核发取水许可证86件。"],
    }, organisation="江州市水务管理处")
    assert run("GOAL_WITHOUT_OUTCOME", ok, al) == []


def test_whole_claim_contradicted_by_partial_progress_share():
    r = build_report({"K": [
        "城北污水管网改造工程。截至年底累计完成工程总量的64%，剩余管段预计次年汛后施工，改造任务已全面完成。"
    ]})
    out = run("CLAIM_CONTRADICTED", r)
    assert len(out) == 1 and set(out[0].paragraphs()) == {"K1"}
    assert "64%" in out[0].values["not_finished"]
    ok = build_report({"K": ["城北污水管网改造工程。截至年底累计完成工程总量的100%，改造任务已全面完成。"]})
    assert run("CLAIM_CONTRADICTED", ok) == []


def test_not_finished_clause_takes_its_subject_from_the_clause_before():
    r = build_report({"O": [
        "建设乡镇综合文化站4个，其中东岭、西岭文化站已投入使用，南岭文化站主体完工，"
        "正在进行室内布展，文化站建设任务已全面完成。"
    ]})
    out = run("CLAIM_CONTRADICTED", r)
    assert len(out) == 1 and out[0].values["not_finished"] == "正在进行"
    # the clause before names other work: no contradiction of this claim
    ok = build_report({"O": [
        "建设乡镇综合文化站4个，均已投入使用，图书馆数字化改造方案已报批，正在进行招标，文化站建设任务已全面完成。"
    ]})
    assert run("CLAIM_CONTRADICTED", ok) == []


def test_indicator_naming_a_counted_thing_reported_as_percentage():
    from nlp_pipeline import text as T
    from nlp_pipeline.detect import Context
    from nlp_pipeline.lexicons import Lexicons

    def go(target, indicators):
        r = build_report({}, tasks=[{"target": target, "outcome": "已完成", "indicators": indicators}])
        ctx = Context(report=r, mentions=T.extract_mentions(r), alignments={}, lexicons=Lexicons())
        out = list(DETECTORS["UNIT_MISMATCH"](ctx))
        check_evidence(r, out)
        return out

    out = go("新建农村公厕30座，改造乡镇污水提升泵站8座。",
             [("新建农村公厕", "30座"), ("改造乡镇污水提升泵站", "100%")])
    assert len(out) == 1 and "T1.k2" in out[0].paragraphs()
    # counted before the noun (8座…泵站) too
    assert len(go("新建农村公厕30座，改造8座乡镇污水提升泵站。", [("改造乡镇污水提升泵站", "100%")])) == 1
    # a thing the target does not count may be reported as a share
    assert go("新建农村公厕30座，提高公厕保洁覆盖。", [("公厕保洁覆盖", "100%")]) == []


@pytest.mark.parametrize("slogan", ["为健康城市建设提供了坚实保障", "为乡村振兴奠定了坚实基础", "为全县发展作出了重要贡献"])
def test_a_contribution_slogan_is_no_reported_output(slogan):
    """「…工作成效显著，…满意度显著提升，为…提供了坚实保障」: the 了 of the slogan marks no
    output, so the effect claims stand unsupported."""
    r = build_report({"P": [f"全市疾病预防控制工作成效显著，群众获得感明显增强，{slogan}。"]})
    out = run("UNSUPPORTED_CLAIM", r)
    assert len(out) == 1 and out[0].paragraphs()[0] == "P1"


@pytest.mark.parametrize("none", ["资金管理方面：无。项目资金实行专账核算、专款专用。", "无。", "暂无。",
                                  "安全生产方面：未发现问题。"])
def test_a_problem_item_that_says_none_needs_no_measure(none):
    r = build_report({"Q": [none, "助餐点布局不均衡，老旧小区距长者食堂较远。"],
                      "I": ["2025年在老旧小区新增助餐点2个，由社会事务科负责。"]})
    out = run("PROBLEM_WITHOUT_MEASURE", r)
    assert out == []


def test_an_effect_claimed_with_its_verbs_le_is_unsupported():
    r = build_report({"O": ["项目实施有效提升了农业生产效率，农民增收效果显著，群众获得感明显增强。"]})
    out = run("UNSUPPORTED_CLAIM", r)
    assert len(out) == 1


def test_a_further_improvement_is_no_claim():
    r = build_report({"P": ["全年开展培训12期，培训1,260人次，干部业务能力进一步提升。"]})
    assert run("UNSUPPORTED_CLAIM", r) == []
