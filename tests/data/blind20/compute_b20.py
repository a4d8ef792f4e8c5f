#!/usr/bin/env python3
"""Re-run every computation planted in the blind20 reports (defects and traps) and check that each
snippet quoted here occurs verbatim in its report (full-width digits, 「．」 and 「％」 normalised on both
sides). NUM lines: the computed value, rounded half-up at the precision the report writes, compared with
the written figure (a DEFECT must differ, a TRAP must agree). CMP lines: a python test that must hold.
Also checks the gold: 7 findings with 7 different codes per report, the code counts over the set.
Exit status 0 when every line is as planted."""
import os, sys, collections
from decimal import Decimal as D, ROUND_HALF_UP

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

fails = 0
count = 0

def _snips(rep, snippets):
    global fails
    ok = True
    for s in snippets:
        if norm(s) not in text(rep):
            print(f"  MISSING SNIPPET in {rep}: {s!r}")
            ok = False
    return ok

def _prec(written):
    w = norm(written).replace(",", "").rstrip("%")
    return len(w.split(".")[1]) if "." in w else 0

def rnd(x, n):
    return D(repr(x)).quantize(D(1).scaleb(-n), rounding=ROUND_HALF_UP)

def NUM(rep, kind, label, computed, written, snippets):
    """kind DEFECT: rounded computed value must differ from written; TRAP: must agree."""
    global fails, count
    count += 1
    n = _prec(written)
    c = rnd(computed, n)
    w = D(norm(written).replace(",", "").rstrip("%"))
    agree = (c == w)
    ok = (agree if kind == "TRAP" else not agree) and _snips(rep, snippets)
    if not ok:
        fails += 1
    print(f"{'ok ' if ok else 'BAD'} {kind:6} NUM {rep}: {label}: computed {c} vs written {written}")

def CMP(rep, kind, label, cond, snippets):
    global fails, count
    count += 1
    ok = bool(cond) and _snips(rep, snippets)
    if not ok:
        fails += 1
    print(f"{'ok ' if ok else 'BAD'} {kind:6} CMP {rep}: {label}")

# ---------------------------------------------------------------- b20_ayyy (安岳县人民医院)
R = "b20_ayyy"
NUM(R, "DEFECT", "药占比 14,628.35 / 53,128.66", 14628.35 / 53128.66 * 100, "25.53%", ["药品收入14,628.35万元，占医疗收入的25.53%", "医疗收入53,128.66万元"])
NUM(R, "TRAP", "right 药占比 still ≤30%", 14628.35 / 53128.66 * 100, "27.53%", ["药占比控制在30%以内"])
CMP(R, "TRAP", "right 药占比 27.53 ≤ 30", 14628.35 / 53128.66 * 100 <= 30, [])
CMP(R, "DEFECT", "出院 43,612 vs 4.28万 (42,800) differ", 43612 != 42800 and str(rnd(43612 / 1e4, 2)) != "4.28", ["全年出院患者43,612人次", "全年出院4.28万人次"])
CMP(R, "DEFECT", "签约居民 126.4万 > 服务人口 108万", 126.4 > 108, ["家庭医生签约居民126.4万人", "约108万服务人口"])
CMP(R, "DEFECT", "G4 repeated verbatim as I4", text(R).count(norm("推进智慧医院建设，电子病历系统应用水平分级评价达到4级，上线互联网诊疗服务。")) == 2, [])
CMP(R, "DEFECT", "G5 topic absent from outcomes", "认证" not in text(R).split("3 目标完成情况")[1], ["完成胸痛中心、卒中中心省级认证现场评审"])
NUM(R, "TRAP", "收入 parts", 4386.52 + 53128.66 + 1105.22, "58,620.40", ["收入合计5.86亿元（58,620.40万元），其中财政拨款收入4,386.52万元、医疗收入53,128.66万元、其他收入1,105.22万元"])
NUM(R, "TRAP", "5.86亿元 = 58,620.40万元", 58620.40 / 1e4, "5.86", ["5.86亿元"])
NUM(R, "TRAP", "支出 parts", 50723.78 + 6218.40, "56,942.18", ["支出合计56,942.18万元，其中基本支出50,723.78万元、项目支出6,218.40万元"])
NUM(R, "TRAP", "执行率", 4215.87 / 4386.52 * 100, "96.11%", ["实际执行4,215.87万元，预算执行率96.11%"])
NUM(R, "TRAP", "支出占收入", 56942.18 / 58620.40 * 100, "97.14%", ["占当年收入的97.14%"])
NUM(R, "TRAP", "门急诊 66.82 / 68", 66.82 / 68 * 100, "98.26%", ["全年完成门急诊66.82万人次，为年度目标的98.26%", "主要原因是"])
NUM(R, "TRAP", "次均费用", 36748.52e4 / 43612, "8,426.24", ["住院收入36,748.52万元，住院患者次均费用8,426.24元"])
CMP(R, "TRAP", "次均 ≤ 9,000; 住院日 7.6 ≤ 8; 三级手术 30 ≥ 30; 派驻 12 ≥ 12; 78.6 ≥ 75", 8426.24 <= 9000 and 7.6 <= 8 and 30 >= 30 and 12 >= 12 and 78.6 >= 75,
    ["平均住院日7.6天", "三级手术占比达到30%", "派驻骨干医师12名", "重点人群签约覆盖率78.6%"])

