#!/usr/bin/env python3
"""Re-run the computations behind blind33 and check every planted defect and trap.

Line kinds: SIZE (1,500-6,000 characters), NUM (computed value rounded half-up at the written precision vs the figure the
report writes: DEFECT lines must differ, TRAP lines agree), CMP (a comparison that shows the defect or the trap: must hold),
COUNT (occurrences of a snippet). Every snippet must occur verbatim in its report, full-width digits, 「．」 and 「％」
normalised on both sides. Also checks each gold file: 7 findings, 7 different codes, and the set totals. Exit 0 when all hold.
"""
import os, re, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def norm(s):
    return s.translate(FW)


TEXT = {}


def text(rep):
    if rep not in TEXT:
        with open(os.path.join(HERE, rep + ".txt"), encoding="utf-8") as f:
            TEXT[rep] = norm(f.read())
    return TEXT[rep]


def line_with(rep, snip):
    for ln in text(rep).split("\n"):
        if norm(snip) in ln:
            return ln
    raise KeyError(snip)


fails = []
count = 0


def out(ok, kind, rep, code, msg):
    global count
    count += 1
    print(("ok  " if ok else "FAIL"), kind, rep, code, msg)
    if not ok:
        fails.append((rep, code, msg))


def snips_ok(rep, snips):
    missing = [s for s in snips if norm(s) not in text(rep)]
    return missing


def rnd(v, p):
    return Decimal(repr(v)).quantize(Decimal(1).scaleb(-p), rounding=ROUND_HALF_UP)


def NUM(rep, kind, code, value, written, prec, *snips):
    missing = snips_ok(rep, snips)
    inside = any(norm(written) in norm(s) for s in snips)
    r = rnd(value, prec)
    same = r == Decimal(written.replace(",", ""))
    ok = (not missing) and inside and (same if kind == "TRAP" else not same)
    out(ok, kind, rep, code, "NUM computed %s written %s%s%s" % (r, written,
        "" if not missing else " missing=%s" % missing, "" if inside else " (written not in snippets)"))


def CMP(rep, kind, code, cond, desc, *snips):
    missing = snips_ok(rep, snips)
    out(bool(cond) and not missing, kind, rep, code, "CMP %s%s" % (desc, "" if not missing else " missing=%s" % missing))


def COUNT(rep, kind, code, snip, op, n):
    c = text(rep).count(norm(snip))
    ok = {"==": c == n, ">=": c >= n}[op]
    out(ok, kind, rep, code, "COUNT %r %s %d (found %d)" % (snip, op, n, c))


def SIZE(rep):
    n = len(open(os.path.join(HERE, rep + ".txt"), encoding="utf-8").read())
    out(1500 <= n <= 6000, "SIZE", rep, "-", "%d characters" % n)


def nodigit(line, lead=r"^\s*\d+[.、]"):
    return not re.search(r"\d", re.sub(lead, "", line))


