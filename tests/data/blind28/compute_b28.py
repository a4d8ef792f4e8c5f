#!/usr/bin/env python3
"""Re-run the computations behind blind28 and check that every planted defect and trap is as planted.

Each line: (report, DEFECT|TRAP, code or '-', type, snippet(s), payload).
  NUM   : payload (computed, written): the computed value rounded half-up at the written precision must DIFFER from the
          written figure for a DEFECT and EQUAL it for a TRAP.
  CMP   : payload bool: a python test that must be True (the defect holds / the trap is met).
  COUNT : payload (n): the first snippet occurs exactly n times.
  TEXT  : payload (flags): the snippet occurs; flag 'nodigit' = the snippet carries no digit (an achievement claim
          without figures).
Every snippet is checked to occur verbatim in its report, NFKC-normalised on both sides (full-width digits, ％, ．, ＿).
Also checked: report length 1,500–6,000 characters; each gold has 7 findings with 7 different codes equal to the
codes of its DEFECT lines; the code tally (first seven codes 4 each, the others 2 each, 56 in all).
Exit 0 and print ALL AS PLANTED when everything holds.
"""
import os, sys, unicodedata, collections
from decimal import Decimal, ROUND_HALF_UP
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
def norm(s): return unicodedata.normalize("NFKC", s)
def rnd(x, written):
    w = written.replace(",", "")
    dp = len(w.split(".")[1]) if "." in w else 0
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP) == Decimal(w)

L = []
def add(rep, kind, code, typ, snip, payload=None): L.append((rep, kind, code, typ, snip, payload))

# ---------------- b28_fpbdc ----------------
r = "b28_fpbdc"
add(r, "DEFECT", "NUMBER_CONFLICT", "CMP", ["全年办理各类不动产登记25,386件", "全年办理各类不动产登记23,586件"], 25386 != 23586)
add(r, "DEFECT", "CLAIM_CONTRADICTED", "CMP", ["年度设定的各项绩效目标均已全部完成，无偏差", "窗口满意度测评结果为93.6%", "办事群众满意度达到＿95＿%以上"], 93.6 < 95)
add(r, "DEFECT", "UNSUPPORTED_CLAIM", "TEXT", ["通过深化不动产登记便利化改革，登记服务效能显著提升，营商环境持续优化，企业和群众的获得感明显增强，社会效益十分显著。"], "nodigit")
add(r, "DEFECT", "UNFILLED_FORM", "TEXT", ["自评结果将用于＿＿＿＿＿＿＿＿＿＿＿＿。"], "")
add(r, "DEFECT", "GOAL_WITHOUT_OUTCOME", "COUNT", ["地籍补充调查"], 1)
add(r, "DEFECT", "VAGUE_MEASURE", "TEXT", ["进一步强化服务意识，持续优化办事流程，不断提升窗口服务水平，努力打造群众满意的登记窗口。"], "nodigit")
add(r, "DEFECT", "CITATION_MALFORMED", "CMP", ["（富编发2019〕12号）"], "〔2019〕" not in "（富编发2019〕12号）")
add(r, "TRAP", "-", "NUM", ["基本支出＿846.20＿万元，项目支出＿373.16＿万元", "实际支出＿1,219.36＿万元"], (846.20 + 373.16, "1,219.36"))
add(r, "TRAP", "-", "NUM", ["预算执行率＿96.41＿%"], (1219.36 / 1264.80 * 100, "96.41"))
add(r, "TRAP", "-", "NUM", ["较上年＿9.48＿万元下降＿9.07＿%"], ((9.48 - 8.62) / 9.48 * 100, "9.07"))
add(r, "TRAP", "-", "NUM", ["其中首次登记3,412件、转移登记9,876件、抵押登记8,645件、变更及其他登记3,453件"], (3412 + 9876 + 8645 + 3453, "25386"))
add(r, "TRAP", "-", "CMP", ["一般登记平均2.6个工作日办结", "一般登记＿3＿个工作日内办结"], 2.6 <= 3)
add(r, "TRAP", "-", "CMP", ["档案数字化18.6万卷"], 18.6 >= 18)
add(r, "TRAP", "-", "CMP", ["惠及14个项目"], 14 >= 12)
add(r, "TRAP", "-", "NUM", ["全年网上受理登记16,196件，网办率63.8%"], (16196 / 25386 * 100, "63.8"))
add(r, "TRAP", "-", "NUM", ["较目标低1.4个百分点，主要原因是"], (95 - 93.6, "1.4"))
add(r, "TRAP", "-", "COUNT", ["富财绩〔2024〕5号"], 1)
add(r, "TRAP", "-", "TEXT", ["＿无（本单位本年度未承担上级专项转移支付项目，无其他需要说明的事项）。＿"], "")

