#!/usr/bin/env python3
"""Re-run every computation behind the planted defects and traps of blind23 and check that each
snippet occurs verbatim in its report (full-width digits, 「．」 and 「％」 normalised on both sides).

NUM lines: the value computed from the operands, rounded half-up at the precision the report
writes, must EQUAL the written figure for a TRAP and DIFFER from it for a DEFECT; the written
figure must occur inside the snippet.
CMP lines: a comparison (met / not met, part vs whole, score vs weight, grade vs scale, count of a
repeated clause) that must hold as planted.
Exit status 0 when every line is as planted, 1 otherwise."""
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def norm(s):
    return s.translate(FW)


_cache = {}


def text(name):
    if name not in _cache:
        with open(os.path.join(HERE, name + ".txt"), encoding="utf-8") as f:
            _cache[name] = norm(f.read())
    return _cache[name]


failures = []
count = {"DEFECT": 0, "TRAP": 0}


def has(name, snippet):
    return norm(snippet) in text(name)


def rnd(x, written):
    w = written.replace(",", "")
    places = len(w.split(".")[1]) if "." in w else 0
    q = Decimal(1).scaleb(-places)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)


def NUM(kind, name, snippet, value, written, label):
    count[kind] += 1
    ok_snip = has(name, snippet) and norm(written) in norm(snippet)
    w = Decimal(norm(written).replace(",", ""))
    r = rnd(value, norm(written))
    equal = (r == w)
    ok = ok_snip and (equal if kind == "TRAP" else not equal)
    tag = "ok " if ok else "BAD"
    print(f"{tag} NUM {kind:6} {name:10} {label}: computed {r} written {written}" + ("" if ok_snip else "  [snippet missing]"))
    if not ok:
        failures.append((name, label))


def CMP(kind, name, snippets, cond, label):
    count[kind] += 1
    if isinstance(snippets, str):
        snippets = [snippets]
    missing = [s for s in snippets if not has(name, s)]
    ok = (not missing) and bool(cond)
    tag = "ok " if ok else "BAD"
    print(f"{tag} CMP {kind:6} {name:10} {label}" + (f"  [snippet missing: {missing}]" if missing else ""))
    if not ok:
        failures.append((name, label))


def REP(kind, name, clause, n, label):
    c = text(name).count(norm(clause))
    CMP(kind, name, clause, c == n, f"{label} (count {c}, expected {n})")


# ---------------------------------------------------------------- b23_xmmz
R = "b23_xmmz"
NUM("DEFECT", R, "月人均补助水平458元", 36359500 / 12 / 6917, "458", "AM 农村低保 月人均 3,635.95万/12/6,917")
CMP("DEFECT", R, ["全年新建村级养老服务站14个", "全年新建的16个村级养老服务站"], 14 != 16, "NC 养老服务站 14 vs 16")
CMP("DEFECT", R, ["均已按月足额发放到位", "有46名重度残疾人的护理补贴延至2024年1月发放"], True, "CC 足额发放 vs 46人延发")
CMP("DEFECT", R, "兜底保障作用充分彰显", not any(ch.isdigit() for ch in "通过一年的努力，群众对民政工作的获得感、幸福感、安全感显著增强，兜底保障作用充分彰显，民政事业发展得到上级和社会各界的广泛好评。"), "UC P3 has no figure")
CMP("DEFECT", R, "建成3个乡镇公益性公墓", ("公墓" not in text(R).split("三、目标完成情况")[1]) and ("安葬" not in text(R).split("三、目标完成情况")[1]), "GWO G5 公墓 / 安葬 absent after 三、")
CMP("DEFECT", R, "坚持问题导向，压实工作责任", True, "VM I3 slogans")
CMP("DEFECT", R, "新密办〔23〕9号", "〔2023〕" not in "新密办〔23〕9号", "CM two-digit year")
NUM("TRAP", R, "全年实际支出8,915.27万元", 1326.48 + 7588.79, "8,915.27", "B2 基本 + 项目")
NUM("TRAP", R, "预算执行率97.09%", 8915.27 / 9182.64 * 100, "97.09", "B2 执行率")
NUM("TRAP", R, "结余资金267.37万元", 9182.64 - 8915.27, "267.37", "U1 结余")
NUM("TRAP", R, "占总床位1,150张的53.2%", 612 / 1150 * 100, "53.2", "O2 护理型床位占比")
CMP("TRAP", R, "未达到55%的目标，主要原因是", 53.2 < 55, "O2 miss with its reason")
NUM("TRAP", R, "全年发放178.20万元", (38 + 61) * 1500 * 12 / 10000, "178.20", "O4 (38+61)×1,500×12")
NUM("TRAP", R, "自评得分94.5分", 19.4 + 18.6 + 37.5 + 19.0, "94.5", "P1 score parts")
CMP("TRAP", R, "等级为“优”", 94.5 >= 90, "P1 grade")
CMP("TRAP", R, "高于不低于420元的年度目标", 36359500 / 12 / 6917 >= 420, "O1 true average still ≥420")
CMP("TRAP", R, "新密财绩〔2024〕6号", True, "well-formed citation")

