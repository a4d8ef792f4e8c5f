#!/usr/bin/env python3
"""Re-run every computation planted in the blind32 reports (defects and traps) and check that each quoted snippet
occurs verbatim in its report (full-width digits, 「．」 and 「％」 normalised on both sides). Exit 0 when every line is
as planted.

NUM   computed value, rounded half-up at the written precision, vs the written figure: DEFECT lines must differ,
      TRAP lines must agree.
CMP   a comparison that states the planted condition (met / missed, part > whole, score > weight, ...): must hold.
COUNT occurrences of a string in a report: must equal the planted count (repetitions, one-off misspellings, a goal
      term that no outcome repeats)."""
import os, sys
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


fails = 0
lines = 0


def _snips(rep, snippets):
    bad = [s for s in snippets if norm(s) not in text(rep)]
    return bad


def _report(ok, kind, rep, label, detail, bad):
    global fails, lines
    lines += 1
    if bad:
        ok = False
        detail += "  MISSING SNIPPET(S): " + " | ".join(bad)
    print(("ok  " if ok else "FAIL") + f"  {kind:6} {rep:9} {label}: {detail}")
    if not ok:
        fails += 1


def rnd(x, places):
    q = Decimal(1).scaleb(-places)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)


def NUM(kind, rep, label, computed, written, snippets=()):
    """written: the figure as printed (string, ASCII after norm, separators allowed)."""
    w = norm(written).replace(",", "")
    places = len(w.split(".")[1]) if "." in w else 0
    c = rnd(computed, places)
    equal = c == Decimal(w)
    ok = (not equal) if kind == "DEFECT" else equal
    _report(ok, kind, rep, label, f"computed {c} / written {written}", _snips(rep, list(snippets)))


def CMP(kind, rep, label, cond, detail, snippets=()):
    _report(bool(cond), kind, rep, label, detail, _snips(rep, list(snippets)))


def COUNT(kind, rep, label, s, n, snippets=()):
    k = text(rep).count(norm(s))
    _report(k == n, kind, rep, label, f"「{s}」 occurs {k}× (planted {n})", _snips(rep, list(snippets)))


def LEN(rep):
    n = len(text(rep))
    _report(1500 <= n <= 6000, "SIZE", rep, "length", f"{n} characters (1,500–6,000)", [])


