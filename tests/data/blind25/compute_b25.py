#!/usr/bin/env python3
"""Re-run every computation planted in the blind25 reports (defects and traps) and check that each
snippet quoted occurs verbatim in its report (full-width digits, 「．」 and 「％」 normalised on both sides).

NUM lines: the computed value, rounded half-up at the precision written, is compared with the figure the
report writes; a DEFECT must differ, a TRAP must be equal.  CMP lines: a condition computed here (met / not
met, part vs whole, grade vs scale, repetition count …); a DEFECT condition states the defect, a TRAP
condition states that the text is right; both must hold.  Exit 0 when every line is as planted."""
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％，', '0123456789.%,')


def norm(s):
    return s.translate(FW)


def rnd(x, nd):
    q = Decimal(1).scaleb(-nd)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)


def grade(s):
    return '优' if s >= 90 else '良' if s >= 80 else '中' if s >= 60 else '差'


R = {}


def report(name):
    R[name] = []
    return R[name].append


# ---------------------------------------------------------------- b25_lthb
a = report('b25_lthb')
a(('DEFECT', 'ARITHMETIC_MISMATCH', 'NUM', '预算执行率96.79%', 1772.35 / 1846.72 * 100, '96.79', 2))
a(('TRAP', 'sum', 'NUM', '调整预算1,846.72万元', 1712.40 + 134.32, '1846.72', 2))
a(('TRAP', 'sum', 'NUM', '其中基本支出1,203.58万元，项目支出568.77万元', 1203.58 + 568.77, '1772.35', 2))
a(('TRAP', 'rate', 'NUM', '参保率96.09%', 52.87 / 55.02 * 100, '96.09', 2))
a(('TRAP', 'met', 'CMP', '全年城乡居民医保参保52.87万人', 52.87 >= 52.80 and 96.09 >= 95))
a(('TRAP', 'sum', 'NUM', '追回及处罚共计186.42万元', 142.30 + 44.12, '186.42', 2))
a(('TRAP', 'growth', 'NUM', '较上年的3.08万人次增长38.6%', (4.27 / 3.08 - 1) * 100, '38.6', 1))
a(('TRAP', 'met', 'CMP', '报销比例71.3%', 71.3 >= 70))
a(('TRAP', 'met', 'CMP', '即办率93.6%', 93.6 >= 90))
a(('TRAP', 'grade', 'CMP', '自评得分94.6分，等级为“优”', grade(94.6) == '优'))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '全年检查定点医药机构236家', 236 != 263))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '全年对263家定点医药机构开展现场检查', True))
a(('DEFECT', 'CITATION_MALFORMED', 'CMP', '罗办发〔19〕27号', len('19') != 4))
a(('DEFECT', 'NAME_VARIANT', 'CMP', '罗田县医疗保证局', True))
a(('DEFECT', 'UNSUPPORTED_CLAIM', 'CMP', '全县医疗保障事业取得显著成效，医保服务群众满意度明显提升', True))
a(('DEFECT', 'GOAL_WITHOUT_OUTCOME', 'CMP', 'DRG付费住院病例数占比不低于70%', True))
a(('DEFECT', 'VAGUE_MEASURE', 'CMP', '进一步提高政治站位，切实增强责任意识，持续加大宣传力度', True))

