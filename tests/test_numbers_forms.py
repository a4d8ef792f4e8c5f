"""Each form named in issue 3, on sentences written for the test."""
import pytest

from nlp_pipeline.text import extract_numbers
from nlp_pipeline.text.cn_numerals import cn_to_number
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.safe_eval import safe_eval


def one(text, **kw):
    ms = [m for m in extract_numbers(text, **kw) if m.kind not in ("YEAR", "DATE")]
    assert len(ms) == 1, [(m.text, m.kind) for m in ms]
    return ms[0]


def test_offsets_point_at_the_surface():
    text = "共开展巡查42次，覆盖商户1,250家。"
    for m in extract_numbers(text):
        assert text[m.start : m.end] == m.text


def test_thousands_separator_and_money_units_agree():
    a = one("拨付资金12000万元")
    b = one("拨付资金1.2亿元")
    c = one("拨付资金120000000元")
    assert a.base_value == b.base_value == c.base_value == 1.2e8
    assert a.unit == "万元" and b.unit == "亿元" and c.unit == "元"
    d = one("收入11,419.55万元")
    assert d.value == pytest.approx(11419.55) and d.base_value == pytest.approx(114195500)


def test_bare_multiplier_is_money_in_money_context():
    m = one("保洁服务费支付金额530万")
    assert m.kind == "MONEY" and m.base_value == 5.3e6


@pytest.mark.parametrize(
    "text,kind,base,base_unit",
    [
        ("整治外立面2.5万平方米", "AREA", 25000, "m2"),
        ("新增绿地3公顷", "AREA", 30000, "m2"),
        ("清运余泥800方", "QUANTITY", 800, "m3"),
        ("处理垃圾1.5万吨", "QUANTITY", 15000, "t"),
        ("修建道路2.4公里", "QUANTITY", 2400, "m"),
        ("服务时长36小时", "DURATION", 36, "h"),
    ],
)
def test_physical_units(text, kind, base, base_unit):
    m = one(text)
    assert (m.kind, m.base_unit) == (kind, base_unit)
    assert m.base_value == pytest.approx(base)


def test_chinese_numerals_and_percent_words():
    assert one("召开两场招聘会").value == 2
    assert one("提供岗位一万个").base_value == 10000
    m = one("发放折页三千余份")
    assert m.value == 3000 and m.qualifier == "approximate"
    m = one("知晓率达到百分之八十以上")
    assert (m.kind, m.value, m.qualifier, m.low, m.high) == ("PERCENT", 80, "lower", 80, None)


def test_two_numerals_in_a_row_are_a_range_not_23():
    m = one("配备两三个网格员")
    assert m.kind == "RANGE" and (m.low, m.high) == (2, 3)


@pytest.mark.parametrize("text", ["每季度开展1-2场演练", "每月组织1至2场演练", "每月组织1~2场演练"])
def test_ranges(text):
    m = one(text)
    assert m.kind == "RANGE" and m.unit == "场" and (m.low, m.high) == (1, 2)


def test_percentage_points_are_their_own_unit():
    m = one("失业率下降0.4个百分点")
    assert m.kind == "PERCENT" and m.base_unit == "pp" and m.value == 0.4


def test_full_width_digits():
    m = one("整改率达９８．５％")
    assert m.value == 98.5 and m.unit == "%"
    assert len(normalize("９８．５％")) == 5


def test_currency_unit_applies_to_bare_table_cells():
    m = one("11,139.13", currency_unit="万元")
    assert m.kind == "MONEY" and m.base_value == pytest.approx(111391300)
    assert one("5363").kind == "COUNT"


def test_arithmetic_is_an_expression_evaluated_safely():
    m = [x for x in extract_numbers("折合18169元（895*20.3）") if x.kind == "EXPR"][0]
    assert m.expression == "895*20.3" and m.value == pytest.approx(18168.5)
    assert safe_eval("__import__('os').system('true')") is None
    assert safe_eval("2**64") is None
    assert safe_eval("(1+2)/3") == 1


