"""Plain-text reports: the narrative layout of docs/CONVENTIONS.md, small forms, encodings."""
from __future__ import annotations

import pytest

import ingest_fixtures as F
from nlp_pipeline.ingest import read_report, read_text
from nlp_pipeline.text.normalize import normalize


def test_narrative_sections_and_items(tmp_path):
    r = read_report(F.write_text(tmp_path, "n.txt", F.NARRATIVE))
    assert r.reader == "narrative"
    assert F.section_counts(r) == F.NARRATIVE_COUNTS
    assert r.missing_sections == []
    F.assert_offsets(r)
    g = r.sections["G"].paragraphs
    assert [p.number for p in g] == ["1.", "2、", "3."]
    # deeper-numbered lines continue their item
    assert "（2）乡镇河道20公里" in g[1].text and g[1].text.startswith("开展河道清淤")
    assert r.sections["Q"].paragraphs[1].text == "绩效目标设置不够细化"
    assert [p.number for p in r.sections["I"].paragraphs] == ["①", "②"]
    # a sub-heading of the K section is no paragraph; items of both projects are
    assert [p.text for p in r.sections["K"].paragraphs][2] == "完成清淤28公里。"
    # unnumbered lines are paragraphs of their own
    assert [p.number for p in r.sections["P"].paragraphs] == [None, None]
    # what follows a heading that names no section is not read into the last section
    assert all("无。" != p.text for p in r.paragraphs())


def test_narrative_header_and_budget(tmp_path):
    r = read_report(F.write_text(tmp_path, "n.txt", F.NARRATIVE))
    assert r.title.endswith("自评报告")
    assert r.organisation == "某某县水务局" and r.year == 2022
    assert r.currency_unit == "万元" and r.currency_factor == 10000
    assert F.budget_values(r) == pytest.approx(F.NARRATIVE_BUDGET)
    for name in F.NARRATIVE_BUDGET:
        v = getattr(r.budget, name)
        assert r.text[v.start:v.end] == v.text


def test_narrative_other_heading_shapes():
    r = read_text(F.NARRATIVE_VARIANT, "variant.txt")
    assert F.section_counts(r) == F.VARIANT_COUNTS
    assert r.sections["Q"].paragraphs[0].text == "资金拨付进度偏慢。"
    assert sorted(r.missing_sections) == ["K", "P"]
    assert r.organisation == "XX市教育局" and r.year == 2023
    F.assert_offsets(r)


def test_sentence_naming_a_section_is_no_heading():
    text = "一、存在问题\n1.存在问题整改率达到100%。\n2.绩效目标完成情况总体较好，但仍需加强。\n二、改进措施\n1.加强管理。\n"
    r = read_text(text, "x.txt")
    assert F.section_counts(r) == {"Q": 2, "I": 1}


def test_full_width_digits_are_read_but_text_is_kept():
    text = F.NARRATIVE.replace("1,234.56", "１,２３４.５６").replace("1.完成农村饮水安全", "１．完成农村饮水安全")
    r = read_text(text, "fw.txt")
    assert r.text == text  # Report.text is never altered
    assert r.budget.initial_budget.value == pytest.approx(1234.56)
    assert r.budget.initial_budget.text == "１,２３４.５６"
    assert r.sections["G"].paragraphs[0].number == "１．"
    assert normalize(r.sections["G"].paragraphs[0].number) == "1."
    F.assert_offsets(r)


def test_small_form_with_other_labels():
    r = read_text(F.SMALL_FORM, "small.txt")
    assert r.reader == "form-tsv"
    assert F.section_counts(r) == {**F.SMALL_FORM_COUNTS, "T": 2}
    assert [len(t.indicators) for t in r.tasks] == F.SMALL_FORM_INDICATORS
    assert r.currency_unit == "元" and r.currency_factor == 1
    assert r.organisation == "XX县农业农村局" and r.year == 2022
    assert r.budget.initial_budget.value == 2_000_000 and r.budget.adjustment_rate.value == 10
    t1 = r.tasks[0]
    assert t1.number == "任务一"
    # <p> names and results pair by position; the row after an empty line still belongs here
    assert [(i.name, i.result) for i in t1.indicators] == [
        ("建设面积", "1.02万亩"), ("验收合格率", "100%"), ("农田灌溉保证率", "90%"), ("耕地质量等级提升", "0.2等")]
    assert [i.funds for i in t1.indicators] == [1500000, None, None, 200000]
    assert sorted(r.missing_sections) == ["K", "P"]
    F.assert_offsets(r)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_detected(tmp_path, encoding):
    r = read_report(F.write_text(tmp_path, "n.txt", F.NARRATIVE, encoding))
    expected = {"gbk": "gb18030", "utf-16-be": "utf-16-be", "utf-16-le": "utf-16-le"}.get(encoding, encoding)
    assert r.encoding == expected
    assert r.text == F.NARRATIVE  # BOM removed, offsets into the decoded text
    assert F.section_counts(r) == F.NARRATIVE_COUNTS