# ---------------------------------------------------------------- b25_qxjy
a = report('b25_qxjy')
a(('DEFECT', 'SCORE_MISMATCH', 'NUM', '总分：97.15', 9.66 + 48.49 + 30 + 10, '97.15', 2))
a(('TRAP', 'subtotal', 'NUM', '产出指标（50分）　小计得分：48.49', 10 + 8 + 7.13 + 7.36 + 8 + 8, '48.49', 2))
a(('TRAP', 'sum', 'NUM', '全年预算数：412.50', 260.00 + 90.00 + 62.50, '412.50', 2))
a(('TRAP', 'sum', 'NUM', '全年执行数：398.62', 254.30 + 86.72 + 57.60, '398.62', 2))
a(('TRAP', 'rate', 'NUM', '执行率：96.64%', 398.62 / 412.50 * 100, '96.64', 2))
a(('TRAP', 'score', 'NUM', '分值：10　得分：9.66', 10 * 398.62 / 412.50, '9.66', 2))
a(('TRAP', 'score', 'NUM', '完成值：138人次　分值：8　得分：7.36', 8 * 138 / 150, '7.36', 2))
a(('TRAP', 'score', 'NUM', '完成值：41所　分值：8　得分：7.13', 8 * 41 / 46, '7.13', 2))
a(('TRAP', 'weights', 'CMP', '绩效指标（满分100分）', 10 + 50 + 30 + 10 == 100))
a(('TRAP', 'met', 'CMP', '指标值：≥46所　完成值：46所', 46 >= 46))
a(('TRAP', 'met', 'CMP', '指标值：≤1起　完成值：0起', 0 <= 1))
a(('TRAP', 'grade', 'CMP', '评价等级：优', grade(97.15) == '优' and grade(98.15) == '优'))
a(('DEFECT', 'INDICATOR_SHORTFALL', 'CMP', '完成值：97.8%　分值：8　得分：8　偏差原因：已达到年度目标', 97.8 < 100))
a(('DEFECT', 'DEVIATION_UNEXPLAINED', 'CMP', '指标值：≥46所　完成值：41所　分值：8　得分：7.13　偏差原因：\n', 41 < 46))
a(('DEFECT', 'INDICATOR_NO_FIGURE', 'CMP', '完成值：按期完成', True))
a(('DEFECT', 'RATE_OVER_100', 'CMP', '完成值：102.4%', 102.4 > 100))
a(('DEFECT', 'UNIT_MISMATCH', 'CMP', '指标值：≥560个　完成值：58.24万元', True))
a(('DEFECT', 'UNFILLED_FORM', 'CMP', '完成值：（定性指标，请填写完成情况描述）', True))

# ---------------------------------------------------------------- b25_tnrm
a = report('b25_tnrm')
W = [0.15, 0.15, 0.30, 0.20, 0.10, 0.10]
S = [92.0, 95.0, 94.5, 90.0, 88.0, 96.0]
a(('DEFECT', 'SCORE_MISMATCH', 'NUM', '综合得分93.8分', sum(w * s for w, s in zip(W, S)), '93.8', 1))
a(('TRAP', 'weights', 'CMP', '（权重30%，维度得分94.5分）', abs(sum(W) - 1) < 1e-9))
a(('DEFECT', 'ARITHMETIC_MISMATCH', 'NUM', '占单位总支出1,236.80万元的7.99%', 86.42 / 1236.80 * 100, '7.99', 2))
a(('TRAP', 'sum', 'NUM', '调整预算1,268.40万元', 1186.50 + 81.90, '1268.40', 2))
a(('TRAP', 'sum', 'NUM', '其中基本支出852.36万元，项目支出384.44万元', 852.36 + 384.44, '1236.80', 2))
a(('TRAP', 'rate', 'NUM', '预算执行率97.51%', 1236.80 / 1268.40 * 100, '97.51', 2))
a(('TRAP', 'decrease', 'NUM', '较上年5.42万元下降10.3%', (5.42 - 4.86) / 5.42 * 100, '10.3', 1))
a(('TRAP', 'growth', 'NUM', '较上年5,930条增长15.4%', (6842 / 5930 - 1) * 100, '15.4', 1))
a(('TRAP', 'met', 'CMP', '新媒体平台发稿6,842条', 6842 >= 6000 and 412 >= 400 and 36 < 412))
a(('TRAP', 'met', 'CMP', '全年引进专业技术人员4名，组织业务培训12期', 4 >= 3 and 12 >= 10))
a(('TRAP', 'rate', 'NUM', '满意度95.17%', 571 / 600 * 100, '95.17', 2))
a(('TRAP', 'hours', 'CMP', '全年安全播出8,760小时', 365 * 24 == 8760))
a(('TRAP', 'grade', 'CMP', '等级为“优”（90分及以上为优）', grade(93.8) == '优' and grade(92.8) == '优'))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '固定资产账实相符率100%，年末盘点无差异', True))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '年末盘点发现2023年新购的3台摄像机、1套无人机未及时登记入账', True))
a(('DEFECT', 'UNSUPPORTED_CLAIM', 'CMP', '社会反响热烈', True))
a(('DEFECT', 'REPEATED_TEXT', 'COUNT', '持续推进“中央厨房”采编发流程再造，', 2))
a(('DEFECT', 'DUPLICATE_PARAGRAPH', 'COUNT', '委托第三方机构开展受众满意度调查，发放问卷600份，回收有效问卷600份，表示满意的571份，满意度95.17%，高于90%的年度目标。', 2))
a(('DEFECT', 'PROBLEM_WITHOUT_MEASURE', 'CMP', '技术设备老化', True))

