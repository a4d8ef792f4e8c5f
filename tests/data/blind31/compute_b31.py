#!/usr/bin/env python3
"""Re-run every computation planted in the blind31 reports (defects and traps) and check that each
snippet occurs verbatim in its report. Full-width digits, 「．」 and 「％」 are normalised on both sides.
Exit 0 when every DEFECT line is wrong as planted and every TRAP line is right."""
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def norm(s):
    return s.translate(FW)


_cache = {}


def text(rep):
    if rep not in _cache:
        with open(os.path.join(HERE, rep + ".txt"), encoding="utf-8") as f:
            _cache[rep] = norm(f.read())
    return _cache[rep]


def rnd(x, places):
    q = Decimal(1).scaleb(-places)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)


results = []


def line(kind, rep, label, snippets, ok, detail):
    snippets = [snippets] if isinstance(snippets, str) else snippets
    missing = [s for s in snippets if norm(s) not in text(rep)]
    good = ok and not missing
    results.append(good)
    status = "ok " if good else "BAD"
    extra = f"  MISSING {missing}" if missing else ""
    print(f"{status} {kind:6} {rep:9} {label}: {detail}{extra}")


def num(kind, rep, label, snippets, computed, written, places=2):
    """NUM: DEFECT lines must differ from the rounded computation, TRAP lines must equal it."""
    c = rnd(computed, places)
    w = Decimal(str(written)).quantize(Decimal(1).scaleb(-places))
    same = c == w
    ok = (not same) if kind == "DEFECT" else same
    line(kind, rep, label, snippets, ok, f"computed {c}, written {w}")


def cmp(kind, rep, label, snippets, cond, desc):
    """CMP: the condition states what the line asserts (for a DEFECT: that the defect is there)."""
    line(kind, rep, label, snippets, bool(cond), desc)


def count(kind, rep, label, snippet, n_expected):
    n = text(rep).count(norm(snippet))
    line(kind, rep, label, [snippet], n == n_expected, f"occurs {n}×, expected {n_expected}×")


# ---------------------------------------------------------------- b31_hyns
R = "b31_hyns"
num("DEFECT", R, "AM 中央 执行率", "541.26\t—\t96.85%", 541.26 / 560.00 * 100, 96.85)
num("TRAP", R, "总 执行率", "598.46\t10\t96.53%", 598.46 / 620.00 * 100, 96.53)
num("TRAP", R, "县级 执行率", "57.20\t—\t95.33%", 57.20 / 60.00 * 100, 95.33)
num("TRAP", R, "执行率得分", "96.53%\t9.65", 10 * 0.9653, 9.65)
num("TRAP", R, "其中 预算", ["560.00", "60.00\t60.00", "620.00"], 560.00 + 60.00, 620.00)
num("TRAP", R, "其中 年初", ["540.00", "600.00"], 540.00 + 60.00, 600.00)
num("TRAP", R, "其中 执行", ["541.26", "57.20", "598.46"], 541.26 + 57.20, 598.46)
cmp("DEFECT", R, "SM 得分 > 分值", "作业质量验收合格率\t≥95%\t96.2%\t8\t10", 10 > 8, "10 > 8")
num("TRAP", R, "总分 = row sum (with the excess)", "100\t99.25",
    9.65 + 8 + 8 + 10 + 8 + 8 + 10 + 7.6 + 10 + 10 + 10, 99.25)
num("TRAP", R, "单产 proportional score", "3.8%\t10\t7.6\t无", 3.8 / 5 * 10, 7.6, 1)
cmp("DEFECT", R, "IS 138 < 150 已完成", "≥150个\t138个\t10\t10\t已完成", 138 < 150, "138 < 150")
cmp("DEFECT", R, "DU 3.8 < 5 reason 无", "≥5%\t3.8%", 3.8 < 5, "3.8 < 5")
cmp("DEFECT", R, "R100 覆盖率", "102.4%", 102.4 > 100, "102.4 > 100")
cmp("DEFECT", R, "UF placeholder", "（按实际完成情况填写）", True, "template note in a value cell")
cmp("DEFECT", R, "UM 元/亩 target in 万元", "≥80元\t1,716.40万元", True, "万元 answer to a 元 target")
cmp("TRAP", R, "≤ met on equality", "≤30元\t30元", 30 <= 30, "30 ≤ 30")
num("TRAP", R, "满意度 438/468", ["468份", "438份", "满意度93.6%"], 438 / 468 * 100, 93.6, 1)
num("TRAP", R, "分值 sum", "\t100\t99.25", 10 + 8 * 5 + 10 + 10 * 3 + 10, 100, 0)
cmp("TRAP", R, "met ≥ rows", ["21.36万亩", "12860户", "93.6%"], 21.36 >= 20 and 12860 >= 12000 and 93.6 >= 90, "met")