def test_seed_in_gb18030_and_utf16(tmp_path):
    text = F.seed_text()
    for enc in ("gb18030", "utf-16"):
        r = read_report(F.write_text(tmp_path, f"seed_{enc}.txt", text, enc))
        assert r.reader == "form-tsv" and r.encoding == enc
        assert F.section_counts(r)["G"] == 12 and len(r.tasks) == 13


def test_form_with_short_task_table_and_label_like_indicator():
    text = "\n".join([
        "XX局2022年度部门整体支出绩效自评表",
        "主要任务\t预期目标\t实际完成情况",
        "任务1\t做好甲工作\t已完成",
        "任务2\t做好乙工作\t基本完成",
        "存在问题整改率\t100%",
        "存在问题\t1.问题一。",
        "改进措施\t1.措施一。",
    ])
    r = read_text(text, "short.txt")
    assert [(t.target.text, t.outcome.text) for t in r.tasks] == [("做好甲工作", "已完成"), ("做好乙工作", "基本完成")]
    # an indicator whose name contains a section word stays an indicator
    assert [i.name for i in r.tasks[1].indicators] == ["存在问题整改率"]
    assert F.section_counts(r) == {"Q": 1, "I": 1, "T": 2}
    F.assert_offsets(r)


def test_narrative_task_heading_gives_tasks_not_a_section():
    text = "一、年度绩效目标\n1.目标一。\n二、主要任务完成情况\n1.完成甲任务。\n2.完成乙任务。\n三、存在问题\n1.问题一。\n"
    r = read_text(text, "t.txt")
    assert "T" not in r.sections
    assert [(t.id, t.number, t.target.id, t.target.kind) for t in r.tasks] == [
        ("T1", "1.", "T1", "task"), ("T2", "2.", "T2", "task")]
    F.assert_offsets(r)


def test_damaged_utf8_is_still_utf8_with_a_warning(tmp_path):
    data = F.NARRATIVE.encode("utf-8")
    p = tmp_path / "cut.txt"
    p.write_bytes(data + "改".encode("utf-8")[:2])  # cut inside the last character
    r = read_report(p)
    assert r.encoding == "utf-8"
    assert any("U+FFFD" in w for w in r.warnings)
    assert F.section_counts(r) == F.NARRATIVE_COUNTS


def test_utf16_without_bom_and_without_ascii(tmp_path):
    text = "一、年度绩效目标\n完成某某工作。\n二、存在问题\n某某问题。\n"
    p = tmp_path / "u16.txt"
    p.write_bytes(text.encode("utf-16-le"))
    r = read_report(p)
    assert r.encoding == "utf-16-le" and r.text == text