# ---------------------------------------------------------------- b25_hxjg
a = report('b25_hxjg')
a(('DEFECT', 'SCORE_MISMATCH', 'NUM', '合计\t\t\t100\t\t\t\t1.34', 0.36 + 0.5 + 0.98 + 0.5, '1.34', 2))
a(('DEFECT', 'SCORE_MISMATCH', 'NUM', '自评得分\t98.66', 100 - (0.36 + 0.5 + 0.98 + 0.5), '98.66', 2))
a(('DEFECT', 'INDICATOR_SHORTFALL', 'CMP', '≥95%\t94.2%（已达标）\t0', 94.2 < 95))
a(('TRAP', 'rate', 'NUM', '综合利用45.78万吨', 45.78 / 48.60 * 100, '94.2', 1))
a(('DEFECT', 'DEVIATION_UNEXPLAINED', 'CMP', '≥6.5万吨\t5.86万吨\t0.98\t无', 5.86 < 6.5))
a(('TRAP', 'score', 'NUM', '5.86万吨\t0.98', 10 * (1 - 5.86 / 6.5), '0.98', 2))
a(('DEFECT', 'ARITHMETIC_MISMATCH', 'NUM', '按40元/吨补助5.86万吨，兑付补贴243.40万元', 5.86 * 40, '243.40', 2))
a(('DEFECT', 'IMPLAUSIBLE_MAGNITUDE', 'CMP', '≥45万亩\t72.6万亩', 72.6 > 64.2))
a(('DEFECT', 'IMPLAUSIBLE_MAGNITUDE', 'CMP', '播种面积64.2万亩', True))
a(('DEFECT', 'INDICATOR_NO_FIGURE', 'CMP', '≥8个\t已完成建设', True))
a(('DEFECT', 'DATE_OUT_OF_PERIOD', 'CMP', '2023年12月31日前\t2022年11月28日', 2022 < 2023))
a(('TRAP', 'sum', 'NUM', '全年预算数\t486.00', 360.00 + 126.00, '486.00', 2))
a(('TRAP', 'sum', 'NUM', '全年执行数\t468.36', 351.20 + 117.16, '468.36', 2))
a(('TRAP', 'rate', 'NUM', '执行率×分值\t100%\t96.37%', 468.36 / 486.00 * 100, '96.37', 2))
a(('TRAP', 'score', 'NUM', '96.37%\t0.36', 10 - 10 * 0.9637, '0.36', 2))
a(('TRAP', 'score', 'CMP', '≥90%\t89.0%\t0.5\t部分农户反映还田补助兑付周期较长', (90 - 89.0) * 0.5 == 0.5))
a(('TRAP', 'weights', 'CMP', '决策（15分）', 15 + 15 + 40 + 20 + 10 == 100))
a(('TRAP', 'met', 'CMP', '≤3个\t0个', 0 <= 3))
a(('TRAP', 'grade', 'CMP', '评价等级\t优', grade(98.66) == '优' and grade(97.66) == '优'))
a(('TRAP', 'prior-year date', 'CMP', '绩效目标于2022年10月随预算申报编制', True))

