"""An indicator table printed with its columns as lines (one indicator a column), and the
row checks it let the rules make (invented text in the shape blind21 showed)."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text

LABELS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def _block(cells: dict[str, list[str]], sep: str = "\t") -> str:
    def line(label: str) -> str:
        vals = cells[label]
        if sep == "|":
            return "| " + " | ".join([label] + vals) + " |"
        return sep.join([label] + vals)

    return "\n".join(line(lab) for lab in LABELS if lab in cells) + "\n"


def _cells(**over) -> dict[str, list[str]]:
    c = {
        "一级指标": ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"],
        "二级指标": ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"],
        "三级指标": ["补助对象人数", "补助发放准确率", "发放及时率", "政策知晓率", "对象满意度"],
        "年度指标值": ["≥1,200人", "100%", "100%", "≥90%", "≥90%"],
        "实际完成值": ["1,236人", "100%", "100%", "93.5%", "95.1%"],
        "分值": ["20", "20", "20", "20", "20"],
        "得分": ["20", "20", "20", "20", "20"],
        "偏差原因分析及改进措施": ["", "", "", "", ""],
    }
    for k, v in over.items():
        c[k] = v
    return c


HEAD = ("项目支出绩效自评表\n（2023年度）\n项目名称\t青溪县2023年困难群众临时补助\n"
        "主管部门\t青溪县民政局\t实施单位\t青溪县民政局\n"
        "年度总体目标\t预期目标\t实际完成情况\n"
        "\t向符合条件的困难群众按时发放临时补助，不少于1,200人。\t全年向1,236人发放临时补助。\n"
        "绩效指标\n")


def _rows(text: str):
    r = read_text(text, "t.txt")
    return [i for t in r.tasks if t.id.startswith("TBL") for i in t.indicators], r


@pytest.mark.parametrize("sep", ["\t", "|"])
def test_each_column_is_read_as_one_row(sep):
    inds, r = _rows(HEAD + _block(_cells(), sep) + "总分\t100\n")
    assert [i.name for i in inds] == ["补助对象人数", "补助发放准确率", "发放及时率", "政策知晓率", "对象满意度"]
    assert [(i.target, i.result) for i in inds][0] == ("≥1,200人", "1,236人")
    assert [i.weight for i in inds] == [20.0] * 5
    assert inds[3].level1 == "效益指标" and inds[3].level2 == "社会效益指标"
    assert r.total_score == 100


def test_merged_level_cells_left_empty_are_inherited():
    c = _cells(**{"一级指标": ["产出指标", "", "", "效益指标", "满意度指标"]})
    inds, _ = _rows(HEAD + _block(c))
    assert [i.level1 for i in inds] == ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]


def test_a_header_written_across_is_no_transposed_table():
    text = HEAD + ("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                   "产出指标\t数量指标\t补助对象人数\t≥1,200人\t1,236人\t50\t50\n"
                   "效益指标\t社会效益指标\t政策知晓率\t≥90%\t93.5%\t50\t50\n")
    inds, r = _rows(text)
    assert [i.name for i in inds] == ["补助对象人数", "政策知晓率"]
    assert r.layout != "transposed"


def test_two_label_lines_are_no_table():
    text = HEAD + "三级指标\t补助对象人数\t政策知晓率\n实际完成值\t1,236人\t93.5%\n"
    inds, _ = _rows(text)
    assert inds == []


def _codes(tmp_path, text) -> list[str]:
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return [x.code for x in analyze(f, mode="lexical").findings]


# a missed rate whose reason cell only says it met the year's requirement: the row claims it
# met; the same cell written as a cause is a reason
@pytest.mark.parametrize("cell,code", [
    ("符合年度要求", "INDICATOR_SHORTFALL"),
    ("达到年度要求", "INDICATOR_SHORTFALL"),
    ("已整改", "DEVIATION_UNEXPLAINED"),
    ("已督促整改", "DEVIATION_UNEXPLAINED"),
    ("部分群众外出务工，入户宣传未能覆盖", None),
])
def test_a_reason_cell_that_gives_no_cause(tmp_path, cell, code):
    c = _cells(**{"实际完成值": ["1,236人", "100%", "100%", "86.5%", "95.1%"],
                  "得分": ["20", "20", "20", "18", "20"],
                  "偏差原因分析及改进措施": ["", "", "", cell, ""]})
    codes = _codes(tmp_path, HEAD + _block(c))
    for k in ("INDICATOR_SHORTFALL", "DEVIATION_UNEXPLAINED"):
        assert (k in codes) == (k == code), (cell, codes)


@pytest.mark.parametrize("target,result,found", [
    ("6月30日前", "98.6%", True),
    ("2023年6月底前", "97%", True),
    ("6月30日前", "6月25日", False),
])
def test_a_deadline_answered_by_a_share(tmp_path, target, result, found):
    c = _cells(**{"三级指标": ["补助对象人数", "补助发放准确率", "发放时间", "政策知晓率", "对象满意度"],
                  "年度指标值": ["≥1,200人", "100%", target, "≥90%", "≥90%"],
                  "实际完成值": ["1,236人", "100%", result, "93.5%", "95.1%"]})
    assert ("UNIT_MISMATCH" in _codes(tmp_path, HEAD + _block(c))) == found


SAMPLE = ("青溪县2023年困难群众临时补助绩效自评报告\n一、绩效目标\n向不少于1,200名困难群众发放临时补助。\n"
          "二、目标完成情况\n全年向困难群众1,236人发放临时补助。\n"
          "三、自评结论\n县民政局{how}困难群众{n}人，未发现不符合条件人员。\n")


@pytest.mark.parametrize("how,n,found", [
    ("抽查", "240", False),
    ("随机抽取", "120", False),
    ("核实", "1,263", True),  # the same people counted again with another figure
])
def test_a_sample_is_no_second_count_of_all(tmp_path, how, n, found):
    text = SAMPLE.format(how=how, n=n)
    assert ("NUMBER_CONFLICT" in _codes(tmp_path, text)) == found


CHECK = ("青溪县2023年农房安全整治绩效自评报告\n一、绩效目标\n完成农房安全隐患排查整治。\n二、目标完成情况\n"
         "县住建局会同各乡镇对农房安全隐患整治情况{claim}。\n三、存在的问题\n部分乡镇农房安全隐患整治进度滞后。\n"
         "四、改进措施\n2024年3月底前由县住建局督促各乡镇完成剩余整治，每月通报进度。\n")


@pytest.mark.parametrize("claim,found", [
    ("进行了全覆盖检查", False),
    ("开展全覆盖督查", False),
    ("已全部完成", True),
])
def test_a_check_covering_all_is_no_claim_that_the_work_is_done(tmp_path, claim, found):
    assert ("CLAIM_CONTRADICTED" in _codes(tmp_path, CHECK.format(claim=claim))) == found


GROUP = ("青溪县2023年特困人员救助供养资金绩效自评报告\n一、基本情况\n{size}\n二、绩效目标\n"
         "保障特困人员基本生活，参保率100%。\n三、目标完成情况\n{served}\n四、存在的问题\n无。\n")


@pytest.mark.parametrize("size,served,found", [
    ("2023年底，全县共有特困人员1,862人。", "为全县特困人员统一购买意外伤害保险，参保18,620人。", True),
    ("辖区现有特困人员1,862名。", "全年为特困人员发放基本生活费2,040人。", True),
    ("全县常住人口约48.6万人，其中65岁以上老年人约3.96万人。",
     "为辖区65岁以上老年人提供健康管理服务4.82万人。", True),
    ("全县常住人口约48.6万人。其中，65岁以上老年人约3.96万人。",
     "为辖区65岁以上老年人提供健康管理服务4.82万人。", True),
    ("全县户籍人口52,100人。", "全年为城乡居民开展健康体检60,300人。", True),
    # negative controls: within the group, visits, another age, counts over years
    ("2023年底，全县共有特困人员1,862人。", "为全县特困人员统一购买意外伤害保险，参保1,862人。", False),
    ("2023年底，全县共有特困人员1,862人。", "全年走访慰问特困人员18,620人次。", False),
    ("全县常住人口约48.6万人，其中65岁以上老年人约3.96万人。",
     "为辖区60岁以上老年人发放高龄补贴5.1万人。", False),
    ("2023年底，全县共有特困人员1,862人。", "2016年以来累计救助特困人员6,420人。", False),
])
def test_more_people_served_than_the_group_has(tmp_path, size, served, found):
    codes = _codes(tmp_path, GROUP.format(size=size, served=served))
    assert ("IMPLAUSIBLE_MAGNITUDE" in codes) == found, codes