# ---------------- b28_xszj ----------------
r = "b28_xszj"
add(r, "DEFECT", "ARITHMETIC_MISMATCH", "NUM", ["截至2023年12月31日实际支付387.45万元，资金执行率94.90%"], (387.45 / 412.60 * 100, "94.90"))
add(r, "DEFECT", "CLAIM_CONTRADICTED", "CMP", ["项目资金已全额支付完毕", "剩余25.15万元为工程质保金及尾款，尚未支付"], 412.60 - 387.45 > 0)
add(r, "DEFECT", "INDICATOR_SHORTFALL", "CMP", ["集镇生活污水收集率为82.4%，达到年度目标要求", "集镇生活污水收集率达到85%以上"], 82.4 < 85)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "CMP", ["改造三格式化粪池128座。", "改造三格式化粪池150座"], 128 < 150)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "COUNT", ["化粪池"], 3)  # B1, G1, O2 only: no problem or reason names it
add(r, "DEFECT", "DATE_OUT_OF_PERIOD", "CMP", ["管网工程于2022年10月26日开工建设", "镇政府于2023年4月完成施工招标"], 2022 < 2023)
add(r, "DEFECT", "IMPLAUSIBLE_MAGNITUDE", "CMP", ["惠及群众5,320人", "区域内常住人口4,150人"], 5320 > 4150)
add(r, "DEFECT", "NAME_VARIANT", "CMP", ["由查津镇财政所负责"], True)
add(r, "TRAP", "-", "NUM", ["中央水污染防治资金260.00万元、省级配套资金90.00万元、县级配套资金62.60万元", "项目总投资412.60万元"], (260 + 90 + 62.60, "412.60"))
add(r, "TRAP", "-", "NUM", ["剩余25.15万元"], (412.60 - 387.45, "25.15"))
add(r, "TRAP", "-", "NUM", ["其中主管2.86公里、支管5.86公里", "新建污水收集管网8.72公里"], (2.86 + 5.86, "8.72"))
add(r, "TRAP", "-", "CMP", ["新建污水收集管网8.72公里", "不少于8.5公里"], 8.72 >= 8.5)
add(r, "TRAP", "-", "CMP", ["完成接户498户", "完成接户不少于480户"], 498 >= 480)
add(r, "TRAP", "-", "CMP", ["验收合格率100%。", "工程验收合格率100%"], 100 >= 100)
add(r, "TRAP", "-", "NUM", ["按接户数安排5.98万元", "每户每年120元标准"], (498 * 120 / 10000, "5.98"))
add(r, "TRAP", "-", "NUM", ["收回有效问卷188份，其中满意及基本满意177份，满意度94.15%"], (177 / 188 * 100, "94.15"))
add(r, "TRAP", "-", "NUM", ["决策得分18分、过程得分19分、产出得分33.5分、效益得分18分，自评总分88.5分"], (18 + 19 + 33.5 + 18, "88.5"))
add(r, "TRAP", "-", "CMP", ["等级为“良”（90分及以上为优，80分至90分为良）"], 80 <= 88.5 < 90)