# ---------------------------------------------------------------- b25_jazj
a = report('b25_jazj')
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '调整预算数更正为2,386.45万元', 2386.45 != 2368.45))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '调整预算2,368.45万元', abs(2148.60 + 219.85 - 2368.45) < 0.005 and 2386.45 != 2368.45))
a(('TRAP', 'sum', 'NUM', '其中基本支出1,086.72万元，项目支出1,210.42万元', 1086.72 + 1210.42, '2297.14', 2))
a(('TRAP', 'rate', 'NUM', '预算执行率96.99%', 2297.14 / 2368.45 * 100, '96.99', 2))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '年度绩效目标全部完成', 10 < 12 and 1532 < 1860))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '全年完成10个城镇老旧小区改造，惠及居民1,532户', True))
a(('DEFECT', 'UNSUPPORTED_CLAIM', 'CMP', '群众获得感、幸福感、安全感显著增强', True))
a(('DEFECT', 'OUTCOME_RESTATES_GOAL', 'CMP', '我局持续加强建筑施工安全生产监管，确保全年不发生较大及以上建筑施工安全事故，施工现场扬尘管控达标率不低于95%。', True))
a(('DEFECT', 'DUPLICATE_PARAGRAPH', 'COUNT', '加快推进县城供水管网改造，全年新建改造供水管网不少于18公里，城区公共供水普及率稳定在98%以上。', 2))
a(('DEFECT', 'NAME_VARIANT', 'CMP', '靖按县城区', True))
a(('DEFECT', 'UNFILLED_FORM', 'CMP', '自评得分为【　　】分，等级为【　　】', True))
a(('TRAP', 'met', 'CMP', '全年分配棚户区改造安置住房326套', 326 >= 326))
a(('TRAP', 'met', 'CMP', '供水管网19.6公里，城区公共供水普及率98.4%', 19.6 >= 18 and 98.4 >= 98))
a(('TRAP', 'fall', 'CMP', '管网漏损率由上年的14.2%降至11.8%', 11.8 < 14.2 and 11.8 > 10))
a(('TRAP', 'part', 'CMP', '发现C、D级危房86户', 86 < 23600))

# ---------------------------------------------------------------- b25_scsc
a = report('b25_scsc')
F = [2860.00, 1246.80, 1085.40, 642.60]
SELF = [96.5, 95.0, 93.2, 97.0]
EVAL = [84.6, 78.5, 91.3, 89.2]
a(('DEFECT', 'ARITHMETIC_MISMATCH', 'NUM', '本次评价涉及资金合计5,843.80万元', sum(F), '5843.80', 2))
a(('DEFECT', 'SCORE_MISMATCH', 'CMP', '97.0\t89.2\t优', grade(89.2) != '优'))
a(('DEFECT', 'SCORE_MISMATCH', 'CMP', '评价等级为优的2个、良1个、中1个', [grade(x) for x in EVAL].count('优') == 1))
a(('TRAP', 'grade', 'CMP', '96.5\t84.6\t良', grade(84.6) == '良' and grade(78.5) == '中' and grade(91.3) == '优'))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '城区生活垃圾收运处置服务经费项目重点评价得分76.5分', 76.5 != 78.5))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '95.0\t78.5\t中', True))
a(('TRAP', 'average', 'NUM', '单位自评平均得分95.43分', sum(SELF) / 4, '95.43', 2))
a(('TRAP', 'average', 'NUM', '重点评价平均得分85.90分', sum(EVAL) / 4, '85.90', 2))
a(('TRAP', 'difference', 'NUM', '自评平均高出9.53分', 95.43 - 85.90, '9.53', 2))
a(('TRAP', 'difference', 'NUM', '平均得分高出重点评价得分9.53分', 95.43 - 85.90, '9.53', 2))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '各项目资金均已足额拨付到位', 126.30 > 0))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '尚有126.30万元未拨付至乡镇', 126.30 < 1085.40))
a(('DEFECT', 'CITATION_MALFORMED', 'CMP', '遂府办字2021〕18号', '〔' not in '遂府办字2021〕18号'))
a(('DEFECT', 'VAGUE_MEASURE', 'CMP', '各单位要进一步提高认识，切实加强资金管理，不断提升资金使用效益', True))
a(('DEFECT', 'PROBLEM_WITHOUT_MEASURE', 'CMP', '合同约定的月度考核扣款全年未执行', True))

