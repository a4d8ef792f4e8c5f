"""Unit tests of the text-side detectors on reports built by hand."""
from __future__ import annotations

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
    s = "新馆陈列面积1,800平方米，展出文物680件，开馆以来接待观众4.6万人次。"
    r = build_report({"K": ["博物馆陈列布展项目：项目预算260万元。" + s + "获评优秀陈列展览。" + s]})
    out = run("DUPLICATE_PARAGRAPH", r)
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
    r = build_report({
        "Q": ["乡镇救援队伍装备不足。", "应急指挥信息化水平不高，县乡指挥平台尚未互联互通。"],
        "I": ["2023年为乡镇救援队伍配备救援装备，9月底前完成。", "进一步加强应急管理。"],
    })
    al = {"problems_to_improvements": alignment("problems_to_improvements",
                                                {"Q1": "I1", "Q2": None}, ["I1", "I2"])}
    out = run("PROBLEM_WITHOUT_MEASURE", r, al)
    assert len(out) == 1 and out[0].paragraphs() == ["Q2"]