# ---------------- b28_yyky ----------------
r = "b28_yyky"
add(r, "DEFECT", "ARITHMETIC_MISMATCH", "NUM", ["县级资金\t282.00\t306.00\t294.20\t—\t97.14%"], (294.20 / 306.00 * 100, "97.14"))
add(r, "DEFECT", "SCORE_MISMATCH", "NUM", ["总分\t100\t97.66"], (9.66 + 10 + 10 + 5 + 10 + 10 + 5 + 10 + 8 + 10 + 9, "97.66"))
add(r, "DEFECT", "INDICATOR_SHORTFALL", "CMP", ["车辆安全例检合格率\t≥98%\t96.7%", "4\t10\t10\t已达到预期"], 96.7 < 98)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "CMP", ["农村客运班线日均发班率\t≥95%\t91.3%", "8\t10\t8\t比目标值低3.7个百分点"], 91.3 < 95)
add(r, "TRAP", "-", "NUM", ["比目标值低3.7个百分点"], (95 - 91.3, "3.7"))  # the gap is right; it is no reason
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "COUNT", ["发班"], 1)
add(r, "DEFECT", "INDICATOR_NO_FIGURE", "TEXT", ["从业人员安全培训人次\t≥450人次\t培训全覆盖", "3\t5\t5\t"], "")
add(r, "DEFECT", "RATE_OVER_100", "CMP", ["建制村通客车率\t100%\t100.8%"], 100.8 > 100)
add(r, "DEFECT", "UNFILLED_FORM", "TEXT", ["乘客满意度\t≥90%\t（据实填写）", "10\t10\t9"], "")
add(r, "TRAP", "-", "NUM", ["其中：中央补助资金\t986.00", "县级资金\t282.00", "年度资金总额\t1,268.00"], (986 + 282, "1,268.00"))
add(r, "TRAP", "-", "NUM", ["1,036.50", "306.00", "1,342.50"], (1036.50 + 306.00, "1,342.50"))
add(r, "TRAP", "-", "NUM", ["1,002.18", "294.20", "1,296.38"], (1002.18 + 294.20, "1,296.38"))
add(r, "TRAP", "-", "NUM", ["1,296.38\t10\t96.56%"], (1296.38 / 1342.50 * 100, "96.56"))
add(r, "TRAP", "-", "NUM", ["96.56%\t9.66"], (10 * 1296.38 / 1342.50, "9.66"))
add(r, "TRAP", "-", "NUM", ["1,002.18\t—\t96.69%"], (1002.18 / 1036.50 * 100, "96.69"))
add(r, "TRAP", "-", "NUM", ["覆盖农村客运车辆412辆，车均补贴3.15万元"], (1296.38 / 412, "3.15"))
add(r, "TRAP", "-", "CMP", ["车均补贴标准\t≤3.5万元/辆\t3.15万元/辆"], 3.15 <= 3.5)
add(r, "TRAP", "-", "CMP", ["农村客运班线数量\t≥80条\t82条", "享受补贴的农村客运车辆\t≥400辆\t412辆"], 82 >= 80 and 412 >= 400)
add(r, "TRAP", "-", "CMP", ["补贴资金兑付及时率\t100%\t100%"], 100 >= 100)
add(r, "TRAP", "-", "NUM", ["总分\t100"], (10 + 10 + 10 + 5 + 10 + 10 + 5 + 10 + 10 + 10 + 10, "100"))
add(r, "TRAP", "-", "CMP", ["评价等级\t优", "总分90分（含）以上为优"], 96.66 >= 90 and 97.66 >= 90)