# ---------------------------------------------------------------- b20_scgd (舒城县 耕地地力保护补贴, CSV)
R = "b20_scgd"
CMP(R, "DEFECT", "资金使用合规性 5 − 0.5 = 4.5 ≠ 4", 5 - 0.5 != 4, ["2个乡镇补贴档案资料不完整，扣0.5分", "每发现一处问题扣0.5分\",合规,抽查6个乡镇，2个乡镇补贴档案资料不完整,4,"])
CMP(R, "DEFECT", "核实准确率 98.4 < 99 but full 5 and 「达到目标值」", 98.4 < 99, ["≥99%,98.4%,5,达到目标值"])
CMP(R, "DEFECT", "知晓率 91.6 < 95, reason 「按评分标准扣分」", 91.6 < 95, ["≥95%,91.6%,3.3,按评分标准扣分"])
NUM(R, "TRAP", "知晓率 docked score 5 − (95 − 91.6) × 0.5", 5 - (95 - 91.6) * 0.5, "3.3", ["每低1个百分点扣0.5分"])
NUM(R, "DEFECT", "发放率 4,356.82 / 4,481.40", 4356.82 / 4481.40 * 100, "98.22%", ["应发4,481.40万元\n已发4,356.82万元\n发放率98.22%"])
CMP(R, "TRAP", "right 发放率 97.22 still ≥95", 4356.82 / 4481.40 * 100 >= 95, [])
CMP(R, "DEFECT", "一卡通 覆盖率 100.8 > 100", 100.8 > 100, ["100%,100.8%,6,"])
CMP(R, "DEFECT", "满意度 评分标准 template note", True, ["（参照上述指标设定评分标准）"])
CMP(R, "DEFECT", "农户数 answered in words", True, ["≥6.8万户,全部发放到户,7,"])
NUM(R, "TRAP", "预算 4,481.40 + 18.60", 4481.40 + 18.60, "4,500.00", ["全年预算4,500.00万元，其中补贴资金4,481.40万元、工作经费18.60万元"])
NUM(R, "TRAP", "执行率 4,369.22 / 4,500.00", (4356.82 + 12.40) / 4500 * 100, "97.09%", ["实际支出4,369.22万元\n执行率97.09%"])
NUM(R, "TRAP", "支出 4,356.82 + 12.40", 4356.82 + 12.40, "4,369.22", [])
NUM(R, "TRAP", "执行率 score 10 × 97.09%", 10 * 0.9709, "9.71", [",9.71,"])
NUM(R, "TRAP", "待兑付 4,481.40 − 4,356.82", 4481.40 - 4356.82, "124.58", ["补贴资金124.58万元"])
NUM(R, "TRAP", "结余 18.60 − 12.40", 18.60 - 12.40, "6.20", ["工作经费结余6.20万元"])
NUM(R, "TRAP", "42.68万亩 × 105元 in 万元", 42.68e4 * 105 / 1e4, "4,481.40", ["42.68万亩×105元=4,481.40万元"])
NUM(R, "TRAP", "合计 = rows as written", 5 + 5 + 4 + 5 + 9.71 + 4 + 8 + 7 + 5 + 5 + 5 + 5 + 6 + 6 + 3.3 + 5 + 8, "96.01", ["合计,,,100,,,,,96.01,"])
CMP(R, "TRAP", "分值 sum 100; 优 fits ≥90; 4.52 ≤ 4.6; 0.36 ≥ 0.3; 42.68 ≥ 42.6; 93.5 ≥ 90", 15 + 20 + 35 + 30 == 100 and 96.01 >= 90 and 4.52 <= 4.6 and 0.36 >= 0.3 and 42.68 >= 42.6 and 93.5 >= 90,
    ["优（90分及以上为优", "≤4.6等,4.52等", "≥0.3万亩,0.36万亩", "≥42.6万亩,42.68万亩", "≥90%,93.5%"])