# ---------------------------------------------------------------- b23_lpez
R = "b23_lpez"
CMP("DEFECT", R, ["本科上线412人", "全年高考本科上线人数436人"], 412 != 436, "NC 本科上线 412 vs 436")
CMP("DEFECT", R, ["测试合格率92.8%，年度目标为不低于95%，本项自评得7分（分值10分）。"], 92.8 < 95 and "体质" not in text(R).split("五、存在问题")[1], "DU 体测 missed, no reason")
CMP("DEFECT", R, "家长和社会各界高度认可", not any(ch.isdigit() for ch in "一年来，学校办学品质和社会美誉度持续提升，教育教学质量稳步提高，育人环境不断改善，家长和社会各界高度认可。"), "UC P2 no figure")
CMP("DEFECT", R, "2021—2022学年两个学期共资助", 2022 < 2023, "DOP 2021—2022学年 ends before 2023")
REP("DEFECT", R, "坚持开齐开足国家课程", 2, "RT O1 clause twice")
CMP("DEFECT", R, ["为全校2,386名在校学生建立健康档案", "筛查出近视学生2,912名"], 2912 > 2386, "IM 近视 > 在校生")
CMP("DEFECT", R, "荔蒲市第二中学教务处", text(R).count("荔蒲") == 1, "NV 浦→蒲 once")
NUM("TRAP", R, "全年实际支出4,102.87万元", 3046.21 + 612.44 + 444.22, "4,102.87", "B2 三项")
NUM("TRAP", R, "预算执行率97.33%", 4102.87 / 4215.36 * 100, "97.33", "B2 执行率")
NUM("TRAP", R, "本科上线率45.98%", 412 / 896 * 100, "45.98", "O1 上线率")
CMP("TRAP", R, "本科上线率45.98%，完成年度目标", 45.98 >= 45, "O1 met ≥45%")
NUM("TRAP", R, "自评得分92.6分", 14.6 + 23.8 + 31.2 + 23.0, "92.6", "P1 parts")
NUM("TRAP", R, "占41.9%", 78 / 186 * 100, "41.9", "Q2 45岁以上 share")
CMP("TRAP", R, ["在校学生2,312人", "在校学生2,386人"], True, "B1 two terms, two enrolments")
CMP("TRAP", R, ["2022—2023学年第二学期", "2023—2024学年第一学期"], True, "学年 terms inside 2023")

# ---------------------------------------------------------------- b23_bcyy
R = "b23_bcyy"
NUM("DEFECT", R, "占医疗收入的27.4%", 3862.47 / 15286.30 * 100, "27.4", "AM 药品收入 share")
CMP("TRAP", R, "低于30%的控制线", 3862.47 / 15286.30 * 100 <= 30, "true share still ≤30%")
NUM("DEFECT", R, "合计					100	97", 10 * 8 + 8 + 8, "97", "SM 表三 合计")
CMP("DEFECT", R, "3	平均住院日	≤8天	8.6天	✓	10	10", 8.6 > 8, "IS ≤8天 row 8.6 ticked")
CMP("DEFECT", R, "7	医疗服务收入占比	≥32%	30.4%	✗	10	8	\n", 30.4 < 32, "DU 说明 cell empty")
CMP("DEFECT", R, "100.8%", 100.8 > 100, "R100 门诊预约诊疗率")
CMP("DEFECT", R, "≤260元	231.6万元", True, "UM 次均费用 in 万元")
CMP("DEFECT", R, "3.信息系统不够稳定。", "HIS" not in text(R).split("六、改进措施")[1] and "信息" not in text(R).split("六、改进措施")[1], "PWM Q3 no measure")
NUM("TRAP", R, "总收入	18,015.79", 2416.85 + 15286.30 + 312.64, "18,015.79", "表一 收入")
NUM("TRAP", R, "总支出	17,524.81", 9826.43 + 6912.17 + 786.21, "17,524.81", "表一 支出")
NUM("TRAP", R, "门急诊人次（万人次）	39.52	44.86	13.5%", (44.86 / 39.52 - 1) * 100, "13.5", "表二 同比")
NUM("TRAP", R, "出院人次（万人次）	2.48	2.71	9.3%", (2.71 / 2.48 - 1) * 100, "9.3", "表二 同比")
NUM("TRAP", R, "高于上年5.4个百分点", 103.6 - 98.2, "5.4", "O1 病床使用率 差")
CMP("TRAP", R, "103.6%	+5.4个百分点（含加床）", True, "病床使用率 >100% with 加床")
CMP("TRAP", R, "6	三四级手术占比	≥25%	23.8%	✗	10	8	新院区手术室", 23.8 < 25, "row 6 miss with reason")
CMP("TRAP", R, "等级为“优”（90分及以上为优）", 96 >= 90 and 97 >= 90, "grade fits")