# ---------------- b28_lhbyg ----------------
r = "b28_lhbyg"
add(r, "DEFECT", "SCORE_MISMATCH", "NUM", ["四部分合计自评得分97.5分", "（一）决策（分值15分，自评得分15分）", "（二）过程（分值25分，自评得分23.5分）", "（一）产出（分值35分，自评得分33分）", "（二）效益（分值25分，自评得分25分）"], (15 + 23.5 + 33 + 25, "97.5"))
add(r, "DEFECT", "NUMBER_CONFLICT", "CMP", ["火化遗体3,846具", "全年火化遗体3,912具"], 3846 != 3912)
add(r, "DEFECT", "UNSUPPORTED_CLAIM", "TEXT", ["通过持续推进殡葬改革，群众移风易俗意识显著增强，文明节俭治丧蔚然成风，殡葬服务的社会认可度明显提高，社会效益显著。"], "nodigit")
add(r, "DEFECT", "PROBLEM_WITHOUT_MEASURE", "COUNT", ["整改措施："], 2)
add(r, "DEFECT", "PROBLEM_WITHOUT_MEASURE", "COUNT", ["整容师"], 1)
add(r, "DEFECT", "REPEATED_TEXT", "COUNT", ["严格执行《殡葬管理条例》和收费公示制度"], 2)
add(r, "DEFECT", "DUPLICATE_PARAGRAPH", "COUNT", ["全年为1,286具遗体减免遗体接运、存放、火化、骨灰盒等基本殡葬服务费用，每具减免800元，共计102.88万元，全部由惠民殡葬专项资金列支。"], 2)
add(r, "DEFECT", "CITATION_MALFORMED", "TEXT", ["（隆编委〔023〕15号）"], "")
add(r, "TRAP", "-", "NUM", ["其中基本支出318.42万元，项目支出194.45万元", "全年支出512.87万元"], (318.42 + 194.45, "512.87"))
add(r, "TRAP", "-", "NUM", ["预算执行率97.02%"], (512.87 / 528.64 * 100, "97.02"))
add(r, "TRAP", "-", "NUM", ["全县死亡人数4,186人计算，火化率93.45%"], (3912 / 4186 * 100, "93.45"))
add(r, "TRAP", "-", "CMP", ["火化率93.45%", "遗体火化率不低于92%"], 93.45 >= 92)
add(r, "TRAP", "-", "CMP", ["遗体接运平均响应时间1.5小时", "响应时间不超过2小时"], 1.5 <= 2)
add(r, "TRAP", "-", "NUM", ["每具减免800元，共计102.88万元"], (1286 * 800 / 10000, "102.88"))
add(r, "TRAP", "-", "CMP", ["全年为1,286具遗体减免", "为不少于1,200具遗体减免"], 1286 >= 1200 and 102.88 <= 194.45)
add(r, "TRAP", "-", "NUM", ["满意287份，满意度95.67%"], (287 / 300 * 100, "95.67"))
add(r, "TRAP", "-", "NUM", ["因1笔公务接待报销手续不全扣1.5分", "（分值25分，自评得分23.5分）"], (25 - 1.5, "23.5"))
add(r, "TRAP", "-", "NUM", ["此项扣2分。", "（一）产出（分值35分，自评得分33分）"], (35 - 2, "33"))
add(r, "TRAP", "-", "TEXT", ["未达到300例的年度目标，主要原因是县公益性公墓二期工程延期至2024年4月交付"], "")
add(r, "TRAP", "-", "CMP", ["等级为“优”（90分及以上为优）"], 96.5 >= 90 and 97.5 >= 90)
add(r, "TRAP", "-", "TEXT", ["（隆财绩〔2024〕3号）"], "")

# ---------------- b28_pnwhg ----------------
r = "b28_pnwhg"
add(r, "DEFECT", "NUMBER_CONFLICT", "CMP", ["全年组织开展群众文化活动136场次", "全年共开展群众文化活动163场次"], 136 != 163)
add(r, "DEFECT", "CLAIM_CONTRADICTED", "CMP", ["各项指标均已全面超额完成", "培训1,742人次", "1,800人次"], 1742 < 1800)
add(r, "DEFECT", "UNSUPPORTED_CLAIM", "TEXT", ["文化馆的社会影响力和美誉度大幅提升，群众的文化获得感、幸福感显", "著增强，为建设文化强县作出了积极贡献。"], "nodigit")
add(r, "DEFECT", "OUTCOME_RESTATES_GOAL", "COUNT", ["代溪镇、岭下乡、熙岭乡新建3个文"], 2)  # goal 3 and its restatement O3
add(r, "DEFECT", "OUTCOME_RESTATES_GOAL", "TEXT", ["3.按照年初计划，今年将在代溪镇、岭下乡、熙岭乡新建3个文化馆分馆，", "力争推动总分馆制建设提质增效。"], "")
add(r, "DEFECT", "DUPLICATE_PARAGRAPH", "COUNT", ["4.年末发放满意度调查问卷520份，回收有效问卷506份，其中满意和基本"], 2)
add(r, "DEFECT", "NAME_VARIANT", "TEXT", ["由平南县文化馆业务辅导部牵头"], "")
add(r, "DEFECT", "GOAL_WITHOUT_OUTCOME", "COUNT", ["非物质文化遗产代表性项目"], 1)
add(r, "TRAP", "-", "NUM", ["其中基本支出241.56万元，项目支出144.56万元"], (241.56 + 144.56, "386.12"))
add(r, "TRAP", "-", "NUM", ["预算执行率96.83%"], (386.12 / 398.75 * 100, "96.83"))
add(r, "TRAP", "-", "NUM", ["馆内活动1.38万人次、送文化下乡2.88万", "参与群众4.26万人次"], (1.38 + 2.88, "4.26"))
add(r, "TRAP", "-", "CMP", ["开展全民艺术普及公益培训64期", "不少于60期"], 64 >= 60)
add(r, "TRAP", "-", "NUM", ["较目标少58人次"], (1800 - 1742, "58"))
add(r, "TRAP", "-", "NUM", ["满意489份，满意度96.64%"], (489 / 506 * 100, "96.64"))