# ---------------------------------------------------------------- b20_rhsw (仁化县 中小河流治理, 公告 + 附件)
R = "b20_rhsw"
CMP(R, "DEFECT", "「均在2023年内按期完成」 vs 2024年2月完工", True, ["项目各项建设任务均在2023年内按期完成", "于2024年2月完工"])
CMP(R, "DEFECT", "villages 9 vs 11", 9 != 11, ["涉及沿河9个村庄", "保护沿河11个村庄"])
CMP(R, "DEFECT", "问题二 followed directly by 问题三 (no 整改措施 line)", norm("部分堰坝上游存在漂浮物堆积。\n问题三") in text(R), [])
CMP(R, "DEFECT", "2022 work in a 2023 project started 2023年3月", True, ["2022年共完成河道清淤疏浚8.6公里", "2023年3月开工"])
CMP(R, "DEFECT", "five-digit year in 〔〕", True, ["韶财农〔20232〕14号"])
NUM(R, "TRAP", "合格率 211 / 225 (right)", 211 / 225 * 100, "93.8%", ["评定单元工程225个，合格211个，合格率93.8%"])
CMP(R, "DEFECT", "93.8 < 95 but 「已完成」", 93.8 < 95, ["合格率93.8%（目标值≥95%），该项指标已完成"])
CMP(R, "DEFECT", "P2 achievement language, no figure", True, ["沿河群众防洪安全感显著增强，河道生态环境大幅改善"])
NUM(R, "TRAP", "funds 1,200 + 480 + 360", 1200 + 480 + 360, "2,040.00", ["项目总投资2,040.00万元，其中中央资金1,200.00万元、省级资金480.00万元、县级配套360.00万元"])
NUM(R, "TRAP", "执行率 1,958.36 / 2,040", 1958.36 / 2040 * 100, "96.00%", ["项目实际支出1,958.36万元，预算执行率96.00%"])
NUM(R, "TRAP", "cost per km", 1958.36 / 14.6, "134.13", ["每公里综合治理成本134.13万元（1,958.36万元÷14.6公里）"])
CMP(R, "TRAP", "134.13 ≤ 140", 134.13 <= 140, ["每公里综合治理成本不超过140万元"])
NUM(R, "TRAP", "满意度 272 / 286", 272 / 286 * 100, "95.1%", ["收回286份，其中满意272份，群众满意度95.1%"])
NUM(R, "TRAP", "score parts", 18 + 19.2 + 37.4 + 18, "92.6", ["综合得分92.6分，其中决策18分、过程19.2分、产出37.4分、效益18分"])
CMP(R, "TRAP", "返工 14 = 225 − 211; 优 fits; well-formed 仁财绩〔2024〕5号", 225 - 211 == 14 and 92.6 >= 90, ["14个单元工程返工整改", "等级为优（90分及以上为优）", "仁财绩〔2024〕5号"])