# ---------------------------------------------------------------- b32_ayny
R = "b32_ayny"
LEN(R)
NUM("DEFECT", R, "AM 项目支出执行率", 1419.15 / 1548.32 * 100, "93.66", ["（2）项目支出\t1,548.32\t1,419.15\t93.66%"])
NUM("DEFECT", R, "SM 合计 vs rows", 5 + 5 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 9.13 + 8 + 10, "98.13", ["合计\t100\t\t\t\t\t100\t98.13", "自评得分98.13分"])
CMP("DEFECT", R, "IS 粪污利用率 82.6 < 85 scored full", 82.6 < 85, "82.6 < 85, 10/10, 「达成目标值」", ["任务2：畜禽粪污综合利用率\t≥85%\t82.6%\t10\t10\t达成目标值"])
CMP("DEFECT", R, "DU 培训 548 < 600, non-reason", 548 < 600, "548 < 600, reason cell 「受多种因素影响」", ["任务2：新型职业农民培训人数\t≥600人\t548人\t10\t9.13\t受多种因素影响", "培训548人。"])
CMP("DEFECT", R, "UC P2 without figures", not any(ch.isdigit() for ch in "全年农业农村工作成效显著，农业综合生产能力大幅提升，农民群众获得感、幸福感明显增强，得到了上级部门和社会各界的充分肯定。"), "no digit in P2", ["2.全年农业农村工作成效显著，农业综合生产能力大幅提升，农民群众获得感、幸福感明显增强，得到了上级部门和社会各界的充分肯定。"])
CMP("DEFECT", R, "PWM Q2 粪污 unanswered", "粪污" not in text(R).split("六、改进措施")[1].split("安义县农业农村局\n")[0], "no 粪污 in 六、", ["2.部分规模养殖场粪污处理设施老化"])
COUNT("DEFECT", R, "NV 农业农材局 once", "安义县农业农材局", 1)
NUM("TRAP", R, "B3 total", 3186.20 + 226.38, "3,412.58", ["全年调整预算3,412.58万元（其中财政拨款3,186.20万元、其他资金226.38万元）"])
NUM("TRAP", R, "B3 spending parts", 1849.30 + 1419.15, "3,268.45", ["基本支出1,849.30万元，项目支出1,419.15万元"])
NUM("TRAP", R, "B3 执行率", 3268.45 / 3412.58 * 100, "95.78", ["全年实际支出3,268.45万元，预算执行率95.78%"])
NUM("TRAP", R, "B4 三公控制率", 16.07 / 18.60 * 100, "86.40", ["实际支出16.07万元，控制率86.40%"])
NUM("TRAP", R, "B4 三公 parts", 12.84 + 3.23, "16.07", ["公务用车运行维护费12.84万元、公务接待费3.23万元"])
NUM("TRAP", R, "表 财政拨款率", 3052.67 / 3186.20 * 100, "95.81", ["3,186.20\t3,052.67\t95.81%"])
NUM("TRAP", R, "表 其他资金率", 215.78 / 226.38 * 100, "95.32", ["226.38\t215.78\t95.32%"])
NUM("TRAP", R, "表 基本支出率", 1849.30 / 1864.26 * 100, "99.20", ["1,864.26\t1,849.30\t99.20%"])
NUM("TRAP", R, "表 结构 sum", 1864.26 + 1548.32, "3,412.58", ["合计\t3,412.58\t3,268.45\t95.78%"])
NUM("TRAP", R, "表 来源 spend sum", 3052.67 + 215.78, "3,268.45")
NUM("TRAP", R, "DU row proportional score", 548 / 600 * 10, "9.13")
NUM("TRAP", R, "化肥 docked score", 1.6 / 2 * 10, "8", ["≥2%\t1.6%\t10\t8\t早稻后期遇连续降雨"])
NUM("TRAP", R, "O3 合格率", 1225 / 1250 * 100, "98.0", ["合格1,225批次，合格率98.0%"])
CMP("TRAP", R, "equality 98.0 ≥ 98", 98.0 >= 98, "met on equality", ["≥98%\t98.0%\t10\t10"])
CMP("TRAP", R, "三公 ≤100%", 86.40 <= 100, "≤ kind met", ["≤100%\t86.40%\t5\t5"])
NUM("TRAP", R, "1.26万亩 = 12,600亩", 1.26 * 10000, "12,600", ["新建高标准农田1.26万亩（12,600亩）"])
NUM("TRAP", R, "分值 sum", 5 * 4 + 10 * 4 + 10 * 3 + 10, "100")
CMP("TRAP", R, "measures dated next year", "2024年起" in text(R) and "2024年4月底前" in text(R), "2024 dates", ["2024年起实行项目支出月通报制度", "2024年4月底前由计划财务股牵头"])