# ---------------- b28_zylyj ----------------
r = "b28_zylyj"
add(r, "DEFECT", "ARITHMETIC_MISMATCH", "NUM", ["分别完成抚育0.52万亩、0.46万亩、0.38万亩、0.59万亩、0.29万亩、0.38万亩，合计2.58万亩"], (0.52 + 0.46 + 0.38 + 0.59 + 0.29 + 0.38, "2.58"))
add(r, "DEFECT", "UNIT_MISMATCH", "CMP", ["兑付补助资金246.86元，亩均兑付95.68元"], abs(246.86 / 25800 - 95.68) > 1)  # read in 元 the 亩均 is 0.0096元
add(r, "TRAP", "-", "NUM", ["亩均兑付95.68元"], (246.86 * 10000 / 25800, "95.68"))  # read in 万元 it is right
add(r, "DEFECT", "INDICATOR_SHORTFALL", "CMP", ["抚育作业质量合格率为93.8%，达到年度目标要求", "作业质量合格率不低于95%"], 93.8 < 95)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "CMP", ["带动林农参与抚育作业务工1,046人次。", "带动林农务工不少于1,200人次"], 1046 < 1200)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "COUNT", ["务工"], 3)  # G2 and O4 (lead + figure) only
add(r, "DEFECT", "OUTCOME_RESTATES_GOAL", "TEXT", ["按照项目计划，通过森林抚育将进一步优化林分结构，力争", "通过抚育优化林分结构，提高森林质量和林木生长量。"], "")
add(r, "DEFECT", "IMPLAUSIBLE_MAGNITUDE", "CMP", ["对受益林农开展入户走访2,340户", "参与抚育的林农共1,860户"], 2340 > 1860)
add(r, "DEFECT", "DATE_OUT_OF_PERIOD", "CMP", ["1.2022年度完成集体和个人所有商品林森林抚育2.6万亩", "资源县林业局2023年森林抚育补助项目绩效自评报告"], 2022 != 2023)
add(r, "TRAP", "-", "NUM", ["森林抚育2.6万亩，补助标准为每亩100元", "森林抚育）260.00万元"], (2.6 * 100, "260.00"))
add(r, "TRAP", "-", "NUM", ["县级安排配套资金18.00万元", "项目资金合计278.00万元"], (260 + 18, "278.00"))
add(r, "TRAP", "-", "NUM", ["全年实际支出265.34万元，执行率95.45%"], (265.34 / 278 * 100, "95.45"))
add(r, "TRAP", "-", "NUM", ["另有0.02万亩因林地权属纠纷暂缓作业"], (2.6 - 2.58, "0.02"))
add(r, "TRAP", "-", "CMP", ["已向1,126户林农", "林农共1,860户"], 1126 <= 1860)
add(r, "TRAP", "-", "NUM", ["满意396份，满意度96.12%"], (396 / 412 * 100, "96.12"))
add(r, "TRAP", "-", "TEXT", ["图3　梅溪镇抚育作业检查验收复查（2024年3月摄）"], "")