# ---------------------------------------------------------------- b33_yxsw
R = "b33_yxsw"
SIZE(R)
NUM(R, "DEFECT", "ARITHMETIC_MISMATCH", 303.66 / 331.20 * 100, "93.68", 2, "实际支出303.66万元，执行率93.68%", "项目支出调整预算331.20万元")
CMP(R, "DEFECT", "NUMBER_CONFLICT", 22 != 26, "22 vs 26 new stations", "新建村级电商服务站22个", "2023年新建的26个村级电商服务站中")
CMP(R, "DEFECT", "CLAIM_CONTRADICTED", 5.8 < 6.5, "claim 全部完成 vs 5.8 < 6.5", "年度绩效目标全部完成", "同比增长5.8%，低于年度目标0.7个百分点", "2.全县社会消费品零售总额同比增长6.5%。")
CMP(R, "DEFECT", "UNSUPPORTED_CLAIM", nodigit(line_with(R, "各项工作取得显著成效")), "P2 holds no figure", "群众消费获得感大幅提升，各项工作取得显著成效")
COUNT(R, "DEFECT", "GOAL_WITHOUT_OUTCOME", "商贸中心", "==", 1)
COUNT(R, "DEFECT", "GOAL_WITHOUT_OUTCOME", "物流配送", "==", 1)
CMP(R, "DEFECT", "VAGUE_MEASURE", nodigit(line_with(R, "推动消费市场持续回暖")) and "股" not in line_with(R, "推动消费市场持续回暖"), "I2: no figure, date or owner", "2.进一步提振消费信心，切实加大促消费工作力度")
COUNT(R, "DEFECT", "NAME_VARIANT", "攸县商物局", "==", 1)
COUNT(R, "TRAP", "NAME_VARIANT", "攸县商务局", ">=", 3)
NUM(R, "TRAP", "B3", 682.40 + 65.96, "748.36", 2, "年中追加65.96万元，调整后预算748.36万元", "年初预算682.40万元")
NUM(R, "TRAP", "B3", 716.52 / 748.36 * 100, "95.75", 2, "全年实际支出716.52万元，预算执行率95.75%")
NUM(R, "TRAP", "B4", 412.86 / 417.16 * 100, "98.97", 2, "基本支出调整预算417.16万元，实际支出412.86万元，执行率98.97%")
NUM(R, "TRAP", "B4", 356.30 + 56.56, "412.86", 2, "实际支出412.86万元", "其中人员经费356.30万元、公用经费56.56万元")
NUM(R, "TRAP", "B3-B5", 412.86 + 303.66, "716.52", 2, "全年实际支出716.52万元")
NUM(R, "TRAP", "B3-B5", 417.16 + 331.20, "748.36", 2, "调整后预算748.36万元")
NUM(R, "TRAP", "B5", 331.20 - 303.66, "27.54", 2, "未支出的27.54万元为在建项目尾款，待2024年竣工结算后支付")
NUM(R, "TRAP", "O1", 2.71 / 2.6 * 100, "104.2", 1, "完成年度目标的104.2%", "全年外贸进出口总额2.71亿美元")
CMP(R, "TRAP", "O1", 2.71 >= 2.6 and 6 >= 5, "2.71 >= 2.6, 6 >= 5", "新增有进出口实绩企业6家", "达到2.6亿美元以上")
NUM(R, "TRAP", "O2", 6.5 - 5.8, "0.7", 1, "低于年度目标0.7个百分点，主要是二季度汽车、石油制品类零售额同比下降")
NUM(R, "TRAP", "O3", 22 / 20 * 100, "110", 0, "完成目标的110%")
CMP(R, "TRAP", "O4", 9 >= 8, "9 >= 8 场次; 9场次 vs 9个 stations are different things", "展会9场次", "有9个站点", "不少于8场次")
NUM(R, "TRAP", "P1", 18 + 19.1 + 38.5 + 18, "93.6", 1, "自评得分93.6分（决策18分、过程19.1分、产出38.5分、效益18分）")
CMP(R, "TRAP", "P1", 93.6 >= 90, "优 fits 93.6", "等级为“优”")
CMP(R, "TRAP", "B6-B8", True, "justified 无", "本部门2023年度无政府性基金预算收支", "无。本部门不涉及国有资本经营预算。", "无。本部门无社会保险基金预算支出。")