# ---------------------------------------------------------------- b32_gsbp
R = "b32_gsbp"
LEN(R)
CMP("DEFECT", R, "NC 厂房面积 1,260 vs 1,206", 1260 != 1206, "O1 1,260 / form 1,206", ["新建标准化茶叶加工厂房1,260平方米", "≥1,200平方米\t1,206平方米"])
NUM("TRAP", R, "1,206 × 1,046元 = 土建", 1206 * 1046 / 10000, "126.15", ["厂房土建工程126.15万元", "1,046元/平方米"])
NUM("DEFECT", R, "1,260 × 1,046元 ≠ 土建 (supports 1,206)", 1260 * 1046 / 10000, "126.15")
CMP("DEFECT", R, "CC 全部投入使用 vs 冷藏间暂未投入使用", True, "claim vs admitted idle room", ["厂房及配套设施已全部投入使用", "冷藏间暂未投入使用"])
CMP("DEFECT", R, "IS 112 < 120 scored full, 已完成", 112 < 120, "112 < 120, 10/10", ["≥120户\t112户\t10\t10\t已完成"])
CMP("DEFECT", R, "DU 265 < 300, 其他原因", 265 < 300, "265 < 300", ["≥300吨/年\t265吨/年\t10\t8.83\t其他原因"])
COUNT("DEFECT", R, "DU 265 only in the form (no cause in text)", "265", 1)
NUM("TRAP", R, "DU row proportional score", 265 / 300 * 10, "8.83")
CMP("DEFECT", R, "INF 合格率 answered 合格", True, "word for a rate", ["工程验收合格率\t100%\t合格\t10\t10"])
CMP("DEFECT", R, "DOP 2022 验收 of a 2023 project", 2022 < 2023, "2022 < 2023", ["2023年4月开工建设，2022年11月30日通过竣工验收"])
CMP("DEFECT", R, "CM two-digit year", True, "〔23〕", ["（光财农〔23〕45号）"])
CMP("TRAP", R, "well-formed citation", True, "〔2024〕", ["（光衔办〔2024〕3号）"])
NUM("TRAP", R, "B1 sum", 120.00 + 38.00 + 28.00, "186.00", ["下达衔接资金186.00万元，其中中央衔接资金120.00万元、省级衔接资金38.00万元、县级衔接资金28.00万元"])
NUM("TRAP", R, "form spending parts", 116.20 + 36.80 + 25.46, "178.46", ["其中：中央衔接资金\t120.00\t120.00\t116.20", "省级衔接资金\t38.00\t38.00\t36.80", "县级衔接资金\t28.00\t28.00\t25.46"])
NUM("TRAP", R, "执行率", 178.46 / 186 * 100, "95.95", ["项目实际支出178.46万元，资金执行率95.95%", "186.00\t178.46\t10\t95.95%\t9.59"])
NUM("TRAP", R, "执行得分", 178.46 / 186 * 10, "9.59")
NUM("TRAP", R, "B2 use parts", 126.15 + 52.31, "178.46", ["加工设备购置52.31万元"])
NUM("TRAP", R, "质保金", 186.00 - 178.46, "7.54", ["剩余7.54万元为工程质保金"])
NUM("TRAP", R, "满意度", 141 / 145 * 100, "97.2", ["回收有效问卷145份，满意141份，满意度97.2%"])
CMP("TRAP", R, "≤ 造价 met", 1046 <= 1100, "1,046 ≤ 1,100", ["≤1,100元/平方米\t1,046元/平方米\t10\t10"])
CMP("TRAP", R, "equality 18台（套）, 15年", True, "met on equality", ["≥18台（套）\t18台（套）\t10\t10", "≥15年\t15年\t10\t10"])
NUM("TRAP", R, "总分", 9.59 + 10 * 5 + 8.83 + 10 + 10 + 10, "98.42", ["总分\t\t\t\t\t100\t98.42"])