# ---------------------------------------------------------------- b20_pxsj (蓬溪县 食品抽检, HTML cells)
R = "b20_pxsj"
NUM(R, "DEFECT", "总分 = row sum", 9.32 + 15 + 10 + 9.17 + 5 + 5 + 10 + 15 + 10 + 10, "97.49", ["总分\n        | 100\n        | 97.49"])
CMP(R, "DEFECT", "处置率 91.7 < 100, reason cell only a measure", 91.7 < 100, ["        | 91.7%\n        | 10\n        | 9.17\n        | 下一步将加大不合格食品核查处置力度，做到应查尽查。"])
NUM(R, "TRAP", "处置率 33 / 36", 33 / 36 * 100, "91.7%", ["已核查处置33批次"])
NUM(R, "TRAP", "docked score 91.7% × 10", 9.17, "9.17", [])
CMP(R, "DEFECT", "品类覆盖率 93.5 < 95 but 「已达标」 full score", 93.5 < 95, ["抽检食品品类覆盖率\n        | ≥95%\n        | 93.5%\n        | 10\n        | 10\n        | 已达标"])
CMP(R, "DEFECT", "时限 target answered as a percentage", True, ["检验报告出具时限\n        | ≤20个工作日\n        | 96%"])
CMP(R, "DEFECT", "按时公布率 102.4 > 100", 102.4 > 100, ["抽检结果按时公布率\n        | 100%\n        | 102.4%"])
NUM(R, "DEFECT", "average per 批次 1,864,000 / 1,260", 186.40e4 / 1260, "1,520", ["支出检验费用186.40万元，平均每批次检验费用1,520元"])
CMP(R, "DEFECT", "「全部达到」 vs misses", 91.7 < 100 and 93.5 < 95, ["各项绩效指标全部达到年度指标值"])
NUM(R, "TRAP", "其中 budget 120 + 80", 120.00 + 80.00, "200.00", ["其中：县级财政资金\n        | 120.00\n        | 120.00\n        | 110.40"])
NUM(R, "TRAP", "其中 execution 110.40 + 76.00", 110.40 + 76.00, "186.40", ["省级补助资金\n        | 80.00\n        | 80.00\n        | 76.00"])
NUM(R, "TRAP", "执行率 186.40 / 200", 186.40 / 200 * 100, "93.20%", ["        | 93.20%\n        | 9.32"])
NUM(R, "TRAP", "县级 110.40 / 120", 110.40 / 120 * 100, "92.00%", ["        | 92.00%"])
NUM(R, "TRAP", "省级 76 / 80", 76 / 80 * 100, "95.00%", ["        | 95.00%"])
NUM(R, "TRAP", "执行 score", 10 * 0.9320, "9.32", [])
NUM(R, "TRAP", "发现率 36 / 1,260", 36 / 1260 * 100, "2.86%", ["抽检发现不合格样品36批次，发现率2.86%"])
CMP(R, "TRAP", "1,260 ≥ 1,260; 2.86 ≥ 2; 87.2 ≥ 85; 91.6 ≥ 90; 分值 100; 优 fits 97.49 and 98.49",
    1260 >= 1260 and 2.86 >= 2 and 87.2 >= 85 and 91.6 >= 90 and 10 + 15 + 10 + 10 + 5 + 5 + 10 + 15 + 10 + 10 == 100 and 97.49 >= 90,
    ["≥1,260批次\n        | 1,260批次", "≥85%\n        | 87.2%", "≥90%\n        | 91.6%", "注：自评等级90分（含）以上为优"])

# ---------------------------------------------------------------- b20_myyl (密云区 平原生态林养护)
R = "b20_myyl"
CMP(R, "DEFECT", "保存率 92.6 < 95 with no reason; 五 names only the 养护面积 miss", 92.6 < 95 and "保存率" not in text(R).split("五、未完成的绩效目标")[1].split("六、")[0],
    ["（3）林木保存率：92.6%，年度指标值≥95%。"])