# ---------------------------------------------------------------- b33_xyny
R = "b33_xyny"
SIZE(R)
NUM(R, "DEFECT", "ARITHMETIC_MISMATCH", 486.00 + 32.60 + 39.80, "568.40", 2, "实际支出568.40万元", "其中补助种养主体486.00万元、技术培训32.60万元、检测认证及宣传39.80万元")
NUM(R, "DEFECT", "SCORE_MISMATCH", 15 + 18.5 + 37.2 + 23.1, "94.8", 1, "项目决策15分得15分，过程20分得18.5分，产出40分得37.2分，效益25分得23.1分，综合得分94.8分")
CMP(R, "DEFECT", "INDICATOR_SHORTFALL", 17.6 < 20, "17.6 < 20 called met", "减少17.6%，达到预期目标", "减少20%以上")
CMP(R, "DEFECT", "DEVIATION_UNEXPLAINED", 1386 < 1500 and "原因" not in line_with(R, "亩均增收1,386元"), "1,386 < 1,500 with no reason", "亩均增收1,386元，与目标存在一定差距。", "亩均增收不低于1,500元")
CMP(R, "TRAP", "O7", 1386 / 1500 < 1, "1,386 / 1,500 = 92.4% of target (gold only)", "亩均增收1,386元")
CMP(R, "DEFECT", "DATE_OUT_OF_PERIOD", (2022, 11) < (2023, 4), "2022年11月 acceptance before 2023年4月 funds", "于2022年11月28日通过县级验收", "于2023年4月全部到位")
CMP(R, "DEFECT", "PROBLEM_WITHOUT_MEASURE", "尾水" not in text(R).split("六、有关建议")[1], "no suggestion names 尾水", "2.部分基地尾水净化设施配套不足")
COUNT(R, "DEFECT", "CITATION_MALFORMED", "苏财农【2023〕36号", "==", 1)
COUNT(R, "TRAP", "CITATION_MALFORMED", "盱农发〔2023〕18号", "==", 1)
NUM(R, "TRAP", "B2", 420.00 + 180.00, "600.00", 2, "项目总投资600.00万元，其中省级资金420.00万元、县级配套180.00万元")
NUM(R, "TRAP", "B2", 568.40 / 600.00 * 100, "94.73", 2, "实际支出568.40万元，预算执行率94.73%")
NUM(R, "TRAP", "B2", 600.00 - 568.40, "31.60", 2, "结余31.60万元为工程质保金，按合同约定于2024年12月支付")
NUM(R, "TRAP", "O6", 4860000 / 12600, "385.71", 2, "补助种养主体资金486.00万元，按示范面积1.26万亩计算，每亩补助385.71元")
CMP(R, "TRAP", "O6", 385.71 <= 400, "385.71 <= 400 (≤ kind)", "每亩补助不超过400元")
CMP(R, "TRAP", "O3", 1.26 >= 1.2 and 648 >= 600, "1.26 >= 1.2万亩, 648 >= 600人次", "示范基地1.26万亩，开展种养技术培训16期648人次")
CMP(R, "TRAP", "O8/O9", 826 >= 800 and 93.5 >= 90, "826 >= 800户, 93.5 >= 90%", "带动826户农户", "种养主体满意度93.5%")
CMP(R, "TRAP", "O2", 20 - 18.5 == 1.5, "过程 docked 1.5 with its reason", "验收台账不完整，过程指标扣1.5分")
CMP(R, "TRAP", "P1", 93.8 >= 90 and 94.8 >= 90, "优 fits", "评价等级为“优”")
CMP(R, "TRAP", "七、", True, "justified 无", "七、其他需要说明的问题\n无。")