# ---------------------------------------------------------------- b32_ysl
R = "b32_ysl"
LEN(R)
NUM("DEFECT", R, "AM 支出率", 121.37 / 128.60 * 100, "95.38", ["项目实际支出121.37万元，资金支出率95.38%"])
CMP("DEFECT", R, "NC 预警广播 312 vs 321", 312 != 321, "O1 312 / P1 321", ["和312套无线预警广播的汛前、汛后两轮检修维护", "无线预警广播321套"])
NUM("TRAP", R, "312 × 0.085 = 26.52 (supports 312)", 312 * 0.085, "26.52", ["预警广播维护26.52万元", "预警广播维护单价0.085万元/套"])
NUM("DEFECT", R, "321 × 0.085 ≠ 26.52", 321 * 0.085, "26.52")
CMP("DEFECT", R, "CC 未发生数据中断 vs 停报36小时", True, "claim vs admitted outage", ["汛期全部监测站点运行正常，未发生数据中断", "2个水位站因通信光缆被冲断停报36小时"])
CMP("DEFECT", R, "UC O5 no figure", not any(ch.isdigit() for ch in "项目的实施有效提升了全县山洪灾害防御能力，群众防灾避险意识显著增强，为保障人民群众生命财产安全发挥了重要作用。"), "no digit", ["1.社会效益。项目的实施有效提升了全县山洪灾害防御能力，群众防灾避险意识显著增强，为保障人民群众生命财产安全发挥了重要作用。"])
COUNT("DEFECT", R, "GWO 演练 only in G5", "演练", 1, ["（4）组织开展山洪灾害防御演练不少于20场次，培训基层防汛责任人500人次。"])
COUNT("DEFECT", R, "GWO 培训 only in G5", "培训", 1)
CMP("DEFECT", R, "VM slogans", True, "no action / owner / date", ["2.进一步提高思想认识，切实加强组织领导，不断健全长效机制，全面提升运维管理水平。"])
COUNT("DEFECT", R, "RT clause twice", "建立了县、乡、村三级运维责任体系", 2)
NUM("TRAP", R, "B2 sum", 60.00 + 40.00 + 28.60, "128.60", ["批复128.60万元，其中中央水利发展资金60.00万元、省级补助资金40.00万元、县级配套资金28.60万元"])
NUM("TRAP", R, "到位率", 128.60 / 128.60 * 100, "100", ["全年到位资金128.60万元，资金到位率100%"])
NUM("TRAP", R, "结余", 128.60 - 121.37, "7.23", ["结余7.23万元"])
NUM("TRAP", R, "use parts", 40.34 + 26.52 + 33.45 + 21.06, "121.37", ["其中站点运维40.34万元", "监测预警平台运维及通信费33.45万元，损坏设备更换21.06万元"])
NUM("TRAP", R, "站点运维 = 62×0.42 + 22×0.65", 62 * 0.42 + 22 * 0.65, "40.34", ["雨量站运维单价0.42万元/站、水位站0.65万元/站"])
NUM("TRAP", R, "站点 62 + 22", 62 + 22, "84", ["自动监测站点84个（其中自动雨量站62个、自动水位站22个）"])
CMP("TRAP", R, "到报率 98.6 ≥ 95", 98.6 >= 95, "met", ["全年监测数据到报率98.6%"])
NUM("TRAP", R, "满意度", 185 / 196 * 100, "94.39", ["回收有效问卷196份，满意185份，满意度94.39%"])
NUM("TRAP", R, "P1 score sum", 15 + 19.2 + 38.4 + 22, "94.6", ["项目决策得15分、项目过程得19.2分、项目产出得38.4分、项目效益得22分，自评得分94.6分"])
CMP("TRAP", R, "grade 优 from 90", 94.6 >= 90, "优 fits", ["按照90分（含）以上为“优”的标准"])
CMP("TRAP", R, "justified 无", True, "无 + reason", ["无。本项目无绩效目标调整和预算调整事项。"])