@pytest.mark.parametrize(
    "text",
    [
        "任务3已完成",
        "第二批试点",
        "做好12345热线投诉处理",
        "12345、12319政府投诉热线处理率",
        "为2021学年学生办理",
        "穗城管〔2021〕671号文",
        "根据[2021]9号文件",
        "《三年行动计划（2021-2023年）》",
        "落实“一线三排”机制和“四上”企业培育",
        "一是加强领导，二是压实责任",
    ],
)
def test_names_ordinals_codes_and_titles_are_not_quantities(text):
    ms = [m for m in extract_numbers(text) if m.kind not in ("DATE", "YEAR")]
    assert ms == [], [(m.text, m.kind) for m in ms]


def test_dates_and_years():
    ms = extract_numbers("2021年6月7日至6月9日检查，12月31日前整改，2022年度复查")
    kinds = [(m.text, m.kind) for m in ms]
    assert kinds == [("2021年6月7日至6月9日", "RANGE"), ("12月31日", "DATE"), ("2022年度", "YEAR")]
    assert (ms[0].low, ms[0].high) == (20210607, 20210609)


@pytest.mark.parametrize(
    "text,qual,low,high",
    [
        ("约4500元", "approximate", 4050, 4950),
        ("300多名", "approximate", 300, 400),
        ("100余人", "approximate", 100, 200),
        ("超过500人", "lower", 500, None),
        ("不少于120家", "lower", 120, None),
        ("不超过2000元", "upper", None, 2000),
        ("50人以内", "upper", None, 50),
        ("收费率接近100%", "near", 95, 100),
    ],
)
def test_qualifiers_are_intervals(text, qual, low, high):
    m = one(text)
    assert m.qualifier == qual
    assert m.low == (pytest.approx(low) if low is not None else None)
    assert m.high == (pytest.approx(high) if high is not None else None)


def test_item_number_glued_to_a_number():
    ms = extract_numbers("1.7米以上道路机扫率达到100%； 2.垃圾日产日清")
    assert ms[0].text == "7米以上" and ms[0].metric == "道路"
    assert extract_numbers("身高1.7米")[0].value == 1.7


def test_metric_and_role():
    ms = extract_numbers("组织开展入户宣传活动66次，覆盖户数38500户，入户宣传率达98.5%")
    assert [m.metric for m in ms] == ["入户宣传活动", "覆盖户数", "入户宣传率"]
    m = one("建设12个星级投放点")
    assert m.metric == "星级投放点"
    assert one("确保处理率达100%").role == "target"
    assert one("累计完成巡查120次").role == "actual"
    assert one("专项经费10万元").role == "budget"


def test_cn_numerals():
    assert cn_to_number("两万五千") == 25000
    assert cn_to_number("一百零五") == 105
    assert cn_to_number("十二点五") == 12.5
    with pytest.raises(ValueError):
        cn_to_number("十佳")


@pytest.mark.parametrize("text", ["工作时间8:30-17:30", "联系电话：020-12345678", "手机13812345678", "拨打110报警"])
def test_clock_times_and_phone_numbers_are_not_quantities(text):
    assert extract_numbers(text) == []


def test_month_ranges_are_date_ranges():
    m = extract_numbers("2021年1-12月累计完成投资")[0]
    assert (m.kind, m.low, m.high) == ("RANGE", 20210100, 20211200)


def test_multiplier_with_approximation_keeps_clean_unit():
    m = one("服务1.2万余人")
    assert (m.unit, m.base_value, m.qualifier) == ("万人", 12000, "approximate")
    assert one("争取资金5000余万元").base_value == 5e7


def test_full_width_grouped_number_with_decimals_keeps_its_thousands():
    from nlp_pipeline.text.normalize import normalize
    assert normalize("调整预算１１，４１９．５５万元") == "调整预算11,419.55万元"
    # between ASCII digits '，' stays a clause comma; full-width typing groups with it
    assert normalize("分别为18，650人") == "分别为18，650人"
    assert normalize("共１２，３４５人，") == "共12,345人，"
    assert normalize("１２，３４５６人") == "12，3456人"  # not groups of three
    [m] = extract_numbers("调整预算１１，４１９．５５万元")
    assert m.base_value == 114195500 and m.text == "１１，４１９．５５万元"