# ---------------------------------------------------------------- b33_qsrs
R = "b33_qsrs"
SIZE(R)
NUM(R, "DEFECT", "SCORE_MISMATCH", 10 + 10 + 10 + 9.5, "38.5", 1, "（三）项目产出（分值40分，自查得分38.5分）", "扣0.5分。得分：9.5分。")
CMP(R, "DEFECT", "CLAIM_CONTRADICTED", True, "claim 均已足额到位 vs 126.40 arriving 2024年1月", "各级补助资金均已足额到位", "市级配套资金中有126.40万元于2024年1月才拨付到位")
NUM(R, "TRAP", "O5", 38.62 / 41.00 * 100, "94.2", 1, "应参保人数41.00万人，实际参保38.62万人，参保率94.2%")
CMP(R, "DEFECT", "INDICATOR_SHORTFALL", 94.2 < 95, "94.2 < 95 called done, 10 of 10", "参保率94.2%，完成年度目标任务。得分：10分。", "参保率稳定在95%以上")
CMP(R, "DEFECT", "UNSUPPORTED_CLAIM", nodigit(line_with(R, "社会效益明显")[line_with(R, "社会效益明显").index("自查情况"):].split("得分")[0], lead=r"^$"), "O9 自查情况 holds no figure", "获得感、幸福感、安全感显著增强，社会效益明显")
CMP(R, "DEFECT", "INDICATOR_NO_FIGURE", nodigit(line_with(R, "知晓情况良好")[line_with(R, "知晓情况良好").index("自查情况"):].split("得分")[0], lead=r"^$"), "O7 自查情况 gives no rate", "政策知晓情况良好，达到目标要求")
CMP(R, "DEFECT", "RATE_OVER_100", 100.3 > 100, "发放率 100.3% > 100", "按时足额发放率100.3%")
COUNT(R, "DEFECT", "REPEATED_TEXT", "引导参保群众选择较高缴费档次", "==", 2)
CMP(R, "DEFECT", "REPEATED_TEXT", line_with(R, "引导参保群众选择较高缴费档次").count("引导参保群众选择较高缴费档次") == 2, "both in I1", "1.由市社保中心牵头")
NUM(R, "TRAP", "B1", 112600 * 165 * 12 / 10000, "22,294.80", 2, "全年应发放基础养老金22,294.80万元", "待遇领取人员11.26万人", "月人均基础养老金165元")
NUM(R, "TRAP", "B2", 15987.36 + 3612.44 + 2695.00, "22,294.80", 2, "补助资金共计22,294.80万元，其中中央补助15,987.36万元、省级补助3,612.44万元、市级配套2,695.00万元")
NUM(R, "TRAP", "B1", 11.26 / 38.62 * 100, "29.16", 2, "占参保人数的29.16%")
NUM(R, "TRAP", "headings", 20 + 19 + 38.5 + 19, "96.5", 1, "自查总分96.5分", "（一）项目投入（分值20分，自查得分20分）", "（二）项目过程（分值20分，自查得分19分）", "（四）项目效益（分值20分，自查得分19分）")
CMP(R, "TRAP", "O3", 10 - 1 == 9, "docked 1 with reason", "2个乡镇的待遇资格认证档案不全，扣1分。得分：9分。")
NUM(R, "TRAP", "O8", 30 - 28.6, "1.4", 1, "占比28.6%，低于目标1.4个百分点，主要是农村群众收入偏低")
NUM(R, "TRAP", "O10", 486 / 500 * 100, "97.2", 1, "收回有效问卷486份，有效率97.2%", "发放问卷500份")
CMP(R, "TRAP", "O10", 92.8 >= 90, "92.8 >= 90, docked 1 with reason", "参保群众满意度92.8%", "便捷性不足，扣1分。得分：9分。")
CMP(R, "TRAP", "heading", 96.5 >= 90, "优秀 fits", "等级为优秀")

# ---------------------------------------------------------------- b33_tsdf
R = "b33_tsdf"
SIZE(R)
CMP(R, "DEFECT", "NUMBER_CONFLICT", 186 != 168, "186 vs 168 staff", "在职教职工186人", "全镇168名在职教职工全员参加培训")
CMP(R, "DEFECT", "DEVIATION_UNEXPLAINED", 89.6 < 92 and "原因" not in text(R), "89.6 < 92, no reason in the report", "测试合格率89.6%，略低于目标。", "合格率达到92%以上")
CMP(R, "DEFECT", "UNSUPPORTED_CLAIM", nodigit(line_with(R, "办学影响力不断扩大")), "O6 holds no figure", "家长和社会满意度显著提高，办学影响力不断扩大")
CMP(R, "TRAP", "B2", 1126 + 648 == 1774, "1,126 + 648 = 1,774 义务教育 pupils (gold only)", "在校小学生1,126人、初中生648人")
CMP(R, "DEFECT", "IMPLAUSIBLE_MAGNITUDE", 2196 > 1126 + 648, "2,196 营养餐 pupils > 1,774 义务教育 pupils", "惠及学生2,196人", "在校小学生1,126人、初中生648人")
CMP(R, "DEFECT", "OUTCOME_RESTATES_GOAL", True, "plan wording", "5.按照年度工作计划，我校将持续推进中心小学运动场改造", "确保全年不发生校园安全责任事故，力争", "5.完成中心小学运动场改造，实现校园安全责任事故零发生。")
COUNT(R, "DEFECT", "DUPLICATE_PARAGRAPH", "全镇义务教育阶段适龄儿童少年入学率100%，巩固率99.6%，建立控辍保学工作台账，对2名长期请假学生落实“一生一案”跟踪管理。", "==", 2)
COUNT(R, "DEFECT", "NAME_VARIANT", "大阪镇", "==", 1)
COUNT(R, "TRAP", "NAME_VARIANT", "大畈镇", ">=", 3)
NUM(R, "TRAP", "B2", 1126 + 648 + 312, "2,086", 0, "312名在园幼儿，学生总数2,086人")
NUM(R, "TRAP", "B3", 2468.90 / 2512.36 * 100, "98.27", 2, "调整后预算2,512.36万元，全年实际支出2,468.90万元，预算执行率98.27%")
NUM(R, "TRAP", "B3", 2186.52 + 282.38, "2,468.90", 2, "实际支出2,468.90万元", "其中基本支出2,186.52万元", "项目支出282.38万元")
NUM(R, "TRAP", "B4", 1126 * 720 + 648 * 940, "1,419,840", 0, "生均公用经费1,419,840元（141.98万元）", "小学每生每年720元、初中每生每年940元")
NUM(R, "TRAP", "B4", (1126 * 720 + 648 * 940) / 10000, "141.98", 2, "（141.98万元）", "拨付生均公用经费141.98万元")
CMP(R, "TRAP", "O1", 99.6 >= 99, "入学率 100% = 100%, 巩固率 99.6 >= 99", "入学率100%，巩固率99.6%", "巩固率不低于99%")
CMP(R, "TRAP", "O3", 78 >= 72, "78 >= 72学时", "人均培训78学时", "不少于72学时")
NUM(R, "TRAP", "P1", 18 + 18.4 + 36 + 20, "92.4", 1, "自评得分92.4分，其中投入18分、过程18.4分、产出36分、效益20分")
CMP(R, "TRAP", "P1", 92.4 >= 90, "优 fits", "自评等级为“优”")