# ---------------------------------------------------------------- b32_lnly
R = "b32_lnly"
LEN(R)
NUM("DEFECT", R, "SM P1 total", 19.5 + 38 + 28.5 + 9.6, "96.6", ["资金管理得19.5分（满分20分）、产出得38分（满分40分）、效益得28.5分（满分30分）、满意度得9.6分（满分10分），自评总得分96.6分"])
CMP("DEFECT", R, "CC 全部发放 vs 36.42 暂未发放", True, "claim vs held-back funds", ["全年补偿资金已全部发放到户", "补偿资金36.42万元按规定暂未发放"])
CMP("DEFECT", R, "UC O5 no figure", not any(ch.isdigit() for ch in "项目的实施使全县森林生态系统功能明显增强，生态环境持续改善，林农保护森林资源的积极性进一步提高，生态效益显著。"), "no digit", ["项目的实施使全县森林生态系统功能明显增强，生态环境持续改善，林农保护森林资源的积极性进一步提高，生态效益显著。"])
CMP("DEFECT", R, "ORG O4 restates G3", True, "plan wording", ["3.加强公益林管护，落实专职护林员，确保公益林管护责任落实到位，全年不发生重大森林火灾和大面积乱砍滥伐事件。", "继续加强公益林管护，着力落实专职护林员，确保公益林管护责任落实到位，力争全年不发生重大森林火灾和大面积乱砍滥伐事件。"])
COUNT("DEFECT", R, "DP 资金管理 paragraph twice", "项目资金实行专账核算、专款专用，林农补偿资金通过“一卡通”直接发放到户，管护资金按护林员考核结果拨付，未发现截留、挤占、挪用等问题。", 2, ["经自查，项目资金实行专账核算"])
CMP("DEFECT", R, "IM 318 valid of 300 sent", 318 > 300, "318 > 300", ["发放问卷300份，回收有效问卷318份"])
CMP("DEFECT", R, "R100 落实率 100.5%", 100.5 > 100, "> 100%", ["补偿面积落实率100.5%"])
NUM("TRAP", R, "B2 52.68 × 42", 52.68 * 42, "2,212.56", ["补偿面积52.68万亩，补偿标准每亩42元，下达补偿资金2,212.56万元"])
NUM("TRAP", R, "B2 90%", 2212.56 * 0.9, "1,991.30", ["90%即1,991.30万元"])
NUM("TRAP", R, "B2 10%", 2212.56 * 0.1, "221.26", ["10%即221.26万元"])
NUM("TRAP", R, "B2 parts", 1991.30 + 221.26, "2,212.56")
NUM("TRAP", R, "人均管护面积", 526800 / 186, "2,832", ["共聘用专职护林员186名，人均管护面积2,832亩"])
NUM("TRAP", R, "劳务报酬 186 × 1.00", 186 * 1.00, "186.00", ["护林员劳务报酬186.00万元（每人每年1.00万元）"])
NUM("TRAP", R, "管护 parts", 186.00 + 35.26, "221.26", ["管护资金221.26万元中", "巡护装备及森林防火物资35.26万元"])
NUM("TRAP", R, "满意度 right to its operands", 301 / 318 * 100, "94.65", ["其中表示满意的301份，满意度94.65%"])
CMP("TRAP", R, "citations well formed", True, "〔2024〕 / 〔2023〕", ["（清财绩〔2024〕6号）", "（粤财资环〔2023〕58号）"])
CMP("TRAP", R, "grade 优 fits 95.6", 95.6 >= 90, "优", ["自评等级为“优”"])