CMP(R, "DEFECT", "「全覆盖」 vs 7.94 of 8.26", 7.94 < 8.26, ["全区8.26万亩平原生态林养护实现全覆盖", "完成养护作业7.94万亩"])
CMP(R, "DEFECT", "O6 restates G4 in plan wording", True, ["本年度要确保周边群众对平原生态林景观的满意度达到90%以上", "（4）周边群众对平原生态林景观的满意度达到90%以上。"])
CMP(R, "DEFECT", "clause twice in P4", text(R).count(norm("建立了养护巡查台账，实行标段网格化管理")) == 2, [])
NUM(R, "DEFECT", "业务 15 + 22.5 + 18 + 9.5", 15 + 22.5 + 18 + 9.5, "66", ["业务自评得分66分（满分70分）", "（得分15分）", "（得分22.5分）", "（得分18分）", "（得分9.5分）"])
CMP(R, "DEFECT", "补植 3.6 vs 4.2万株", 3.6 != 4.2, ["补植补造苗木3.6万株", "全年补植苗木4.2万株"])
CMP(R, "DEFECT", "密 → 蜜", True, ["北京市蜜云区园林绿化局"])
NUM(R, "TRAP", "总预算 1,736 + 744", 1736.00 + 744.00, "2,480.00", ["项目总预算：2,480.00万元，其中：市财政拨款1,736.00万元，区财政资金744.00万元"])
NUM(R, "TRAP", "执行率 2,318.74 / 2,480", 2318.74 / 2480 * 100, "93.50%", ["项目预算执行率93.50%（2,318.74万元÷2,480.00万元）"])
NUM(R, "TRAP", "执行 score 10 × 93.50%", 10 * 0.9350, "9.35", ["（得分9.35分）"])
NUM(R, "TRAP", "财务 9.35 + 10 + 10", 9.35 + 10 + 10, "29.35", ["财务自评得分29.35分"])
NUM(R, "TRAP", "总得分 as written = 66 + 29.35", 66 + 29.35, "95.35", ["总得分95.35分"])
NUM(R, "TRAP", "亩均 2,318.74 / 7.94", 2318.74 / 7.94, "292.03", ["亩均养护成本292.03元"])
NUM(R, "TRAP", "差额 8.26 − 7.94", 8.26 - 7.94, "0.32", ["差额0.32万亩为区重点工程建设占地"])
NUM(R, "TRAP", "结余 2,480 − 2,318.74", 2480 - 2318.74, "161.26", ["项目结余资金161.26万元"])
CMP(R, "TRAP", "292.03 ≤ 300; 3.6 ≥ 3.5; 0.12‰ ≤ 0.3‰; 优 fits 95.35 and 94.35", 292.03 <= 300 and 3.6 >= 3.5 and 0.12 <= 0.3 and 94.35 >= 90,
    ["亩均养护成本不超过300元", "补植补造苗木不少于3.5万株", "成灾率0.12‰，低于0.3‰", "（三）其他说明：无。", "年度执行中未调整绩效目标"])