# ---------------------------------------------------------------- b33_jxgh
R = "b33_jxgh"
SIZE(R)
NUM(R, "DEFECT", "ARITHMETIC_MISMATCH", 1862000 / 1342, "1,587", 0, "全年发放帮扶救助资金186.20万元，惠及困难职工1,342人，人均帮扶1,587元")
CMP(R, "DEFECT", "NUMBER_CONFLICT", 1342 != 1324, "1,342 vs 1,324 帮扶对象", "惠及困难职工1,342人", "对全部1,324名帮扶对象开展电话回访")
CMP(R, "DEFECT", "CLAIM_CONTRADICTED", 12 < 15, "claim 均已圆满完成 vs 12 < 15 书屋", "各项目标均已圆满完成", "新建职工书屋12家", "新建职工书屋15家")
COUNT(R, "DEFECT", "GOAL_WITHOUT_OUTCOME", "集体协商", "==", 1)
COUNT(R, "DEFECT", "GOAL_WITHOUT_OUTCOME", "集体合同", "==", 1)
CMP(R, "DEFECT", "PROBLEM_WITHOUT_MEASURE", all(w not in text(R).split("六、下一步改进措施")[1] for w in ("新就业形态", "快递", "外卖", "网约")), "no measure on 新就业形态", "3.新就业形态劳动者流动性大、劳动关系复杂，入会率偏低。")
CMP(R, "DEFECT", "REPEATED_TEXT", line_with(R, "暖心驿站”10个").count("为户外劳动者提供歇脚、饮水、热饭等服务") == 2, "clause twice in O2", "为户外劳动者提供歇脚、饮水、热饭等服务")
COUNT(R, "DEFECT", "DUPLICATE_PARAGRAPH", "部分非公企业工会组织作用发挥不充分，工会活动少，职工对工会认同感不强。", "==", 2)
CMP(R, "TRAP", "O1", 186.20 >= 180, "186.20 >= 180万元", "不少于180万元")
CMP(R, "TRAP", "O2", True, "12 < 15 WITH its reason; 驿站 10 = 10", "另有3家因所在企业搬迁暂缓建设", "建成“暖心驿站”10个")
CMP(R, "TRAP", "O3/O4", 12 >= 10 and 3260 >= 3000 and 6486 >= 6000, "met ≥ targets", "技能竞赛12场，参赛职工3,260人次", "新增实名制入会会员6,486人")
NUM(R, "TRAP", "B3", 826.50 + 360.00, "1,186.50", 2, "收入预算1,186.50万元，其中财政拨款826.50万元、上级工会补助360.00万元")
NUM(R, "TRAP", "B3", 1108.24 / 1186.50 * 100, "93.40", 2, "全年支出1,108.24万元，预算执行率93.40%")
NUM(R, "TRAP", "B3", 671.44 + 436.80, "1,108.24", 2, "全年支出1,108.24万元", "其中基本支出671.44万元，项目支出436.80万元")
NUM(R, "TRAP", "B3", 436.80 / 1108.24 * 100, "39.41", 2, "项目支出占总支出的39.41%")
NUM(R, "TRAP", "B3", 1186.50 - 1108.24, "78.26", 2, "年末结余78.26万元，主要为上级工会年底下拨的职工书屋建设补助")