# ---------------------------------------------------------------- b32_lksf
R = "b32_lksf"
LEN(R)
NUM("DEFECT", R, "AM 基本 + 项目 ≠ 实际支出", 986.42 + 207.88, "1,204.30", ["实际支出1,204.30万元", "其中基本支出986.42万元、项目支出207.88万元"])
CMP("DEFECT", R, "SM 6.5 > 6", 6.5 > 6, "score above weight", ["资产管理规范性\t6\t制度健全、账实相符得6分，每发现一项问题扣1分\t账实相符\t6.5"])
NUM("TRAP", R, "DU 办结率 operands", 396 / 428 * 100, "92.52", ["受理法律援助案件428件，办结396件", "≥95%得10分，每低1个百分点扣0.5分\t92.52%\t8.76\t未达到目标值"])
CMP("DEFECT", R, "DU 92.52 < 95, reason 未达到目标值", 92.52 < 95, "missed, no cause", [])
NUM("TRAP", R, "DU docked score", 10 - (95 - 92.52) * 0.5, "8.76")
CMP("DEFECT", R, "NC 1,386 vs 1,368", 1386 != 1368, "O1 / 评分表", ["共调处矛盾纠纷1,386件", "未达到按比例得分\t1,368件\t10"])
NUM("TRAP", R, "成功率 on 1,368", 1342 / 1368 * 100, "98.10", ["≥95%得10分，每低1个百分点扣1分\t98.10%"])
NUM("DEFECT", R, "成功率 on 1,386 ≠ 98.10 (supports 1,368)", 1342 / 1386 * 100, "98.10")
CMP("DEFECT", R, "UF placeholder", True, "template text left", ["服务对象满意度为【填写调查结果】"])
CMP("DEFECT", R, "PWM Q2 法律顾问 unanswered", "法律顾问" not in text(R).split("七、改进措施")[1], "no 法律顾问 in 七、", ["2.部分村（社区）法律顾问服务流于形式"])
CMP("DEFECT", R, "VM slogans", True, "no action / owner / date", ["2.进一步创新普法形式，切实增强普法宣传的针对性和实效性，不断提升全民法治素养。"])
NUM("TRAP", R, "执行率", 1204.30 / 1248.66 * 100, "96.45", ["全年预算1,248.66万元，实际支出1,204.30万元，预算执行率96.45%"])
NUM("TRAP", R, "执行率得分", 8 * 0.9645, "7.72", ["得分＝预算执行率×8\t96.45%\t7.72"])
NUM("TRAP", R, "三公变动率", (8.64 - 9.12) / 9.12 * 100, "-5.26", ["2023年“三公”经费支出8.64万元，2022年为9.12万元，同比下降5.26%", "\t-5.26%\t5"])
NUM("TRAP", R, "人员控制率", 36 / 38 * 100, "94.74", ["36/38=94.74%", "核定编制38名，实有在职人员36名"])
NUM("TRAP", R, "法援 parts", 142 + 286, "428", ["其中刑事案件142件、民事案件286件"])
CMP("TRAP", R, "≤ 再犯罪率 0 ≤ 0.2", 0 <= 0.2, "met", ["≤0.2%得10分，每超0.1个百分点扣2分\t0%\t10"])
CMP("TRAP", R, "equality 60场", 60 >= 60, "met on equality", ["≥60场得10分，未达到按比例得分\t60场\t10", "普法宣传活动60场"])
NUM("TRAP", R, "合计 adds to rows", 5 * 4 + 7.72 + 6 + 6.5 + 10 + 10 + 8.76 + 10 + 10 + 10, "98.98", ["合计\t\t\t100\t\t\t98.98", "自评得分98.98分"])
NUM("TRAP", R, "分值 sum", 5 * 4 + 8 + 6 + 6 + 10 * 4 + 10 * 2, "100")

# ---------------------------------------------------------------- b32_hzrs
R = "b32_hzrs"
LEN(R)
CMP("DEFECT", R, "NC 3,468 vs 3,486", 3468 != 3486, "O1 / P1", ["全年城镇新增就业3,468人", "城镇新增就业3,486人"])
CMP("DEFECT", R, "CC 全部完成 vs 2,860 < 3,000", 2860 < 3000, "claim vs miss", ["年初确定的五项目标全部完成", "全年开展培训2,860人次", "培训人次未达到3,000人次的年度目标"])
CMP("DEFECT", R, "UC O5", True, "quote only", ["2023年人社服务水平明显提升，群众满意度明显提高，获得感持续增强。"])
COUNT("DEFECT", R, "RT clause twice", "有力支持了返乡人员创业就业", 2)
COUNT("DEFECT", R, "GWO 监察 only in G5", "监察", 1, ["（5）劳动保障监察举报投诉案件结案率达到98%以上。"])
COUNT("DEFECT", R, "GWO 结案 only in G5", "结案", 1)
COUNT("DEFECT", R, "DP 养老保险 paragraph twice", "全县城乡居民基本养老保险参保38.62万人，应参保人数40.10万人，参保率96.31%，全年按时足额发放城乡居民养老金。", 2)
COUNT("DEFECT", R, "NV 保彰局 once", "社会保彰局", 1)
NUM("TRAP", R, "执行率", 10268.40 / 10685.20 * 100, "96.10", ["全年预算10,685.20万元，实际支出10,268.40万元，预算执行率96.10%"])
NUM("TRAP", R, "亿元 rounding", 10268.40 / 10000, "1.03", ["全年支出1.03亿元"])
NUM("TRAP", R, "use parts", 4126.50 + 3862.74 + 2279.16, "10,268.40", ["就业补助资金支出4,126.50万元，城乡居民养老保险补助支出3,862.74万元，机构运行及其他支出2,279.16万元"])
NUM("TRAP", R, "参保率", 38.62 / 40.10 * 100, "96.31")
CMP("TRAP", R, "≤ 失业率", 3.2 <= 4, "met", ["城镇登记失业率3.2%", "城镇登记失业率控制在4%以内"])
CMP("TRAP", R, "≥ 转移就业", 8612 >= 8000, "met", ["新增农村劳动力转移就业8,612人"])
CMP("TRAP", R, "deviation WITH reason", True, "training miss explained", ["受上半年两所定点培训机构资质年审暂停招生影响"])
NUM("TRAP", R, "score parts", 18.5 + 19.3 + 37.2 + 18.8, "93.8", ["其中投入18.5分、过程19.3分、产出37.2分、效益18.8分"])