# ---------------------------------------------------------------- b25_mcxj
a = report('b25_mcxj')
a(('DEFECT', 'INDICATOR_SHORTFALL', 'CMP', '村庄保洁覆盖率（计划≥95%／实际93.8%／达标）', 93.8 < 95))
a(('DEFECT', 'DEVIATION_UNEXPLAINED', 'CMP', '户用分类垃圾桶发放（计划≥9,500只／实际8,760只／未达标）', 8760 < 9500))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '项目资金已全部支付完毕', 596.40 < 628.00))
a(('DEFECT', 'CLAIM_CONTRADICTED', 'CMP', '余31.60万元为工程质保金', abs(628.00 - 596.40 - 31.60) < 0.005))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '全年建成垃圾收集点46处', 46 != 48))
a(('DEFECT', 'NUMBER_CONFLICT', 'CMP', '新建垃圾收集点（计划48处／实际48处／达标）', True))
a(('DEFECT', 'IMPLAUSIBLE_MAGNITUDE', 'CMP', '受益农户18,600户', 18600 > 11240))
a(('DEFECT', 'IMPLAUSIBLE_MAGNITUDE', 'CMP', '户籍11,240户', True))
a(('DEFECT', 'DATE_OUT_OF_PERIOD', 'CMP', '确保2022年底前全镇18个行政村', 2022 < 2023))
a(('DEFECT', 'GOAL_WITHOUT_OUTCOME', 'CMP', '行政村生活污水治理率提高到35%以上', True))
a(('TRAP', 'sum', 'NUM', '项目总投资628.00万元', 480.00 + 148.00, '628.00', 2))
a(('TRAP', 'rate', 'NUM', '支付率94.97%', 596.40 / 628.00 * 100, '94.97', 2))
a(('TRAP', 'met-adjusted', 'CMP', '户厕改造户数（计划≥380户／实际386户／达标）', 386 >= 380 and 386 < 420))
a(('TRAP', 'met-adjusted', 'CMP', '坑塘整治数量（计划≥30口／实际31口／达标）', 31 >= 30 and 31 < 36))
a(('TRAP', 'adjustment', 'CMP', '≥420户\t≥380户\t40户', 420 - 380 == 40))
a(('TRAP', 'adjustment', 'CMP', '≥36口\t≥30口\t6口', 36 - 30 == 6))
a(('TRAP', 'met', 'CMP', '改厕验收合格率（计划100%／实际100%／达标）', 100 >= 100))
a(('TRAP', 'met', 'CMP', '村庄清洁行动验收（计划18个村／实际18个村／达标）', 18 >= 18))

# ---------------------------------------------------------------- b25_dhsx
a = report('b25_dhsx')
a(('DEFECT', 'INDICATOR_SHORTFALL', 'CMP', '学生体质健康测试合格率\t≥95%\t—（下半年测试）\t—\t94.1%\t是', 94.1 < 95))
a(('DEFECT', 'DEVIATION_UNEXPLAINED', 'CMP', '≥300人次\t128人次\t42.7%\t276人次\t否\t按计划推进', 276 < 300))
a(('DEFECT', 'UNSUPPORTED_CLAIM', 'CMP', '教育改革成效显著', True))
a(('DEFECT', 'RATE_OVER_100', 'CMP', '91.6%\t—\t103.2%\t是', 103.2 > 100))
a(('DEFECT', 'UNIT_MISMATCH', 'CMP', '≥650元/生\t68.40万元\t—\t142.66万元', True))
a(('TRAP', 'per-pupil', 'NUM', '生均公用经费659元', 142.66e4 / 2164, '659', 0))
a(('DEFECT', 'REPEATED_TEXT', 'COUNT', '开设科技、艺术、体育等特色课程，', 2))
a(('DEFECT', 'OUTCOME_RESTATES_GOAL', 'COUNT', '坚持师德为先、能力为重，组织教师全员培训不少于146人，参加市级以上培训不少于300人次，努力打造一支高素质专业化教师队伍。', 2))
a(('TRAP', 'sum', 'NUM', '调整预算2,612.75万元', 2486.30 + 126.45, '2612.75', 2))
a(('TRAP', 'sum', 'NUM', '其中基本支出2,216.48万元，项目支出331.58万元', 2216.48 + 331.58, '2548.06', 2))
a(('TRAP', 'rate', 'NUM', '预算执行率97.52%', 2548.06 / 2612.75 * 100, '97.52', 2))
a(('TRAP', 'progress', 'NUM', '≥40门\t36门\t90.0%', 36 / 40 * 100, '90.0', 1))
a(('TRAP', 'progress', 'NUM', '≥146人\t62人\t42.5%', 62 / 146 * 100, '42.5', 1))
a(('TRAP', 'progress', 'NUM', '≥300人次\t128人次\t42.7%', 128 / 300 * 100, '42.7', 1))
a(('TRAP', 'explained', 'CMP', '141人\t否\t5名教师因产假、病假未能参训', 141 < 146 and 146 - 141 == 5))
a(('TRAP', 'met', 'CMP', '0平方米\t0%\t1,200平方米\t是', 1200 >= 1200))
a(('TRAP', 'met', 'CMP', '42门\t是', 42 >= 40 and 96.3 >= 90))
a(('TRAP', 'grade', 'CMP', '自评得分93.5分，等级为“优”', grade(93.5) == '优'))