# ---------------- b28_ltsb ----------------
r = "b28_ltsb"
add(r, "DEFECT", "NUMBER_CONFLICT", "CMP", ["年末城乡居民基本养老保险参保31.86万人", "全年城乡居民基本养老保险参保31.68万人"], 31.86 != 31.68)
add(r, "DEFECT", "SCORE_MISMATCH", "CMP", ["合计95.5分", "自评得分96.5分"], 95.5 != 96.5)
add(r, "DEFECT", "UNSUPPORTED_CLAIM", "TEXT", ["ü 通过优化经办服务，群众办事体验显著改善，社保经办服务水平全面提升，参保群众满意度持续提高。"], "nodigit")
add(r, "DEFECT", "PROBLEM_WITHOUT_MEASURE", "COUNT", ["稽核人员"], 1)
add(r, "DEFECT", "VAGUE_MEASURE", "TEXT", ["Ø 进一步加强资格认证工作，不断创新认证方式，切实提高认证工作质量和水平。"], "nodigit")
add(r, "DEFECT", "REPEATED_TEXT", "COUNT", ["全年开展基金稽核2,186人次"], 2)
add(r, "DEFECT", "RATE_OVER_100", "CMP", ["待遇社会化发放率100.5%"], 100.5 > 100)
add(r, "TRAP", "-", "NUM", ["其中基本支出452.16万元，项目支出186.31万元", "全年支出638.47万元"], (452.16 + 186.31, "638.47"))
add(r, "TRAP", "-", "NUM", ["预算执行率97.45%"], (638.47 / 655.20 * 100, "97.45"))
add(r, "TRAP", "-", "NUM", ["较上年末31.02万人增长2.71%"], ((31.86 - 31.02) / 31.02 * 100, "2.71"))
add(r, "TRAP", "-", "NUM", ["其中基础养老金3.38亿元、个人账户养老金0.74亿元"], (3.38 + 0.74, "4.12"))
add(r, "TRAP", "-", "NUM", ["较上年的8.0个工作日缩短1.5个工作日"], (8.0 - 6.5, "1.5"))
add(r, "TRAP", "-", "CMP", ["待遇核定平均办理时限6.5个工作日", "不超过10个工作日"], 6.5 <= 10)
add(r, "TRAP", "-", "NUM", ["决策14分、过程19.5分、产出38分、效益24分，合计95.5分"], (14 + 19.5 + 38 + 24, "95.5"))
add(r, "TRAP", "-", "NUM", ["仅占领取待遇人数的2.3%", "领取待遇9.64万人"], (2186 / 96400 * 100, "2.3"))
add(r, "TRAP", "-", "TEXT", ["属社会保险基金支出，不在本中心部门预算内"], "")

# ---------------- b28_xgyb ----------------
r = "b28_xgyb"
add(r, "DEFECT", "ARITHMETIC_MISMATCH", "NUM", ["资助资金1256.84万元，人均资助298.27元"], (1256.84 * 10000 / 43600, "298.27"))
add(r, "DEFECT", "SCORE_MISMATCH", "NUM", ["ZF=98.76"], (9.76 + 10 + 10 + 8 + 10 + 5 + 4 + 10 + 10 + 10 + 10, "98.76"))
add(r, "DEFECT", "CLAIM_CONTRADICTED", "CMP", ["救助资金已全部按时足额拨付到位", "救助资金按时拨付率|100%|97.6%", "38.14万元于2024年1月拨付"], 97.6 < 100)
add(r, "DEFECT", "INDICATOR_SHORTFALL", "CMP", ["政策范围内住院费用救助比例|≥70%|68.4%|10|10|达到目标"], 68.4 < 70)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "CMP", ["门诊慢特病救助人次|≥5000人次|4612人次|10|8|正在分析原因"], 4612 < 5000)
add(r, "DEFECT", "DEVIATION_UNEXPLAINED", "COUNT", ["门诊慢特病"], 1)
add(r, "DEFECT", "INDICATOR_NO_FIGURE", "TEXT", ["结算覆盖定点医疗机构数|≥36家|已实现全覆盖|5|5|"], "")
add(r, "DEFECT", "UNIT_MISMATCH", "TEXT", ["住院救助人次|≥2.6万人次|2.71万元|10|10|", "全年实施住院和门诊救助2.71万人次"], "")
add(r, "TRAP", "-", "NUM", ["中央补助资金|1120.00", "省级补助资金|260.00", "县级资金|140.00", "年度资金总额|1520.00"], (1120 + 260 + 140, "1520.00"))
add(r, "TRAP", "-", "NUM", ["|1168.00|", "|272.40|", "|146.00|", "|1586.40|"], (1168 + 272.40 + 146, "1586.40"))
add(r, "TRAP", "-", "NUM", ["|1142.30|", "|265.36|", "|140.60|", "|1548.26|"], (1142.30 + 265.36 + 140.60, "1548.26"))
add(r, "TRAP", "-", "NUM", ["|1548.26|10|97.60%"], (1548.26 / 1586.40 * 100, "97.60"))
add(r, "TRAP", "-", "NUM", ["97.60%|9.76"], (10 * 1548.26 / 1586.40, "9.76"))
add(r, "TRAP", "-", "NUM", ["38.14万元于2024年1月拨付"], (1586.40 - 1548.26, "38.14"))
add(r, "TRAP", "-", "CMP", ["资助参保人数|≥4.2万人|4.36万人"], 4.36 >= 4.2)
add(r, "TRAP", "-", "CMP", ["个人自付费用|≤1.2万元|0.96万元"], 0.96 <= 1.2)
add(r, "TRAP", "-", "CMP", ["救助覆盖率|100%|100%"], 100 >= 100)
add(r, "TRAP", "-", "CMP", ["救助对象满意度|≥90%|94.6%"], 94.6 >= 90)
add(r, "TRAP", "-", "NUM", ["|≥36家|已实现全覆盖|5|", "|97.6%|5|4|"], (10 + 10 + 10 + 10 + 10 + 5 + 5 + 10 + 10 + 10 + 10, "100"))
add(r, "TRAP", "-", "CMP", ["PJDJ=优", "总分90分（含）以上为优"], 96.76 >= 90 and 98.76 >= 90)