# ---------------------------------------------------------------- b32_nmmz
R = "b32_nmmz"
LEN(R)
NUM("DEFECT", R, "AM 城市 + 农村", 3186 + 14236, "17,242", ["累计保障城乡低保对象17,242人，其中城市低保对象3,186人、农村低保对象14,236人"])
NUM("DEFECT", R, "SM total", 9.83 + 10 + 9.62 + 10 * 7, "99.65", ["本项目自评总分为99.65分"])
CMP("DEFECT", R, "IS 97.3 < 98 full, 已达到预期目标", 97.3 < 98, "missed, scored full", ["年度指标值：≥98%；实际完成值：97.3%；完成率：99.29%；分值：10分；得分：10分；偏差原因：已达到预期目标。"])
NUM("TRAP", R, "IS 完成率 right", 97.3 / 98 * 100, "99.29")
CMP("DEFECT", R, "DU 14,236 < 14,800, reason 无", 14236 < 14800, "missed, 无", ["年度指标值：≥14,800人；实际完成值：14,236人；完成率：96.19%；分值：10分；得分：9.62分；偏差原因：无。"])
NUM("TRAP", R, "DU 完成率", 14236 / 14800 * 100, "96.19")
NUM("TRAP", R, "DU score", 14236 / 14800 * 10, "9.62")
CMP("DEFECT", R, "UF merge field", True, "«» code", ["项目概况：«项目概况»"])
CMP("DEFECT", R, "UM 万元 for 元", True, "468万元 vs 元 target", ["年度指标值：≥460元/人·月；实际完成值：468万元/人·月", "分别为596元和468元"])
CMP("DEFECT", R, "R100 复核率", 102.3 > 100, "> 100%", ["低保对象动态管理复核率。年度指标值：100%；实际完成值：102.3%"])
NUM("TRAP", R, "B2 parts", 8126.00 + 1642.20 + 718.00, "10,486.20", ["中央财政资金全年预算数为8,126.00万元，自治区财政资金全年预算数为1,642.20万元，旗级财政资金全年预算数为718.00万元"])
NUM("TRAP", R, "执行率", 10312.48 / 10486.20 * 100, "98.34", ["全年执行数为10,312.48万元，执行率为98.34%"])
NUM("TRAP", R, "执行得分", 10312.48 / 10486.20 * 10, "9.83", ["资金执行得分为9.83分（分值10分）"])
NUM("TRAP", R, "完成率 城市人数", 3186 / 3100 * 100, "102.77", ["实际完成值：3,186人；完成率：102.77%"])
NUM("TRAP", R, "完成率 城市补助", 596 / 580 * 100, "102.76", ["实际完成值：596元/人·月；完成率：102.76%"])
NUM("TRAP", R, "完成率 农村补助 (numbers)", 468 / 460 * 100, "101.74", ["完成率：101.74%"])
NUM("TRAP", R, "完成率 满意度", 94.6 / 90 * 100, "105.11", ["实际完成值：94.6%；完成率：105.11%"])
CMP("TRAP", R, "grade 优 fits", 99.45 >= 90, "优", ["评价等级为“优”（90分（含）以上为优"])