# ---------------------------------------------------------------- b31_xdty
R = "b31_xdty"
num("TRAP", R, "B2 其中 sum", ["312.40万元", "530.20万元", "842.60万元"], 312.40 + 530.20, 842.60)
num("TRAP", R, "B2 执行率", "资金执行率97.98%", 842.60 / 860.00 * 100, 97.98)
cmp("DEFECT", R, "NC 健身路径 48 / 46", ["新建社区健身路径48处", "新建社区健身路径46处"], 48 != 46, "48 ≠ 46")
cmp("DEFECT", R, "CC 全部11月底前 vs 2024年1月12日", ["所有场地均已于2023年11月底前交付使用", "于2024年1月12日交付使用"], True, "one delivered 2024-01-12")
cmp("DEFECT", R, "DU 98.6 < 100", "器材安装验收合格率98.6%，年度目标值为100%。", 98.6 < 100, "98.6 < 100")
cmp("DEFECT", R, "INF cost in words", "健身路径单处建设成本控制在目标范围内", True, "no value")
cmp("DEFECT", R, "DOP 2022 survey", "根据2022年12月委托第三方", True, "2022 < 2023")
cmp("DEFECT", R, "UC O5", "群众参与体育锻炼的积极性大幅提升", True, "no figure")
cmp("DEFECT", R, "VM I2", "进一步提高思想认识，切实加强器材管护工作", True, "slogans")
cmp("TRAP", R, "≥ / equality", ["年度目标值为45处", "与目标值6个持平"], 48 >= 45 and 6 == 6, "met")
cmp("TRAP", R, "器材 412 < 420 with reason", ["更新老旧健身器材412件", "差额8件系"], 420 - 412 == 8, "8 explained")
num("TRAP", R, "6 × 38.6", "合计造价231.60万元", 6 * 38.6, 231.60)
cmp("TRAP", R, "≤ 40 met", "平均造价38.6万元/个，年度目标值为≤40万元/个", 38.6 <= 40, "38.6 ≤ 40")
num("TRAP", R, "修复率 63/63", "报修器材63件，修复率100%", 63 / 63 * 100, 100, 0)
num("TRAP", R, "P2 score sum", "自评总分94.2分", 19 + 18 + 38 + 19.2, 94.2, 1)

# ---------------------------------------------------------------- b31_pxjt
R = "b31_pxjt"
num("DEFECT", R, "AM 三批合计", "三批合计批复总投资2,553.30万元", 1286.40 + 864.30 + 392.60, 2553.30)
num("TRAP", R, "其中建筑工程合计", ["1,231.75万元", "826.18万元", "376.42万元", "（其中建筑工程2,434.35万元）"], 1231.75 + 826.18 + 376.42, 2434.35)
num("TRAP", R, "roads", ["36.2公里", "21.5公里", "10.7公里", "建设道路68.4公里"], 36.2 + 21.5 + 10.7, 68.4, 1)
num("TRAP", R, "剩余 = true total − paid", ["2,386.52万元", "剩余156.78万元"], 2543.30 - 2386.52, 156.78)
cmp("TRAP", R, "乡镇/村 sums", ["4个乡镇23个村", "3个乡镇14个村", "2个乡镇6个村", "9个乡镇（次）43个村"], 4 + 3 + 2 == 9 and 23 + 14 + 6 == 43, "9 / 43")
cmp("DEFECT", R, "NC 68.4 / 64.8", ["三批项目共建设道路68.4公里", "全年新建改建农村道路64.8公里"], 68.4 != 64.8, "68.4 ≠ 64.8")
cmp("DEFECT", R, "CC 全部拨付 vs 剩余", ["项目资金已全部拨付到位", "剩余156.78万元质保金及尾款"], 156.78 > 0, "156.78 unpaid")
cmp("DEFECT", R, "IM 3,862 > 2,914", ["惠及沿线脱贫户及监测户3,862户", "全县现有脱贫户和监测户共2,914户"], 3862 > 2914, "3862 > 2914")
cmp("DEFECT", R, "GWO G3", "设置波形护栏、警示桩等安防设施不少于120处", text(R).count("护栏") == 1, "护栏 only in G3")
cmp("DEFECT", R, "PWM Q3", "村级养护力量薄弱", "养护" not in text(R).split("六、下一步措施")[1], "no 养护 measure")
cmp("DEFECT", R, "CM two-digit year", "平财农〔23〕27号", True, "〔23〕")
cmp("TRAP", R, "well-formed citations", ["平财农〔2023〕41号", "平财农〔2023〕58号"], True, "〔2023〕")
num("TRAP", R, "满意度 250/260", ["有效样本260户", "表示满意的250户", "满意度96.2%"], 250 / 260 * 100, 96.2, 1)
num("TRAP", R, "P1 score sum", "合计95分", 18 + 19 + 34 + 24, 95, 0)
cmp("TRAP", R, "压实度 / 宽度 met", ["路面压实度平均96.8%", "平均路面宽度4.8米"], 96.8 >= 96 and 4.8 >= 4.5, "met")