# ---------------------------------------------------------------- b33_xjws
R = "b33_xjws"
SIZE(R)
NUM(R, "DEFECT", "ARITHMETIC_MISMATCH", 128.64 / 144.00 * 100, "98.33", 2, "县级配套\t144.00\t144.00\t128.64\t—\t98.33%")
s_rows = 5 + 5 + 5 + 5 + 4 + 5 + 5 + 5 + 5 + 5
NUM(R, "DEFECT", "SCORE_MISMATCH", 9.67 + s_rows + 30 + 10, "99.17", 2, "总分\t\t\t\t\t\t100\t99.17")
CMP(R, "DEFECT", "INDICATOR_SHORTFALL", 60.4 < 62, "60.4 < 62 with 5 of 5", "高血压患者基层规范管理服务率\t≥62%\t60.4%\t5\t5\t\n")
CMP(R, "DEFECT", "DEVIATION_UNEXPLAINED", 81.2 < 85, "81.2 < 85, reason 无", "0—6岁儿童健康管理率\t≥85%\t81.2%\t5\t4\t无")
CMP(R, "DEFECT", "INDICATOR_NO_FIGURE", True, "rate answered in words", "居民电子健康档案建档率\t≥90%\t基本完成\t5\t5")
NUM(R, "TRAP", "O1", 32.36 * 89, "2,880.04", 2, "按常住人口32.36万人、人均89元标准下达补助资金2,880.04万元")
CMP(R, "DEFECT", "UNIT_MISMATCH", True, "元/人 target answered 万元/人", "89元/人\t89万元/人")
CMP(R, "DEFECT", "UNFILLED_FORM", True, "template instruction in a value cell", "长期有效\t（简要说明指标完成情况）\t10\t10")
NUM(R, "TRAP", "资金", 2180.00 + 420.00 + 144.00, "2,744.00", 2, "年度资金总额\t2,744.00\t2,880.04\t2,785.56")
NUM(R, "TRAP", "资金", 2304.03 + 432.01 + 144.00, "2,880.04", 2, "年度资金总额\t2,744.00\t2,880.04\t2,785.56")
NUM(R, "TRAP", "资金", 2246.38 + 410.54 + 128.64, "2,785.56", 2, "年度资金总额\t2,744.00\t2,880.04\t2,785.56")
NUM(R, "TRAP", "资金", 2785.56 / 2880.04 * 100, "96.72", 2, "2,785.56\t10\t96.72%\t9.67")
NUM(R, "TRAP", "资金", 10 * 2785.56 / 2880.04, "9.67", 2, "2,785.56\t10\t96.72%\t9.67")
NUM(R, "TRAP", "资金", 2246.38 / 2304.03 * 100, "97.50", 2, "其中：中央补助\t2,180.00\t2,304.03\t2,246.38\t—\t97.50%")
NUM(R, "TRAP", "资金", 410.54 / 432.01 * 100, "95.03", 2, "自治区补助\t420.00\t432.01\t410.54\t—\t95.03%")
CMP(R, "TRAP", "rows", all([66.8 >= 62, 64.5 >= 62, 91.3 >= 85, 86.2 >= 80, 95.1 >= 90, 26.4 >= 25, 88.6 >= 85]), "met ≥ rows",
    "≥62%\t66.8%", "≥62%\t64.5%", "≥85%\t91.3%", "≥80%\t86.2%", "≥90%\t95.1%", "≥25%\t26.4%", "≥85%\t88.6%", "100%\t100%\t5\t5")
CMP(R, "TRAP", "分值", 10 + 50 + 30 + 10 == 100, "weights add to 100", "\t100\t99.17")
CMP(R, "TRAP", "等级", 9.67 + s_rows + 30 + 10 >= 90, "优 fits 98.67 and 99.17", "评价等级\t\t\t\t\t\t\t优")