# ---------------------------------------------------------------- b32_nmny
R = "b32_nmny"
LEN(R)
CMP("DEFECT", R, "IS 10 < 12 full marks", 10 < 12, "missed, 9/9, no reason", ["第19行，第4列，联农带农经营主体数量；第5列，≥12家；第6列，10家；第7列，9；第8列，9。"])
CMP("DEFECT", R, "INF 达到预期", True, "word for an amount", ["第4列，带动农户年人均增收；第5列，≥600元；第6列，达到预期；第7列，9；第8列，9。"])
CMP("DEFECT", R, "UM 吨 answered 平方米", True, "capacity vs area", ["第12行，第4列，冷链仓储库容；第5列，≥2,000吨；第6列，2,060平方米"])
CMP("DEFECT", R, "IM 1.86万 > 1.12万", 1.86 > 1.12, "beneficiaries > population", ["第4列，受益人口；第5列，≥1万人；第6列，1.86万人", "在爱店镇（户籍人口1.12万人）"])
CMP("DEFECT", R, "DOP 2021 验收", 2021 < 2023, "2021 for a 2023 project", ["第5列，2023年12月31日前；第6列，2021年11月26日"])
CMP("DEFECT", R, "CM bracket lost", "〔2023〕31号" not in text(R), "opening 〔 lost", ["（崇农发2023〕31号）"])
CMP("DEFECT", R, "ORG O1 plan wording", True, "restates G1", ["第6列，按照项目实施方案，计划完成八角低产林改造5,000亩以上，建设冷链仓储库容2,000吨以上和产地初加工生产线4条以上，培育联农带农经营主体12家以上，力争带动农户年人均增收600元以上"])
NUM("TRAP", R, "预算 parts", 800.00 + 120.00 + 80.00, "1,000.00", ["第5行，第2列，其中：中央财政资金；第3列，800.00；第4列，800.00；第5列，776.40。"])
NUM("TRAP", R, "执行 parts", 776.40 + 112.56 + 73.40, "962.36", ["第5列，112.56。", "第5列，73.40。"])
NUM("TRAP", R, "执行率", 962.36 / 1000 * 100, "96.24", ["第5列，962.36；第6列，10；第7列，96.24%；第8列，9.62。"])
NUM("TRAP", R, "执行得分", 962.36 / 1000 * 10, "9.62")
NUM("TRAP", R, "docked 两品一标", 2 / 3 * 9, "6", ["第5列，≥3个；第6列，2个；第7列，9；第8列，6；第9列，1个产品的绿色食品认证材料已获受理"])
CMP("TRAP", R, "≤ 成本", 116.8 <= 120, "met", ["第5列，≤120万元；第6列，116.8万元"])
CMP("TRAP", R, "equality 4条", 4 >= 4, "met", ["第5列，≥4条；第6列，4条"])
CMP("TRAP", R, "≥ 5,260 / 93.5", 5260 >= 5000 and 93.5 >= 90, "met", ["第6列，5,260亩", "第6列，93.5%"])
CMP("TRAP", R, "lines fit spending", 4 * 116.8 < 962.36, "467.2 < 962.36")
NUM("TRAP", R, "总分", 9.62 + 9 * 9 + 6, "96.62", ["第21行，第1列，总分；第7列，100；第8列，96.62。"])
NUM("TRAP", R, "分值", 10 + 10 * 9, "100")

print(f"\n{lines} lines, {fails} failing")
sys.exit(1 if fails else 0)