# ---------------------------------------------------------------- b23_fjsl
R = "b23_fjsl"
NUM("DEFECT", R, "486.50	447.26	10	93.91%	9.39", 447.26 / 486.50 * 100, "93.91", "AM 项目二 执行率")
NUM("DEFECT", R, "总分					100	97.77					100	99.93", 9.39 + 20 + 10 + 10 + 10 + 20 + 10 + 10, "99.93", "SM 项目二 总分")
CMP("DEFECT", R, "沿河受益耕地面积	≥3.2万亩	3.0万亩	20	20	完成年度目标", 3.0 < 3.2, "IS 耕地 full marks")
CMP("DEFECT", R, ["15处供水工程维修养护已全部完工并通过验收", "工程完工验收合格率	100%	93.3%"], 14 / 15 < 1, "CC 全部完工验收 vs 93.3%")
NUM("TRAP", R, "工程完工验收合格率	100%	93.3%", 14 / 15 * 100, "93.3", "14/15")
CMP("DEFECT", R, "农村集中供水保证率	≥95%	达到预期", True, "INF words for a rate")
CMP("DEFECT", R, "河道清淤长度	≥12公里	12.6万立方米", True, "UM 公里 target answered 万立方米")
CMP("DEFECT", R, "2023年10月25日	10	10	（未完成的需说明原因）", True, "UF template note in met row")
NUM("TRAP", R, "312.40	305.18	10	97.69%	9.77", 305.18 / 312.40 * 100, "97.69", "项目一 执行率")
NUM("TRAP", R, "97.69%	9.77", 10 * 0.9769, "9.77", "项目一 执行率得分")
NUM("TRAP", R, "总分					100	97.77", 9.77 + 20 + 8 + 10 + 10 + 20 + 10 + 10, "97.77", "项目一 总分")
NUM("TRAP", R, "年度资金总额	286.00", 180.00 + 106.00, "286.00", "项目一 年初 其中")
NUM("TRAP", R, "年度资金总额	286.00	312.40", 198.00 + 114.40, "312.40", "项目一 全年 其中")
NUM("TRAP", R, "312.40	305.18", 195.62 + 109.56, "305.18", "项目一 执行 其中")
NUM("TRAP", R, "460.00	486.50	447.26", 300.00 + 160.00, "460.00", "项目二 年初 其中")
NUM("TRAP", R, "460.00	486.50", 320.00 + 166.50, "486.50", "项目二 全年 其中")
NUM("TRAP", R, "486.50	447.26", 301.14 + 146.12, "447.26", "项目二 执行 其中")
NUM("TRAP", R, "≤22万元	20.35万元", 305.18 / 15, "20.35", "单处成本 ≤22")
NUM("TRAP", R, "≤40万元	35.50万元", 447.26 / 12.6, "35.50", "每公里成本 ≤40")
CMP("TRAP", R, ["=15处	15处", "≥10年	10年", "20年一遇	20年一遇"], True, "met on equality")