# ---------------------------------------------------------------- b20_llez (醴陵市第二中学, 决算 + 绩效)
R = "b20_llez"
NUM(R, "DEFECT", "本年收入 其中 parts", 5126.48 + 612.30 + 103.56, "5,862.34", ["本年收入合计5,862.34万元，其中：财政拨款收入5,126.48万元，事业收入612.30万元，其他收入103.56万元"])
CMP(R, "DEFECT", "在校学生 3,126 vs 3,218", 3126 != 3218, ["在校学生3,126人", "按3,218名在校生拨付"])
CMP(R, "DEFECT", "placeholder XX", True, ["学校内设XX个职能处室"])
CMP(R, "DEFECT", "维修支出 1,286.50 > 项目支出 612.38 and > 全年预算 640", 1286.50 > 612.38 and 1286.50 > 640, ["校舍维修改造项目全年完成支出1,286.50万元", "项目支出612.38万元"])
NUM(R, "DEFECT", "P1 score vs 附表 rows", 9.57 + 20 + 10 + 15 + 7 + 10 + 9.6 + 15, "94.17", ["自评得分94.17分"])
NUM(R, "TRAP", "附表 总分 = rows", 9.57 + 20 + 10 + 15 + 7 + 10 + 9.6 + 15, "96.17", ["总分\t\t\t\t\t100\t96.17"])
CMP(R, "DEFECT", "O2 repeated verbatim as P2", text(R).count(norm("完成教学楼外墙、学生宿舍卫生间及屋面防水等维修改造6,240平方米，工程经验收合格，为年度目标的104.00%。")) == 2, [])
CMP(R, "DEFECT", "培训人次 answered in words", True, ["教师培训人次\t≥120人次\t按计划完成\t10\t10"])
NUM(R, "TRAP", "收入总计 5,862.34 + 48.20", 5862.34 + 48.20, "5,910.54", ["收入总计5,910.54万元，其中本年收入5,862.34万元、年初结转和结余48.20万元"])
NUM(R, "TRAP", "年末结余 5,910.54 − 5,796.18", 5910.54 - 5796.18, "114.36", ["本年支出5,796.18万元、年末结转和结余114.36万元"])
NUM(R, "TRAP", "支出 parts", 5183.80 + 612.38, "5,796.18", ["本年支出合计5,796.18万元，其中：基本支出5,183.80万元，占89.43%；项目支出612.38万元，占10.57%"])
NUM(R, "TRAP", "基本支出 share", 5183.80 / 5796.18 * 100, "89.43%", [])
NUM(R, "TRAP", "项目支出 share", 612.38 / 5796.18 * 100, "10.57%", [])
NUM(R, "TRAP", "附表 年初 560 + 40", 560 + 40, "600.00", ["年度资金总额\t600.00\t640.00\t612.38\t10\t95.68%\t9.57"])
NUM(R, "TRAP", "附表 全年 600 + 40", 600 + 40, "640.00", ["其中：财政拨款\t560.00\t600.00\t572.38\t—\t95.40%\t—"])
NUM(R, "TRAP", "附表 执行 572.38 + 40", 572.38 + 40, "612.38", ["其他资金\t40.00\t40.00\t40.00\t—\t100.00%\t—"])
NUM(R, "TRAP", "执行率 612.38 / 640", 612.38 / 640 * 100, "95.68%", [])
NUM(R, "TRAP", "财政 572.38 / 600", 572.38 / 600 * 100, "95.40%", [])
NUM(R, "TRAP", "执行 score", 10 * 0.9568, "9.57", [])
NUM(R, "TRAP", "3,218 × 1,100元 in 万元", 3218 * 1100 / 1e4, "353.98", ["拨付生均公用经费353.98万元"])
NUM(R, "TRAP", "6,240 / 6,000", 6240 / 6000 * 100, "104.00%", [])
CMP(R, "TRAP", "1,100 ≥ 1,100; 93.4 ≥ 90; 分值 100; docked rows with reasons; 优 fits", 1100 >= 1100 and 93.4 >= 90 and 10 + 20 + 10 + 15 + 10 + 10 + 10 + 15 == 100 and 94.17 >= 90,
    ["≥1,100元/生·年\t1,100元/生·年", "暑期连续降雨", "需结合2024年寒假停课期间施工", "因公出国（境）费为0，原因是本年度无因公出国（境）任务"])