# ---------------- run ----------------
FIRST7 = ["ARITHMETIC_MISMATCH", "NUMBER_CONFLICT", "SCORE_MISMATCH", "CLAIM_CONTRADICTED", "INDICATOR_SHORTFALL",
          "DEVIATION_UNEXPLAINED", "UNSUPPORTED_CLAIM"]
bad = 0; texts = {}
for rep in sorted({x[0] for x in L}):
    texts[rep] = open(os.path.join(HERE, rep + ".txt"), encoding="utf-8").read()
for rep, kind, code, typ, snips, pay in L:
    t = norm(texts[rep]); ok = True; msg = ""
    for s in snips:
        if norm(s) not in t:
            ok = False; msg += f" MISSING[{s}]"
    if typ == "NUM":
        comp, written = pay
        eq = rnd(comp, written)
        if kind == "DEFECT" and eq: ok = False; msg += f" computed {comp:.4f} equals written {written}"
        if kind == "TRAP" and not eq: ok = False; msg += f" computed {comp:.4f} != written {written}"
        msg += f" [{comp:.4f} vs {written}]"
    elif typ == "CMP":
        if not pay: ok = False; msg += " test false"
    elif typ == "COUNT":
        n = t.count(norm(snips[0]))
        if n != pay: ok = False; msg += f" count {n} != {pay}"
        else: msg += f" [count {n}]"
    elif typ == "TEXT":
        if pay == "nodigit" and any(ch.isdigit() for ch in norm(snips[0])): ok = False; msg += " has digits"
    print(("OK  " if ok else "BAD ") + f"{rep} {kind} {code} {typ}{msg}")
    bad += (not ok)

tally = collections.Counter()
for rep, txt in texts.items():
    n = len(txt)
    if not 1500 <= n <= 6000: print(f"BAD {rep} length {n}"); bad += 1
    else: print(f"OK  {rep} length {n}")
    g = yaml.safe_load(open(os.path.join(HERE, rep + ".yaml"), encoding="utf-8"))
    codes = [f["code"] for f in g["findings"]]
    dcodes = {c for (r_, k, c, *_r) in L if r_ == rep and k == "DEFECT"}
    if len(codes) != 7 or len(set(codes)) != 7 or set(codes) != dcodes:
        print(f"BAD {rep} gold codes {codes} vs DEFECT codes {sorted(dcodes)}"); bad += 1
    for f in g["findings"]:
        if not f.get("where") or not f.get("why"): print(f"BAD {rep} finding without where/why"); bad += 1
    clean = set(g.get("clean", []))
    for f in g["findings"]:
        if clean & set(f["where"]): print(f"BAD {rep} clean overlaps {f['where']}"); bad += 1
    tally.update(codes)
for c in FIRST7:
    if tally[c] != 4: print(f"BAD tally {c} {tally[c]}"); bad += 1
for c, n in tally.items():
    if c not in FIRST7 and n != 2: print(f"BAD tally {c} {n}"); bad += 1
if sum(tally.values()) != 56 or len(tally) != 21: print(f"BAD total {sum(tally.values())} codes {len(tally)}"); bad += 1
print(f"{len(L)} lines, tally {dict(sorted(tally.items()))}")
print("ALL AS PLANTED" if bad == 0 else f"{bad} PROBLEM(S)")
sys.exit(0 if bad == 0 else 1)