# ---------------------------------------------------------------- b33_ysxf
R = "b33_ysxf"
SIZE(R)
tbl = [6.4, 7, 8, 7, 10, 10, 8, 9, 4.8, 10, 15]
NUM(R, "DEFECT", "SCORE_MISMATCH", sum(tbl), "96.2", 1, "自评综合得分96.2分")
NUM(R, "TRAP", "合计", sum(tbl), "95.2", 1, "合计\t\t\t100\t\t\t\t95.2")
CMP(R, "DEFECT", "INDICATOR_SHORTFALL", 78.6 < 85 and 90 <= 78.6 / 85 * 100 < 100, "78.6 < 85 graded A (legend gives B)", "信访积案化解率\t9\t≥85%\t78.6%\tA\t9")
CMP(R, "DEFECT", "DEVIATION_UNEXPLAINED", 52.3 < 60, "52.3 < 60, 偏差说明 正常波动", "网上信访占比\t8\t≥60%\t52.3%\tC\t4.8\t正常波动")
CMP(R, "TRAP", "网上信访", 60 <= 52.3 / 60 * 100 < 90, "52.3 / 60 = 87.2% of target → C (gold only)", "网上信访占比\t8\t≥60%\t52.3%\tC")
NUM(R, "TRAP", "网上信访", 8 * 0.6, "4.8", 1, "C\t4.8")
CMP(R, "DEFECT", "RATE_OVER_100", 101.2 > 100, "按期办结率 101.2%", "信访事项按期办结率\t10\t≥98%\t101.2%")
CMP(R, "DEFECT", "UNIT_MISMATCH", True, "duration answered as a count", "初信初访办理平均时长\t8\t≤30日\t26件")
CMP(R, "DEFECT", "VAGUE_MEASURE", nodigit(line_with(R, "不断完善信访与热线协同联动机制")), "I2: no figure, date or owner", "2.进一步加强信息化建设，切实提升信访工作数字化水平")
CMP(R, "DEFECT", "OUTCOME_RESTATES_GOAL", True, "plan wording", "4.按照年度工作安排，我局将深入推进信访工作法治化", "力争全年不少于20场，确保")
NUM(R, "TRAP", "B2", 271.35 / 286.40 * 100, "94.75", 2, "部门预算286.40万元，全年实际支出271.35万元，预算执行率94.75%")
NUM(R, "TRAP", "B2", 196.52 + 74.83, "271.35", 2, "全年实际支出271.35万元", "其中基本支出196.52万元、项目支出74.83万元")
NUM(R, "TRAP", "预算执行率", 8 * 0.8, "6.4", 1, "预算执行率\t8\t≥95%\t94.75%\tB\t6.4\t年底部分信息化运维费未完成结算")
CMP(R, "TRAP", "预算执行率", 90 <= 94.75 / 95 * 100 < 100, "94.75 / 95 = 99.7% → B", "≥95%\t94.75%\tB")
NUM(R, "TRAP", "三公", 5.37 / 6.50 * 100, "82.6", 1, "“三公”经费控制率\t7\t≤100%\t82.6%", "“三公”经费预算6.50万元，实际支出5.37万元")
CMP(R, "TRAP", "rows", 8.6 <= 10 and 93.4 >= 90, "≤ and ≥ met", "重复信访率\t10\t≤10%\t8.6%", "信访人满意率\t15\t≥90%\t93.4%", "100%\t100%\tA\t10")
CMP(R, "TRAP", "分值", sum([8, 7, 8, 7, 10, 10, 8, 9, 8, 10, 15]) == 100, "weights add to 100", "合计\t\t\t100")
NUM(R, "TRAP", "O2", 673 / 1286 * 100, "52.3", 1, "受理群众信访事项1,286件", "受理信访事项673件", "52.3%")
NUM(R, "TRAP", "O3", 33 / 42 * 100, "78.6", 1, "42件信访积案实行县级领导包案，化解33件，化解率78.6%；其余9件因涉及历史遗留的土地权属争议")
CMP(R, "TRAP", "P1", 95.2 >= 90, "优 fits", "等级为“优”")