# ---------------------------------------------------------------- b20_hgpz (会同县广坪镇, OCR)
R = "b20_hgpz"
CMP(R, "DEFECT", "「均已建成投用」 vs 5 of 6", 5 < 6, ["全年衔接资金项目均已建成投用", "全年实施6个项日，已完工5个", "预计2024年4月完工"])
CMP(R, "DEFECT", "覆盖率 93.2 < 95 but 「完成年度目标」", 93.2 < 95, ["收运覆盖率93.2%，完成年度目标", "农村生活垃圾收运覆盖率达到95%以上"])
CMP(R, "DEFECT", "转移就业 1,086 < 1,200, nothing after", 1086 < 1200, ["全年组织劳务输出和转移就业1,086人，年度目标1,200人。\n"])
NUM(R, "TRAP", "1,086 / 1,200 (for the why)", 1086 / 1200 * 100, "90.50", [])
CMP(R, "DEFECT", "P3 achievement language, no figure", True, ["群众幸福感、获得感大幅提升，乡村面貌焕然一新"])
CMP(R, "DEFECT", "G4 (村集体经济收入10万元以上的村) not reported in 三 / 四", "10万元以上" not in text(R).split("三、目标完成情况")[1], ["村集体经济收入10万元以上的村达到8个"])
CMP(R, "DEFECT", "I2 slogans", True, ["牢固树立过紧日子思想，持续抓好作风建设，全力推动各项工作提质增效"])
CMP(R, "DEFECT", "2021 work in a 2023 report", True, ["2.2021年新建产 业 路3条共6.8公里", "会同县广坪镇人民政府2023年度"])
NUM(R, "TRAP", "收入 parts", 1706.25 + 156.20, "1,862.45", ["部门收入1,862.45万元，其中一般公共预算财政拨欵1,706.25万元、政府性基金预算财政拨款156.20万元"])
NUM(R, "TRAP", "执行率", 1803.60 / 1862.45 * 100, "96.84%", ["全年支出1,803.60万元，预算执行率96.84%"])
NUM(R, "TRAP", "score parts", 18.2 + 63.3 + 10, "91.5", ["得分91.5分，其中预算执行18.2分（满分20分）、产出与效益63.3分（满分70分）、满意度10分（满分10分）"])
CMP(R, "TRAP", "改厕 120 ≥ 120; same 120 for 收集箱; 完工 5 of 6 stated with reason", 120 >= 120, ["完成农村改厠120户，经县农业农村局抽查验收合格", "新增垃圾收集箱120个", "因冷库设备厂家供货延迟"])

# ---------------------------------------------------------------- b20_lqjg (临朐县机关事务服务中心)
R = "b20_lqjg"
CMP(R, "DEFECT", "O3 achievement language, no figure", True, ["节约型机关建设成效显著，干部职工节能意识明显增强"])
NUM(R, "TRAP", "运行费用 68.04 / 42 (the value is right, the unit is 万公里)", 68.04 / 42, "1.62", ["≤1.8万元\t1.62万公里\t平台车辆42辆，全年运行费用68.04万元"])
CMP(R, "DEFECT", "Q2 without a measure (I1 → Q1, I2 → Q3)", True, ["2.公共机构能耗监测平台覆盖不全", "1.2024年安排维修资金对行政中心给排水管网", "2024年分批处置使用8年以上车辆12辆"])
CMP(R, "DEFECT", "clause twice in O2", text(R).count(norm("平台车辆全部纳入北斗定位监控，实行一车一档管理")) == 2, [])
CMP(R, "DEFECT", "O1 = G1 + 计划 / 确保", True, ["1.计划完成县直机关集中办公区32个单位物业服务保障，确保物业服务满意度不低于90%。", "1.完成县直机关集中办公区32个单位物业服务保障，物业服务满意度不低于90%。"])
CMP(R, "DEFECT", "朐 → 胸", text(R).count("临胸县") == 1, ["1.临胸县行政中心"])
CMP(R, "DEFECT", "《》 instead of 〔〕", True, ["临机管发《2023》9号"])
NUM(R, "TRAP", "年初 812.40 + 474.00", 812.40 + 474.00, "1,286.40", ["合计\t1,286.40\t1,342.60\t1,308.57\t97.47%"])
NUM(R, "TRAP", "全年 846.20 + 496.40", 846.20 + 496.40, "1,342.60", ["其中：基本支出\t812.40\t846.20\t838.95\t99.14%"])
NUM(R, "TRAP", "执行 838.95 + 469.62", 838.95 + 469.62, "1,308.57", ["项目支出\t474.00\t496.40\t469.62\t94.61%"])
NUM(R, "TRAP", "执行率 合计", 1308.57 / 1342.60 * 100, "97.47%", [])
NUM(R, "TRAP", "执行率 基本", 838.95 / 846.20 * 100, "99.14%", [])
NUM(R, "TRAP", "执行率 项目", 469.62 / 496.40 * 100, "94.61%", [])
NUM(R, "TRAP", "维修及时率 181 / 186", 181 / 186 * 100, "97.3%", ["97.3%\t受理维修申请186件，及时完成181件"])
NUM(R, "TRAP", "满意度 370 / 400", 370 / 400 * 100, "92.5%", ["92.5%\t发放问卷400份，满意370份"])
NUM(R, "TRAP", "宣传周 56 / 60 × 10", 56 / 60 * 10, "9.33", ["≥60个\t56个\t12月集中宣传活动因寒潮改为线上开展，4个乡镇单位未参加\t10\t9.33"])
NUM(R, "TRAP", "总分", 10 * 5 + 15 + 10 + 9.33 + 15, "99.33", ["总分\t\t\t\t\t\t100\t99.33"])
CMP(R, "TRAP", "18 ≤ 24; 0 ≤ 0; 32 ≥ 32; 4,862 ≥ 4,500; 1.72 ≥ 1.5; well-formed 临编发〔2019〕12号", 18 <= 24 and 0 <= 0 and 32 >= 32 and 4862 >= 4500 and 1.72 >= 1.5,
    ["≤24小时\t18小时", "≤0起\t0起", "≥32个\t32个", "≥1.5%\t1.72%", "临编发〔2019〕12号"])