# ---------------------------------------------------------------- b31_xwyy
R = "b31_xwyy"
num("DEFECT", R, "SM 自评得分", ["自评得分          | 98.60", "指标得分合计 | 88.00"], 9.60 + 88.00, 98.60)
num("TRAP", R, "指标得分合计 = ten rows", "指标得分合计 | 88.00", 10 + 10 + 10 + 10 + 5 + 5 + 8 + 10 + 10 + 10, 88.00)
num("TRAP", R, "指标分值合计", "指标分值合计 | 90", 10 * 4 + 5 + 5 + 10 * 4, 90, 0)
num("TRAP", R, "执行率", "执行率            | 96.00%", 192.00 / 200.00 * 100, 96.00)
num("TRAP", R, "执行率得分", "执行率得分        | 9.60", 10 * 0.96, 9.60)
num("TRAP", R, "其中 预算", ["| 160.00", "| 40.00", "| 200.00"], 160.00 + 40.00, 200.00)
num("TRAP", R, "其中 执行", ["| 153.60", "| 38.40", "| 192.00"], 153.60 + 38.40, 192.00)
cmp("DEFECT", R, "IS 96.7 < 98 已完成", ["学员年度考核合格率", "96.7%", "偏差原因   | 已完成"], 96.7 < 98, "96.7 < 98")
cmp("DEFECT", R, "DU 24.1 < 30 empty", ["结业学员基层就业率", "24.1%"], 24.1 < 30, "24.1 < 30")
num("TRAP", R, "就业率 7/29", "就业7人", 7 / 29 * 100, 24.1, 1)
num("TRAP", R, "docked score ≈ proportional", "24.1%", 24.1 / 30 * 10, 8, 0)
cmp("DEFECT", R, "INF 场次 in words", "按计划开展", True, "no count")
cmp("DEFECT", R, "R100 通过率", "104.5%", 104.5 > 100, "104.5 > 100")
num("DEFECT", R, "UM 元 for 万元", ["192.00元", "64名在培住院医师按每人每年3万元标准"], 64 * 3 * 10000, 192.00, 2)
cmp("DEFECT", R, "UF 存在问题 template", "（对照年度绩效目标，分析项目实施中存在的问题及原因）", True, "template note")
cmp("TRAP", R, "met ≥ rows", ["64人", "22人", "46人", "92.8%"], 64 >= 60 and 22 >= 20 and 46 >= 40 and 92.8 >= 90, "met")