# ---------------------------------------------------------------- runner
MAIN7 = ['ARITHMETIC_MISMATCH', 'NUMBER_CONFLICT', 'SCORE_MISMATCH', 'CLAIM_CONTRADICTED',
         'INDICATOR_SHORTFALL', 'DEVIATION_UNEXPLAINED', 'UNSUPPORTED_CLAIM']
OTHER14 = ['INDICATOR_NO_FIGURE', 'UNIT_MISMATCH', 'IMPLAUSIBLE_MAGNITUDE', 'RATE_OVER_100', 'DATE_OUT_OF_PERIOD',
           'UNFILLED_FORM', 'GOAL_WITHOUT_OUTCOME', 'PROBLEM_WITHOUT_MEASURE', 'VAGUE_MEASURE', 'REPEATED_TEXT',
           'OUTCOME_RESTATES_GOAL', 'DUPLICATE_PARAGRAPH', 'NAME_VARIANT', 'CITATION_MALFORMED']


def gold_codes(name):
    """Codes of the findings in NAME.yaml (read without a YAML library: the `- code:` lines)."""
    codes = []
    with open(os.path.join(HERE, name + '.yaml'), encoding='utf-8') as fh:
        for line in fh:
            s = line.strip()
            if s.startswith('- code:'):
                codes.append(s.split(':', 1)[1].strip())
    return codes


def main():
    bad = 0
    n_def = n_trap = 0
    tally = {}
    for name, lines in R.items():
        with open(os.path.join(HERE, name + '.txt'), encoding='utf-8') as fh:
            text = norm(fh.read())
        nchar = len(text)
        if not 1500 <= nchar <= 6000:
            print(f'BAD  {name}: length {nchar} outside 1,500–6,000')
            bad += 1
        codes = gold_codes(name)
        for c in codes:
            tally[c] = tally.get(c, 0) + 1
        if len(codes) != 7 or len(set(codes)) != 7:
            print(f'BAD  {name}: gold has {len(codes)} findings, {len(set(codes))} distinct codes')
            bad += 1
        planted = {ln[1] for ln in lines if ln[0] == 'DEFECT'}
        if planted != set(codes):
            print(f'BAD  {name}: DEFECT lines cover {sorted(planted ^ set(codes))} differently from the gold')
            bad += 1
        for ln in lines:
            tag, label, kind, snippet = ln[0], ln[1], ln[2], ln[3]
            sn = norm(snippet)
            cnt = text.count(sn)
            ok_snip = cnt >= 1
            if kind == 'NUM':
                value, written, nd = ln[4], ln[5], ln[6]
                got = rnd(value, nd)
                equal = got == Decimal(written)
                ok = equal if tag == 'TRAP' else not equal
                detail = f'computed {got} written {written}'
            elif kind == 'CMP':
                ok = bool(ln[4])
                detail = f'condition {ln[4]}'
            elif kind == 'COUNT':
                ok = cnt == ln[4]
                detail = f'occurs {cnt} times (expected {ln[4]})'
            else:
                ok, detail = False, f'unknown kind {kind}'
            if tag == 'DEFECT':
                n_def += 1
            else:
                n_trap += 1
            status = 'ok  ' if ok and ok_snip else 'BAD '
            if not ok_snip:
                detail += '; SNIPPET NOT FOUND'
            if status == 'BAD ':
                bad += 1
            print(f'{status}{name} {tag:6} {label:24} {kind:5} {detail} | {snippet[:40]!r}')
    total = sum(tally.values())
    print(f'\n{n_def} DEFECT lines, {n_trap} TRAP lines; gold findings {total}')
    for c in MAIN7:
        if tally.get(c, 0) != 4:
            print(f'BAD  tally {c} = {tally.get(c, 0)} (want 4)')
            bad += 1
    for c in OTHER14:
        if tally.get(c, 0) < 2:
            print(f'BAD  tally {c} = {tally.get(c, 0)} (want >= 2)')
            bad += 1
    if total != 56:
        print(f'BAD  total {total} (want 56)')
        bad += 1
    print('ALL AS PLANTED' if not bad else f'{bad} problem(s)')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