# ---------------------------------------------------------------- b23_sjgx
R = "b23_sjgx"
CMP("DEFECT", R, ["全乡有脱贫户1,126户", "全乡1,148户脱贫户中"], 1126 != 1148, "NC 脱贫户")
CMP("DEFECT", R, ["全乡2023年的各项任务全部完成", "全年修了6.8公里，比计划的8公里少了1.2公里"], 6.8 < 8, "CC 全部完成 vs 6.8/8")
CMP("DEFECT", R, "群众满意度大大提高，干群关系更加融洽，乡村面貌焕然一新。", True, "UC O5 no figure")
CMP("DEFECT", R, "第二，村集体经济收入不平衡", "针对第二个问题" not in text(R), "PWM Q2 unanswered")
CMP("DEFECT", R, "要进一步提高认识，压实责任，转变作风，切实把项目前期工作抓紧抓实抓好。", True, "VM I2 slogans")
CMP("DEFECT", R, ["2.人居环境上，完成宋家沟村、长崖子村、甘钦村3个村的人居环境整治提升，新建水冲式公厕3座。", "年初就定了要完成宋家沟村、长崖子村、甘钦村3个村的人居环境整治提升，新建水冲式公厕3座"], True, "ORG O2 restates G2")
CMP("DEFECT", R, ["2.全年预算执行率96.40%，资金主要用在产业发展和基础设施上", "3.全年预算执行率96.40%，资金主要用在了产业发展和基础设施上"], True, "DP P2 / I3")
NUM("TRAP", R, "实际花了1,432.65万元", 612.38 + 820.27, "1,432.65", "B2 基本 + 项目")
NUM("TRAP", R, "预算执行率96.40%。", 1432.65 / 1486.20 * 100, "96.40", "B2 执行率")
NUM("TRAP", R, "比计划的8公里少了1.2公里", 8 - 6.8, "1.2", "O3 difference")
NUM("TRAP", R, "比年初定的1,600人多了52人", 1652 - 1600, "52", "O4 surplus")
NUM("TRAP", R, "有1,652名脱贫劳动力", 1108 + 544, "1,652", "O4 parts")
NUM("TRAP", R, "自评得分95分", 19 + 38 + 28 + 10, "95", "P1 parts")

# ---------------------------------------------------------------- b23_shwl
R = "b23_shwl"
NUM("DEFECT", R, "综合得分93.5分", 19 + 18.5 + 36.5 + 18.5, "93.5", "SM P1 parts")
CMP("DEFECT", R, "目标值≥24,000册，完成值22,860册。完成情况：达到目标值。", 22860 < 24000, "IS 图书")
CMP("DEFECT", R, "目标值≥40个，完成值36个。偏差原因：其他原因。", 36 < 40, "DU 中心 36/40")
CMP("DEFECT", R, "（二）自评结果应用：单击或点击此处输入文字。", True, "UF content-control placeholder")
CMP("DEFECT", R, "目标值≥480场，完成值：全面完成。", True, "INF 场次 in words")
CMP("DEFECT", R, "2022年12月委托县统计调查队入户开展问卷调查", 2022 < 2023, "DOP survey before 2023")
CMP("DEFECT", R, "泗财教〔2023)21号", True, "CM mixed brackets")
NUM("TRAP", R, "项目预算368.00万元", 126.00 + 142.00 + 100.00, "368.00", "B2 其中")
NUM("TRAP", R, "预算执行率95.51%", 351.46 / 368.00 * 100, "95.51", "B2 执行率")
NUM("TRAP", R, "全年实际支出351.46万元", 198.72 + 96.34 + 56.40, "351.46", "B2 uses")
NUM("TRAP", R, "目标值≤6万元，完成值5.52万元", 198.72 / 36, "5.52", "O5 平均成本")
CMP("TRAP", R, "目标值≤6万元，完成值5.52万元", 5.52 <= 6, "O5 ≤ met")
NUM("TRAP", R, "项目过程扣1.5分", 20 - 18.5, "1.5", "P1 docking")
CMP("TRAP", R, "宿财教〔2023〕35号", True, "well-formed citation")