# ---------------------------------------------------------------- b31_sxjy
R = "b31_sxjy"
num("DEFECT", R, "AM 占比", "理化生实验仪器862.40万元，占62.03%", 862.40 / 1436.52 * 100, 62.03)
num("TRAP", R, "用途 sum", ["862.40万元", "574.12万元", 'value="1436.52"'.replace('value', '全年执行数')], 862.40 + 574.12, 1436.52)
num("TRAP", R, "资金 其中 预算", ['全年预算数="1180.00"', '全年预算数="300.00"', '全年预算数="1480.00"'], 1180.00 + 300.00, 1480.00)
num("TRAP", R, "资金 其中 执行", ['全年执行数="1152.36"', '全年执行数="284.16"'], 1152.36 + 284.16, 1436.52)
num("TRAP", R, "执行率 总", '执行率="97.06%"', 1436.52 / 1480.00 * 100, 97.06)
num("TRAP", R, "执行率 中央", '执行率="97.66%"', 1152.36 / 1180.00 * 100, 97.66)
num("TRAP", R, "执行率 县级", '执行率="94.72%"', 284.16 / 300.00 * 100, 94.72)
num("TRAP", R, "执行率得分", '分值="10" 得分="9.71"', 10 * 0.9706, 9.71)
num("DEFECT", R, "SM 效益 汇总", '<汇总 一级指标="效益指标" 分值="30" 得分="30"/>', 15 + 4 + 10, 30, 0)
num("TRAP", R, "总分 carries the 汇总", '总分="99.71"', 9.71 + 50 + 30 + 10, 99.71)
num("TRAP", R, "产出 汇总", '<汇总 一级指标="产出指标" 分值="50" 得分="50"/>', 10 * 5, 50, 0)
cmp("DEFECT", R, "IM 18,640 > 15,872", ['实际完成值="18640人"', "在校学生15,872人"], 18640 > 15872, "18640 > 15872")
cmp("DEFECT", R, "DOP 2022 date", '实际完成值="2022年8月25日"', True, "2022 before 2023")
count("DEFECT", R, "NV 宿淞县", "宿淞县", 1)
count("DEFECT", R, "RT clause twice", "全县42所义务教育学校全部完成仪器设备更新", 2)
cmp("DEFECT", R, "UC O2", "学生动手能力和科学素养显著增强", True, "no figure")
num("TRAP", R, "单套均价", '实际完成值="6.84万元"', 862.40 / 126, 6.84)
cmp("TRAP", R, "≤ 7.00 met", '年度指标值="≤7.00万元"', 6.84 <= 7.00, "6.84 ≤ 7.00")
cmp("TRAP", R, "equality met", ['年度指标值="≥42所" 实际完成值="42所"', '年度指标值="≥8年" 实际完成值="8年"'], True, "42 = 42, 8 = 8")
cmp("TRAP", R, "开出率 docked with reason", ['实际完成值="87.5%" 分值="5" 得分="4" 偏差原因="6所农村学校实验教师缺编'], 87.5 < 90, "reason given")

# ---------------------------------------------------------------- b31_peda
R = "b31_peda"
num("TRAP", R, "预算 sum", ["预算182.00万元", "预算96.00万元", "预算68.00万元", "预算40.00万元", "预算386.00万元"], 182 + 96 + 68 + 40, 386.00)
num("TRAP", R, "支出 sum", ["支出176.46万元", "支出92.30万元", "支出66.12万元", "支出36.40万元", "全年实际支出371.28万元"], 176.46 + 92.30 + 66.12 + 36.40, 371.28)
num("TRAP", R, "执行率", "预算执行率96.19%", 371.28 / 386.00 * 100, 96.19)
num("TRAP", R, "P1 score sum", "自评总分94.5分", 18 + 19 + 36 + 21.5, 94.5, 1)
cmp("DEFECT", R, "NC 126.4 / 123.8", ["全年完成馆藏档案数字化加工126.4万画幅", "全年完成馆藏档案数字化加工123.8万画幅"], 126.4 != 123.8, "126.4 ≠ 123.8")
cmp("DEFECT", R, "CC 全部完成 vs 3,240 < 3,600", ["4个项目绩效目标全部完成", "全年修复破损档案3,240卷"], 3240 < 3600, "3240 < 3600")
num("TRAP", R, "修复 完成比例", "完成90%", 3240 / 3600 * 100, 90, 0)
cmp("DEFECT", R, "IS 93.8 < 95 达到预期", "全年库房温湿度达标率93.8%，年度目标值为不低于95%，达到预期目标", 93.8 < 95, "93.8 < 95")
cmp("DEFECT", R, "UC O5", "档案服务能力显著增强", True, "no figure")
count("DEFECT", R, "ORG O4 = G4 wording", "按照年度计划编研出版《普洱茶马古道档案史料选编》1部（约40万字）", 2)
count("DEFECT", R, "DP P2 = O6", "数字化成果已全部挂接到馆藏档案管理系统，全年提供档案利用查询2,864人次，其中通过数字化副本在线调阅2,105人次，占73.5%，馆藏原件调阅次数明显减少。", 2)
num("TRAP", R, "在线调阅 占比", "占73.5%", 2105 / 2864 * 100, 73.5, 1)
cmp("DEFECT", R, "VM I3", "进一步加强绩效管理，不断完善绩效目标设置，切实提高财政资金使用效益", True, "slogans")
cmp("TRAP", R, "both NC values meet ≥120", "不少于120万画幅", 126.4 >= 120 and 123.8 >= 120, "met")