def test_crlf_line_ends(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(F.NARRATIVE.replace("\n", "\r\n").encode("gb18030"))
    r = read_report(p)
    assert F.section_counts(r) == F.NARRATIVE_COUNTS
    assert not any("\r" in x.text for x in r.paragraphs())
    F.assert_offsets(r)


def test_item_naming_a_section_with_colon_stays_an_item():
    text = "一、年度绩效目标\n1.目标甲。\n二、目标完成情况\n1.存在问题：资金到位慢。\n2.完成乙。\n三、存在问题：资金拨付慢。\n"
    r = read_text(text, "colon.txt")
    assert [p.text for p in r.sections["O"].paragraphs] == ["存在问题：资金到位慢。", "完成乙。"]
    # an outline heading with its first item on the same line
    assert [p.text for p in r.sections["Q"].paragraphs] == ["资金拨付慢。"]


# --- decorated and unrecognised headings ----------------------------------------------

_DECORATED = """某某县林业局2022年度部门整体支出绩效自评报告
一、部门基本情况
本局内设股室6个，年初预算数为820.00万元。
二、年度绩效目标
1.完成人工造林1,200亩。
2.森林火灾受害率控制在0.9‰以内。
三、目标完成情况
1.全年完成人工造林1,260亩。
2.全年未发生重大森林火灾。
{heading}
1.全县森林覆盖率提高到63.5%。
2.林业产业产值同比增长4.2%。
五、存在问题
1.管护队伍年龄偏大。
六、改进措施
1.2023年新招聘护林员20名。
"""


@pytest.mark.parametrize("heading", [
    "四、部门整体支出绩效分析",
    "第四部分 部门整体支出绩效",
    "四、整体支出绩效情况",
    "四、部门整体绩效评价情况",
    "四、部门整体支出绩效分析及评价",
])
def test_decorated_performance_heading_is_p(heading):
    r = read_text(_DECORATED.format(heading=heading))
    assert [p.text[:6] for p in r.sections["P"].paragraphs] == ["全县森林覆盖", "林业产业产值"]
    assert "P" not in r.missing_sections
    assert not r.warnings


@pytest.mark.parametrize("label, sid", [
    ("部门整体支出绩效", "P"),
    ("整体支出绩效分析", "P"),
    ("项目绩效分析", "K"),
    ("年度绩效目标实现情况", "O"),
    ("改进措施和建议", "I"),
    ("部门整体支出绩效目标", "G"),
])
def test_section_names_with_decorations(label, sid):
    from nlp_pipeline.ingest.labels import match_section

    assert match_section(label)[0] == sid


@pytest.mark.parametrize("label", [
    "部门整体支出情况",  # decorations only: no section name left
    "绩效目标及完成情况",  # joins a goal and (elided) its completion: two sections
    "重点项目实施及绩效情况",  # K and P
    "存在问题整改率达到100%",
])
def test_ambiguous_or_empty_names_are_no_section(label):
    from nlp_pipeline.ingest.labels import match_section

    assert match_section(label) is None


def test_unrecognised_heading_keeps_its_text_and_warns():
    # (a heading whose words name no section: 林长制推行成效 would read as outcomes by 成效)
    r = read_text(_DECORATED.format(heading="四、林长制推行情况"))
    # nothing is dropped: the items sit in the unclassified section U ...
    u = r.sections["U"]
    assert u.kind == "unclassified" and u.title == "林长制推行情况"
    assert [p.id for p in u.paragraphs] == ["U1", "U2"]
    assert u.paragraphs[0].text.startswith("全县森林覆盖率")
    # ... not in the section before it, and the reader says so, naming the heading
    assert len(r.sections["O"].paragraphs) == 2
    assert any("林长制推行情况" in w and "unrecognised section heading" in w and "2" in w for w in r.warnings)
    assert "P" in r.missing_sections
    F.assert_offsets(r)


def test_outside_headings_neither_warn_nor_make_a_section():
    text = _DECORATED.format(heading="四、部门整体绩效") + "七、绩效指标完成情况表\n指标\t目标值\t实际值\n八、其他需要说明的事项\n无。\n"
    r = read_text(text)
    assert "U" not in r.sections and not r.warnings
    assert all(p.text not in ("无。",) and "目标值" not in p.text for p in r.paragraphs())


def test_container_heading_of_two_sections_before_its_subheadings():
    text = """某某镇2022年度部门整体支出绩效自评报告
一、部门概况
本镇辖8个行政村。
二、部门整体支出绩效目标及完成情况
（一）年度绩效目标
1.改造农村公厕12座。
（二）目标完成情况
1.全年改造农村公厕12座。
三、存在问题
1.后续管护经费不足。
四、改进措施
1.2023年落实管护经费。
"""
    r = read_text(text)
    assert [len(r.sections[s].paragraphs) for s in "GOQI"] == [1, 1, 1, 1]
    assert "U" not in r.sections and not r.warnings


def test_unrecognised_heading_before_the_first_section_keeps_its_text():
    text = _DECORATED.format(heading="四、部门整体绩效").replace("一、部门基本情况", "一、资产配置与管理")
    r = read_text(text)
    assert [p.text[:4] for p in r.sections["U"].paragraphs] == ["本局内设"]
    assert any("资产配置与管理" in w for w in r.warnings)
    # the budget sentence under it is still read
    assert r.budget.initial_budget.value == 820.0
    assert [len(r.sections[s].paragraphs) for s in "GOPQI"] == [2, 2, 2, 1, 1]


def test_item_numbers_followed_by_digits_follow_the_sequence():
    text = ("某某县政务服务管理局2023年度部门整体支出绩效自评报告\n"
            "一、年度绩效目标\n1.12345热线按时办结率达到95%以上。\n2.企业开办1个工作日内办结。\n"
            "3.12345热线回访满意率90%以上。\n"
            "二、存在问题\n1.工单办理质量不高。\n2.5万元以下小额采购管理不规范。\n"
            "三、改进措施\n1.2024年3月底前完成工单质量评查。\n2.规范小额采购。\n")
    r = read_text(text, "x.txt")
    assert F.section_counts(r) == {"G": 3, "Q": 2, "I": 2}
    assert [p.number for p in r.sections["G"].paragraphs] == ["1.", "2.", "3."]
    assert r.sections["G"].paragraphs[2].text.startswith("12345热线回访")
    assert r.sections["Q"].paragraphs[1].text.startswith("5万元以下")
    F.assert_offsets(r)


# --- shapes of real published reports (second trial on real pages) ---------------------


def _kinds(r):
    return {sid for sid, sec in r.sections.items() if sec.paragraphs}


def test_table_of_contents_opens_no_section(tmp_path):
    # dot leaders written as ellipses or dots, one entry per line or all on one line
    for toc in ("目录\n一、基本情况……………………1\n二、存在问题……………………5\n三、整改建议……………………6\n",
                "目 录 一、基本情况 .......... 1 二、存在问题 .......... 5 三、整改建议 .......... 6\n"):
        text = ("某镇2023年度道路养护经费绩效自评报告\n" + toc +
                "一、基本情况\n本镇辖区道路共计45公里，由镇建设办负责养护。\n"
                "二、存在问题\n雨季路面修补不及时。\n")
        r = read_report(F.write_text(tmp_path, "toc.txt", text))
        assert "I" not in _kinds(r), toc
        assert [p.text for p in r.sections["Q"].paragraphs] == ["雨季路面修补不及时。"]
        F.assert_offsets(r)


def test_contents_block_without_leaders_is_skipped(tmp_path):
    text = ("某街道部门整体支出绩效评价报告\n目录1.部门概况\n2.绩效目标\n3.改进建议\n"
            "为落实《预算绩效管理办法》，现将评价情况报告如下。\n")
    r = read_report(F.write_text(tmp_path, "toc2.txt", text))
    assert not ({"G", "I"} & _kinds(r))


def test_word_counted_list_items_are_no_headings(tmp_path):
    for a, b in (("一是", "二是"), ("首先，", "其次，")):
        text = ("二、存在问题\n"
                f"{a}预算执行进度偏慢。年底集中支付较多。\n"
                f"{b}绩效目标设定不够细化。部分指标无法量化。\n")
        r = read_report(F.write_text(tmp_path, "enum.txt", text))
        assert _kinds(r) == {"Q"}, a
        assert len(r.sections["Q"].paragraphs) == 2


def test_heading_run_into_its_text_after_an_introduction(tmp_path):
    for intro, head in (("现将自评情况报告如下:", "一、绩效目标设定情况"),
                        ("特此报告如下：", "一、年度绩效目标下达情况")):
        text = (f"根据县财政局通知要求，{intro}{head}2024年安排资金80万元，计划改造农村公厕12座。\n"
                "二、绩效目标完成情况\n全年改造农村公厕13座。\n")
        r = read_report(F.write_text(tmp_path, "glued.txt", text))
        assert r.sections["G"].paragraphs[0].text.startswith("2024年安排资金80万元"), head
        assert "O" in _kinds(r)


def test_joined_heading_of_measures_and_split_label(tmp_path):
    text = ("年度主要\n工作任务\n1.完成辖区河道保洁。\n"
            "三、偏离绩效目标原因及下一步改进措施\n加强保洁考核，按月通报。\n")
    r = read_report(F.write_text(tmp_path, "join.txt", text))
    assert r.sections["G"].paragraphs[0].text.startswith("完成辖区河道保洁")
    assert r.sections["I"].paragraphs[0].text.startswith("加强保洁考核")


def test_pinyin_readings_of_a_converter_are_removed(tmp_path):
    text = ("二、评价结(jié)论\n本项(xiàng)目自评得分为96分,达(dá)成预(yù)期目标(biāo)。\n"
            "三、存在的问(wèn)题\n宣传力度不够。\n")
    r = read_report(F.write_text(tmp_path, "py.txt", text))
    assert "(jié)" not in r.text and "结论" in r.text
    assert r.total_score == 96
    assert "Q" in _kinds(r)
    assert any("拼音" in w for w in r.warnings)
    F.assert_offsets(r)
    # a word explained once, or bracketed Latin text, is left as written
    r2 = read_report(F.write_text(tmp_path, "py2.txt", "一、存在问题\n项目采用PPP(bot)模式建设，参(cān)与单位较多，协调工作量大，进度有所滞后。\n"))
    assert "参(cān)与" in r2.text


def test_budget_in_prose_passes_counts_and_thresholds():
    from nlp_pipeline.ingest.budget import budget_from_text

    b = budget_from_text("年初预算安排3个项目共计120万元，调整预算后为118万元。", "万元")
    assert b.initial_budget.value == 120 and b.adjusted_budget.value == 118
    b = budget_from_text("预算执行率低于85%的需说明原因。", "万元")
    assert b.completion_rate is None
    b = budget_from_text("全年预算执行率为97.3%。", "万元")
    assert b.completion_rate.value == 97.3


def test_organisation_from_a_form_header_row_before_the_narrative():
    """A project form's header row pasted before the narrative names the unit (主管部门);
    the name checks need its place part."""
    from nlp_pipeline.ingest import read_text

    text = ("项目支出绩效自评表\n（2023年度）\n"
            "| 项目名称 | 某县2023年农村供水项目 | | |\n|---|---|---|---|\n"
            "| 主管部门 | 会宁县水务局 | 实施单位 | 会宁县供水服务中心 |\n"
            "自评报告\n一、项目绩效目标\n1.新建供水工程6处。\n二、绩效目标完成情况\n1.新建供水工程6处。\n")
    r = read_text(text)
    assert r.organisation == "会宁县水务局"


def test_an_unfilled_item_between_filled_ones_keeps_its_number():
    """（二）效益 left as the template's instruction between filled items: the items after
    it keep the number a reader counts (O4 is the unfilled one, the next is O5)."""
    from nlp_pipeline.ingest import read_text

    text = ("某街道2024年养老服务项目绩效自评报告\n一、项目绩效目标\n1.提供助餐服务36,000人次。\n"
            "二、绩效目标完成情况\n（一）产出目标完成情况\n1.助餐服务38,460人次。\n2.上门服务326人。\n3.改造80户。\n"
            "（二）效益目标完成情况\n（简要说明项目效益目标实现情况，对照年度指标值逐项填写）\n"
            "（三）满意度目标完成情况\n服务对象满意度调查显示满意率为95.2%。\n"
            "三、存在的问题\n1.助餐点布局不均衡。\n四、改进措施\n1.2025年新增助餐点2个。\n")
    r = read_text(text)
    assert [p.id for p in r.paragraphs("O")] == ["O1", "O2", "O3", "O5"]
    assert [u.paragraph for u in r.unfilled] == ["O4"]


@pytest.mark.parametrize("marker", ["附：项目支出绩效自评表", "附件1：绩效自评表", "附表 部门整体支出绩效自评表"])
def test_an_attachment_heading_ends_the_last_section(marker):
    from nlp_pipeline.ingest import read_text

    text = ("某街道2024年养老服务项目绩效自评报告\n一、存在的问题\n1.助餐点布局不均衡。\n"
            "二、改进措施\n1.2025年新增助餐点2个，由社会事务科负责。\n"
            f"{marker}\n项目名称\n开元街道养老服务项目\n主管部门\n开元街道办事处\n")
    r = read_text(text)
    assert [p.text for p in r.paragraphs("I")] == ["2025年新增助餐点2个，由社会事务科负责。"]


def test_implementation_section_reports_outcomes():
    """四、项目实施情况 says what was done (outcomes); 五、组织实施情况 (how the work was
    organised) stays outside the sections, like 其他需要说明的事项."""
    text = ("某县2023年度地质灾害防治专项资金绩效自评报告\n一、专项资金基本情况\n1.全年下达专项资金1,920.00万元。\n"
            "二、绩效目标\n1.治理隐患点14处。\n三、资金使用情况\n1.全年支出1,846.55万元。\n"
            "四、项目实施情况\n1.全年完成隐患点治理12处，验收合格率100%。\n"
            "五、组织实施情况\n1.成立领导小组，明确分工。\n"
            "六、存在的问题\n1.施工条件差。\n七、改进措施\n1.2024年4月底前完成剩余2处。\n")
    r = read_text(text, "x.txt")
    assert [p.text for p in r.sections["O"].paragraphs] == ["全年完成隐患点治理12处，验收合格率100%。"]
    assert "U" not in r.sections


@pytest.mark.parametrize("heading", ["主要绩效", "四、部门整体绩效"])
def test_performance_without_outcome_section_is_the_outcome(heading):
    body = ("某县疾控中心2023年度整体支出绩效自评报告\n年度绩效目标\n1.适龄儿童免疫规划疫苗接种率保持在95%以上。\n"
            f"{heading}\n1.适龄儿童免疫规划疫苗接种率96.1%。\n存在的问题\n1.冷链设备老化。\n改进措施\n1.2024年6月底前更换冰箱。\n")
    r = read_text(body, "x.txt")
    assert [p.id for p in r.sections["O"].paragraphs] == ["O1"] and "P" not in r.sections


def test_performance_beside_outcome_stays_performance():
    body = ("某县水利局2023年度部门整体支出绩效自评报告\n一、年度绩效目标\n1.新建堤防2公里。\n二、绩效目标完成情况\n"
            "1.新建堤防2.1公里。\n三、主要绩效\n1.防洪能力明显提高，保护人口1.2万人。\n四、存在的问题\n1.管护经费不足。\n"
            "五、改进措施\n1.2024年落实管护经费。\n")
    r = read_text(body, "x.txt")
    assert [p.id for p in r.sections["P"].paragraphs] == ["P1"] and [p.id for p in r.sections["O"].paragraphs] == ["O1"]


def test_headings_numbered_with_a_space():
    text = ("某县医院2024年县域医共体建设项目绩效自评报告\n\n1 项目基本情况\n本院是全县唯一一所二级综合医院。\n\n"
            "2 项目绩效目标\n1.建成远程会诊中心3个。\n2.全年下转患者不少于400人次。\n\n3 绩效目标完成情况\n1.建成远程会诊中心3个。\n"
            "2.全年下转患者426人次。\n\n4 自评得分及结论\n1.项目自评得分92分，等级为优。\n\n5 存在的问题\n1.镇卫生院承接能力不足。\n\n"
            "6 下一步改进措施\n1.2025年6月底前制定下转病种目录。\n")
    r = read_text(text, "x.txt")
    assert {s: len(r.sections[s].paragraphs) for s in "GOPQI"} == {"G": 2, "O": 2, "P": 1, "Q": 1, "I": 1}


def test_a_container_heading_and_its_numbered_subsections():
    text = ("某镇2023年度部门整体支出绩效自评报告\n一、部门基本情况\n1.本镇辖18个村。\n二、部门整体支出绩效情况\n"
            "（一）年度绩效目标\n1.按时足额发放救助资金。\n2.发展村级集体经济。\n（二）目标完成情况\n1.全年发放救助资金1,286.42万元。\n"
            "（三）部门整体绩效自评\n1.自评得分95分。\n三、重点项目一：2023年农村人居环境整治项目绩效情况\n1.项目目标：完成户厕改造420户。\n"
            "2.完成情况：完成户厕改造436户。\n四、重点项目二：2023年柑橘产业园基础设施提升项目绩效情况\n1.项目目标：新建生产便道4.8公里。\n"
            "2.完成情况：新建生产便道4.8公里。\n五、存在问题\n1.前期准备不足。\n六、改进措施\n1.2024年4月底前完成用电手续。\n")
    r = read_text(text, "x.txt")
    assert [p.text for p in r.sections["G"].paragraphs] == ["按时足额发放救助资金。", "发展村级集体经济。"]
    assert [p.text for p in r.sections["P"].paragraphs] == ["自评得分95分。"]
    assert [p.id for p in r.sections["K"].paragraphs] == ["K1", "K2", "K3", "K4"]
    assert r.sections["K"].paragraphs[0].text.startswith("项目目标")


def test_degree_of_completion_heading_is_the_outcome_section():
    text = ("某中心项目支出绩效自评报告\n一、项目绩效目标\n1.全年完成项目建设21个。\n二、项目预期目标完成程度\n"
            "1.全年续建及新开工建设项目21个，完工16个。\n三、存在问题\n1.拆迁难度大。\n")
    r = read_text(text, "x.txt")
    assert [p.id for p in r.sections["O"].paragraphs] == ["O1"]