# ---------------------------------------------------------------- b23_lxjt
R = "b23_lxjt"
NUM("DEFECT", R, "较上年的37起减少6起，同比下降12.6%", (1 - 31 / 37) * 100, "12.6", "AM 下降率")
NUM("TRAP", R, "较上年的37起减少6起", 37 - 31, "6", "O4 difference")
CMP("DEFECT", R, ["86.4公里\n超额完成年度目标80公里", "新改建的91.2公里农村公路"], 86.4 != 91.2, "NC 86.4 vs 91.2")
NUM("DEFECT", R, "96.3分\n自评总分", 19.5 + 19.2 + 38.6 + 18.5, "96.3", "SM 总分 vs parts")
CMP("DEFECT", R, "人民群众的获得感、幸福感明显提升", True, "UC 社会效益 card")
CMP("DEFECT", R, "100.6%\n建制村通客车率", 100.6 > 100, "R100 通客车率")
REP("DEFECT", R, "建立“一路一档”管养台账", 2, "RT I1")
CMP("DEFECT", R, "目标5　货车超限超载率控制在1%以内", ("超限" not in text(R).split("▍完成情况")[1]) and ("超载" not in text(R).split("▍完成情况")[1]), "GWO 目标5")
NUM("TRAP", R, "11,902.15万元\n全年支出数", 1236.80 + 10665.35, "11,902.15", "B 基本 + 项目")
NUM("TRAP", R, "95.32%\n预算执行率", 11902.15 / 12486.37 * 100, "95.32", "B 执行率")
NUM("TRAP", R, "较上年的20.47万元下降9.8%", (1 - 18.46 / 20.47) * 100, "9.8", "B 三公 下降")
CMP("TRAP", R, ["86.4公里\n超额完成年度目标80公里", "86.7%\n普通国省干线公路优良路率，高于年度目标85%"], 86.4 >= 80 and 86.7 >= 85, "met ≥")
CMP("TRAP", R, "优\n评价等级（90分及以上为优）", 96.3 >= 90 and 95.8 >= 90, "grade fits")

# ---------------------------------------------------------------- b23_hllc
R = "b23_hllc"
CMP("DEFECT", R, ["全年森林火灾零发生", "全年发生一般森林火灾2起"], True, "CC 零发生 vs 2起")
CMP("DEFECT", R, "全年完成营造林3.06万亩，其中人工造林1.16万亩、森林抚育1.90万亩，完成年度目标任务", 3.06 < 3.2, "IS 营造林")
CMP("DEFECT", R, "全市草原综合植被盖度77.6%，较上年提高0.4个百分点。", 77.6 < 79 and "植被" not in text(R).split("五、存在问题")[1] and "盖度" not in text(R).split("五、存在问题")[1], "DU 植被盖度")
CMP("DEFECT", R, ["全市林地面积268.4万亩", "落实天然林管护面积312.6万亩"], 312.6 > 268.4, "IM 天然林 > 林地")
CMP("DEFECT", R, "计划完成林业有害生物防治任务，确保成灾率控制在3‰以内", True, "ORG O5")
CMP("DEFECT", R, ["6.林长制方面。全面落实市、乡、村三级林长体系", "2.林长制方面，全面落实市、乡、村三级林长体系"], True, "DP O6 / P2")
CMP("DEFECT", R, "会理市林业和草园局", text(R).count("草园局") == 1, "NV 原→园")
NUM("TRAP", R, "全年实际支出7,062.93万元", 1486.35 + 5576.58, "7,062.93", "B2 基本 + 项目")
NUM("TRAP", R, "预算执行率96.55%", 7062.93 / 7315.48 * 100, "96.55", "B2 执行率")
NUM("TRAP", R, "共计0.53亿元（5,326.00万元）", 5326.00 / 10000, "0.53", "亿元 = 万元")
NUM("TRAP", R, "共计0.53亿元（5,326.00万元）", 2800.00 + 2526.00, "5,326.00", "中央 + 省级")
NUM("TRAP", R, "全年完成营造林3.06万亩", 1.16 + 1.90, "3.06", "O1 parts")
NUM("TRAP", R, "森林火灾受害率0.02‰", 38 / 2165000 * 1000, "0.02", "O2 受害率")
CMP("TRAP", R, "森林火灾受害率0.02‰", 0.02 <= 0.9, "O2 ≤ met")
CMP("TRAP", R, "选聘生态护林员1,286名", 1286 >= 1200, "O3 护林员 met")
NUM("TRAP", R, "自评得分93.8分", 19.2 + 18.6 + 37.0 + 19.0, "93.8", "P1 parts")
CMP("TRAP", R, ["会林草〔2024〕12号", "会财绩〔2024〕3号"], True, "well-formed citations")

print()
print(f"{count['DEFECT']} DEFECT lines, {count['TRAP']} TRAP lines, {len(failures)} not as planted")
sys.exit(1 if failures else 0)