# ---------------------------------------------------------------- gold checks
try:
    import yaml
except ImportError:
    yaml = None
REPORTS = ["b20_ayyy", "b20_scgd", "b20_rhsw", "b20_pxsj", "b20_myyl", "b20_llez", "b20_hgpz", "b20_lqjg"]
if yaml:
    tally = collections.Counter()
    for rep in REPORTS:
        with open(os.path.join(HERE, rep + ".yaml"), encoding="utf-8") as f:
            g = yaml.safe_load(f)
        codes = [x["code"] for x in g["findings"]]
        count += 1
        ok = len(codes) == 7 and len(set(codes)) == 7 and all(x.get("where") and x.get("why") for x in g["findings"])
        n = len(norm(text(rep)))
        ok = ok and 1500 <= n <= 6000
        if not ok:
            fails += 1
        print(f"{'ok ' if ok else 'BAD'} GOLD   {rep}: 7 findings, 7 codes, {n} characters")
        tally.update(codes)
    four = ["ARITHMETIC_MISMATCH", "NUMBER_CONFLICT", "SCORE_MISMATCH", "CLAIM_CONTRADICTED", "INDICATOR_SHORTFALL",
            "DEVIATION_UNEXPLAINED", "UNSUPPORTED_CLAIM"]
    two = ["INDICATOR_NO_FIGURE", "UNIT_MISMATCH", "IMPLAUSIBLE_MAGNITUDE", "RATE_OVER_100", "DATE_OUT_OF_PERIOD",
           "UNFILLED_FORM", "GOAL_WITHOUT_OUTCOME", "PROBLEM_WITHOUT_MEASURE", "VAGUE_MEASURE", "REPEATED_TEXT",
           "OUTCOME_RESTATES_GOAL", "DUPLICATE_PARAGRAPH", "NAME_VARIANT", "CITATION_MALFORMED"]
    count += 1
    ok = all(tally[c] == 4 for c in four) and all(tally[c] == 2 for c in two) and sum(tally.values()) == 56
    if not ok:
        fails += 1
        print(dict(tally))
    print(f"{'ok ' if ok else 'BAD'} GOLD   code counts: 7 codes × 4 + 14 codes × 2 = {sum(tally.values())}")
else:
    print("(PyYAML not installed: gold checks skipped)")

print(f"{count} lines, {fails} not as planted")
sys.exit(1 if fails else 0)