# ---------------------------------------------------------------- b33_fplq
R = "b33_fplq"
SIZE(R)
CMP(R, "DEFECT", "NUMBER_CONFLICT", 13 != 12, "13 vs 12 villages", "辖13个行政村", "对全镇12个行政村的脱贫户")
CMP(R, "DEFECT", "CLAIM_CONTRADICTED", True, "均已完工 vs 尚未完工", "5个衔接资金项目均已完工并投入使用", "主体工程尚未完工，预计2024年5月完工")
CMP(R, "DEFECT", "UNSUPPORTED_CLAIM", nodigit(line_with(R, "成为全镇经济发展新亮点")), "O5 holds no figure", "知名度和影响力显著提升，带动群众增收效果明显")
CMP(R, "DEFECT", "IMPLAUSIBLE_MAGNITUDE", 15306 > 12618, "15,306 insured > 12,618 residents", "参保15,306人，参保率100%", "户籍人口4,236户12,618人")
CMP(R, "DEFECT", "DATE_OUT_OF_PERIOD", True, "2022 in the 2023 conclusion", "综上，我镇2022年度部门整体支出绩效自评得分93.5分")
COUNT(R, "DEFECT", "DATE_OUT_OF_PERIOD", "2022年度", "==", 1)
COUNT(R, "DEFECT", "UNFILLED_FORM", "群众满意度为XX%", "==", 1)
COUNT(R, "DEFECT", "CITATION_MALFORMED", "阜财预〔2023〕号", "==", 1)
COUNT(R, "TRAP", "CITATION_MALFORMED", "龙政报〔2024〕7号", "==", 1)
NUM(R, "TRAP", "B2", 1486.20 + 126.64, "1,612.84", 2, "年初预算1,486.20万元，年中追加126.64万元，调整后预算1,612.84万元")
NUM(R, "TRAP", "B2", 1553.67 / 1612.84 * 100, "96.33", 2, "全年实际支出1,553.67万元，预算执行率96.33%")
NUM(R, "TRAP", "B2", 986.41 + 567.26, "1,553.67", 2, "全年实际支出1,553.67万元", "其中基本支出986.41万元，项目支出567.26万元")
NUM(R, "TRAP", "O1", (9.15 - 8.62) / 9.15 * 100, "5.79", 2, "全年“三公”经费支出8.62万元，较上年的9.15万元下降5.79%")
CMP(R, "TRAP", "B3/O3", True, "5 projects both places", "实施产业发展和基础设施项目5个", "等5个衔接资金项目")

# ---------------------------------------------------------------- gold files
REPS = ["b33_yxsw", "b33_xyny", "b33_qsrs", "b33_tsdf", "b33_jxgh", "b33_xjws", "b33_ysxf", "b33_fplq"]
tot = {}
for rep in REPS:
    g = open(os.path.join(HERE, rep + ".yaml"), encoding="utf-8").read()
    codes = re.findall(r"^  - code: (\w+)", g, re.M)
    out(len(codes) == 7 and len(set(codes)) == 7, "GOLD", rep, "-", "7 findings, 7 codes: %s" % codes)
    for c in codes:
        tot[c] = tot.get(c, 0) + 1
FIRST = ["ARITHMETIC_MISMATCH", "NUMBER_CONFLICT", "SCORE_MISMATCH", "CLAIM_CONTRADICTED", "INDICATOR_SHORTFALL",
         "DEVIATION_UNEXPLAINED", "UNSUPPORTED_CLAIM"]
OTHER = ["INDICATOR_NO_FIGURE", "UNIT_MISMATCH", "IMPLAUSIBLE_MAGNITUDE", "RATE_OVER_100", "DATE_OUT_OF_PERIOD", "UNFILLED_FORM",
         "GOAL_WITHOUT_OUTCOME", "PROBLEM_WITHOUT_MEASURE", "VAGUE_MEASURE", "REPEATED_TEXT", "OUTCOME_RESTATES_GOAL",
         "DUPLICATE_PARAGRAPH", "NAME_VARIANT", "CITATION_MALFORMED"]
ok = all(tot.get(c) == 4 for c in FIRST) and all(tot.get(c) == 2 for c in OTHER) and sum(tot.values()) == 56
out(ok, "GOLD", "all", "-", "totals %s" % sorted(tot.items()))

print("%d lines, %d failed" % (count, len(fails)))
sys.exit(1 if fails else 0)