# ---------------------------------------------------------------- b31_ljlt
R = "b31_ljlt"
num("DEFECT", R, "AM 追加 difference", ["年初预算1,864.20万元", "调整预算为2,036.50万元，较年初增加182.30万元"], 2036.50 - 1864.20, 182.30)
num("TRAP", R, "其中 sum", ["基本支出1,236.84万元", "项目支出741.52万元", "全年实际支出1,978.36万元"], 1236.84 + 741.52, 1978.36)
num("TRAP", R, "执行率", "预算执行率97.15%", 1978.36 / 2036.50 * 100, 97.15)
cmp("TRAP", R, "staff sum", ["年末在职人员58人", "行政编制29人、事业编制21人、公益性岗位8人"], 29 + 21 + 8 == 58, "58")
cmp("TRAP", R, "三公 ≤", "“三公”经费支出8.46万元，控制在年初预算9.00万元以内", 8.46 <= 9.00, "8.46 ≤ 9.00")
num("TRAP", R, "户厕 补助", ["全年完成农村户厕改造216户", "户均补助0.35万元，补助资金75.60万元"], 216 * 0.35, 75.60)
cmp("DEFECT", R, "NC 216 / 218", ["全年完成农村户厕改造216户", "全镇完成户厕改造218户"], 216 != 218, "216 ≠ 218")
num("DEFECT", R, "SM 合计", ["决策20分得20分、过程20分得19分、产出40分得37.5分、效益20分得18分，合计95.5分"], 20 + 19 + 37.5 + 18, 95.5, 1)
num("TRAP", R, "满意度 283/300", ["随机入户调查300户，表示满意的283户，群众满意度94.3%"], 283 / 300 * 100, 94.3, 1)
count("DEFECT", R, "RT O3", "均已落实产业、就业等针对性帮扶措施", 2)
count("DEFECT", R, "NV 老头勾镇", "老头勾镇", 1)
count("DEFECT", R, "GWO 敬老院 only in G4", "敬老院", 1)
cmp("DEFECT", R, "UC P2", "群众生活品质显著提高，乡村振兴各项工作取得明显成效", True, "no figure")

# ---------------------------------------------------------------- b31_lpmz
R = "b31_lpmz"
num("TRAP", R, "其中 sum", ["基本支出1,062.35万元", "项目支出5,925.79万元", "全年实际支出6,988.14万元"], 1062.35 + 5925.79, 6988.14)
num("TRAP", R, "执行率", "预算执行率98.06%", 6988.14 / 7126.58 * 100, 98.06)
num("TRAP", R, "签约率 computed right", ["分散供养特困人员1,486人", "签订照料服务协议1,376人", "照料服务协议签约率92.6%"], 1376 / 1486 * 100, 92.6, 1)
cmp("DEFECT", R, "IS 92.6 < 95 达到年度目标", ["照料服务协议签约率92.6%，达到年度目标", "签约率不低于95%"], 92.6 < 95, "92.6 < 95")
cmp("DEFECT", R, "CC checklist 是", ["年度绩效目标是否全部完成\t是\t各项绩效目标均已完成", "补录率76.4%"], 76.4 < 90 and 92.6 < 95, "two missed")
cmp("DEFECT", R, "DU 76.4 < 90", ["婚姻登记历史档案数字化补录率76.4%。", "补录率不低于90%"], 76.4 < 90 and "补录" not in text(R).split("五、存在问题")[1], "no cause")
cmp("DEFECT", R, "PWM Q3", "民政专干平均仅1.3人", "专干" not in text(R).split("六、改进措施")[1], "no measure on 专干")
count("DEFECT", R, "ORG O3 wording", "新建农村互助养老服务点12个", 2)
count("DEFECT", R, "DP O1 / O6", "全年累计发放城乡低保金3,286.40万元，月均保障城乡低保对象1.12万人，按季度开展入户复核，低保对象年度复核率100%。", 2)
cmp("DEFECT", R, "CM broken bracket", "乐财绩字〔2024]3号", True, "〔 … ]")
num("TRAP", R, "P1 score sum", "自评得分92分", 15 + 23 + 36 + 18, 92, 0)
cmp("TRAP", R, "三公 ≤", ["“三公”经费支出12.36万元，控制在预算14.00万元以内", "支出12.36万元，预算14.00万元"], 12.36 <= 14.00, "12.36 ≤ 14.00")
cmp("TRAP", R, "justified 无", "否\t无，经市审计局2023年度专项审计未发现", True, "justified")

bad = results.count(False)
print(f"\n{len(results)} lines, {bad} not as planted")
sys.exit(1 if bad else 0)
