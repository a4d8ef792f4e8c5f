#!/usr/bin/env python3
"""Re-run every computation planted in the blind27 reports (defects and traps) and check each snippet is in its report.

NUM   lines: the value computed from the operands, rounded half-up at the written precision, is compared with the figure
      the report writes: a DEFECT must differ, a TRAP must be equal.
CMP   lines: a comparison (met / not met, part vs whole, score vs weight) that must hold as planted.
COUNT lines: how often a clause or paragraph occurs in the report.
Every line's snippet must occur verbatim in its report (NFKC-normalised on both sides, so full-width digits, 「．」「，」「％」
and brackets compare equal). Also checked: report length 1,500-6,000 characters, seven findings with seven different codes
per gold file, the DEFECT codes equal the gold codes, and the code tally of the set. Exit 0 when all is as planted.
"""
import sys, os, unicodedata, collections
from decimal import Decimal as D, ROUND_HALF_UP
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
def norm(s): return unicodedata.normalize('NFKC', s)
def q(x, p): return D(x).quantize(D(1).scaleb(-p), ROUND_HALF_UP)
def pct(a, b): return D(a) / D(b) * 100

LINES = []
def NUM(kind, rep, code, snip, value, written, prec=2): LINES.append(('NUM', kind, rep, code, snip, (value, written, prec)))
def CMP(kind, rep, code, snip, ok): LINES.append(('CMP', kind, rep, code, snip, ok))
def COUNT(kind, rep, code, snip, n): LINES.append(('COUNT', kind, rep, code, snip, n))
S = lambda *xs: sum(D(x) for x in xs)

# ---------------- b27_bxzj ----------------
r = 'b27_bxzj'
NUM('DEFECT', r, 'ARITHMETIC_MISMATCH', '项目总投资3,268.40万元', S('1942.00', '618.00', '698.40'), '3268.40')
CMP('DEFECT', r, 'INDICATOR_SHORTFALL', '【绿灯】农村危房改造：目标不少于86户，完成81户', 81 < 86 and pct(81, 86) < 100)
NUM('TRAP', r, None, '完成率94.19%', pct(81, 86), '94.19')
CMP('DEFECT', r, 'DEVIATION_UNEXPLAINED', '完成率75.56%。偏差说明：无。', D('13.6') < 18)
NUM('TRAP', r, None, '完成13.6公里，完成率75.56%', pct('13.6', 18), '75.56')
CMP('DEFECT', r, 'RATE_OVER_100', '完成100.6%', D('100.6') > 100)
NUM('DEFECT', r, 'SCORE_MISMATCH', '合计92.19分', S('9.69', '44.50', '27.00', '10.00'), '92.19')
CMP('DEFECT', r, 'UNFILLED_FORM', '自评等级：（根据自评得分填写优、良、中、差）', True)
CMP('DEFECT', r, 'GOAL_WITHOUT_OUTCOME', '建成“智慧工地”监管平台', True)
COUNT('DEFECT', r, 'GOAL_WITHOUT_OUTCOME', '智慧工地', 1)
NUM('TRAP', r, None, '其中基本支出1,846.32万元，项目支出5,071.92万元', S('1846.32', '5071.92'), '6918.24')
NUM('TRAP', r, None, '预算执行率96.94%', pct('6918.24', '7136.80'), '96.94')
NUM('TRAP', r, None, '预算执行得分9.69分', D('6918.24') / D('7136.80') * 10, '9.69')
CMP('TRAP', r, None, '“三公”经费支出12.36万元，控制在年初预算14.00万元以内', D('12.36') <= D('14.00'))
NUM('TRAP', r, None, '完成228次，完成率95.00%', pct(228, 240), '95.00')
CMP('TRAP', r, None, '11月起县城3个在建项目因资金问题停工', pct(228, 240) >= 80)
CMP('TRAP', r, None, '全年较大及以上生产安全事故0起', 0 <= 0)
CMP('TRAP', r, None, '目标12个，完成12个，惠及居民2,486户', 12 >= 12 and 2486 >= 2400)
NUM('TRAP', r, None, '合格248组，合格率99.20%', pct(248, 250), '99.20')
NUM('TRAP', r, None, '满意的547份，满意度93.99%', pct(547, 582), '93.99')
CMP('TRAP', r, None, '满意度93.99%', pct(547, 582) >= 90)

# ---------------- b27_hnez ----------------
r = 'b27_hnez'
CMP('DEFECT', r, 'NUMBER_CONFLICT', '全校2,064名学生', 2064 != 2046)
CMP('DEFECT', r, 'NUMBER_CONFLICT', '2023年在校学生2,046人', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '校舍维修项目已于10月底全部完工并通过验收投入使用', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '至12月底完成工程量的70%', 70 < 100)
CMP('DEFECT', r, 'UNSUPPORTED_CLAIM', '学校教育教学质量显著提升，学生综合素质全面增强', True)
CMP('DEFECT', r, 'NAME_VARIANT', '由惠宁县第二中学总务处', True)
COUNT('DEFECT', r, 'REPEATED_TEXT', '资金做到了专款专用', 2)
CMP('DEFECT', r, 'DATE_OUT_OF_PERIOD', '学校于2022年11月完成理化生实验室设备更新', 2022 < 2023)
CMP('DEFECT', r, 'CITATION_MALFORMED', '（会财教〔23〕15号）', len('23') != 4)
NUM('TRAP', r, None, '按生均1,000元标准安排，共计204.60万元', D(2046) * 1000 / 10000, '204.60')
NUM('TRAP', r, None, '其中上级资金153.45万元，县级资金51.15万元', S('153.45', '51.15'), '204.60')
NUM('TRAP', r, None, '上级资金153.45万元', D('204.60') * D('0.75'), '153.45')
NUM('TRAP', r, None, '两项合计290.60万元', S('204.60', '86.00'), '290.60')
NUM('TRAP', r, None, '全年实际支出279.08万元', S('198.72', '80.36'), '279.08')
NUM('TRAP', r, None, '预算执行率96.04%', pct('279.08', '290.60'), '96.04')
NUM('TRAP', r, None, '生均公用经费结余5.88万元', D('204.60') - D('198.72'), '5.88')
NUM('TRAP', r, None, '设备维护费22.53万元', S('31.26', '58.40', '62.18', '24.35', '22.53'), '198.72')
NUM('TRAP', r, None, '占生均公用经费支出的29.39%', pct('58.40', '198.72'), '29.39')
NUM('TRAP', r, None, '合格1,858人，合格率90.0%', pct(1858, 2064), '90.0', 1)
CMP('TRAP', r, None, '完成维修面积3,600平方米', 3600 >= 3600)
CMP('TRAP', r, None, '（甘财教〔2023〕41号）', True)
CMP('TRAP', r, None, '七、其他需要说明的问题本年度无其他需要说明的事项。', True)

# ---------------- b27_xmsl ----------------
r = 'b27_xmsl'
NUM('DEFECT', r, 'ARITHMETIC_MISMATCH', '386.00\t371.52\t执行率96.52%', pct('371.52', '386.00'), '96.52')
NUM('DEFECT', r, 'SCORE_MISMATCH', '8\t8\t7\t7\t7.67', (D(8) + 7 + 7) / 3, '7.67')
NUM('DEFECT', r, 'SCORE_MISMATCH', '97.62\t95.62\t93.62\t93.62\t94.63', S('95.62', '93.62', '93.62') / 3, '94.63')
CMP('DEFECT', r, 'INDICATOR_SHORTFALL', '渠道清淤长度\t10\t≥42公里\t39.6公里\t达到预期\t10', D('39.6') < 42)
CMP('DEFECT', r, 'DEVIATION_UNEXPLAINED', '≥95%\t91.3%\t正常波动', D('91.3') < 95)
CMP('DEFECT', r, 'INDICATOR_NO_FIGURE', '塘坝维修数量\t10\t≥24座\t按计划完成', True)
CMP('DEFECT', r, 'UNIT_MISMATCH', '≤80元/亩\t76.5万元', True)
CMP('DEFECT', r, 'UNFILLED_FORM', '2.主要扣分原因：（逐项列明扣分指标及扣分理由）', True)
NUM('TRAP', r, None, '260.00\t251.42\t执行率96.70%', pct('251.42', '260.00'), '96.70')
NUM('TRAP', r, None, '126.00\t120.10\t执行率95.32%', pct('120.10', '126.00'), '95.32')
NUM('TRAP', r, None, '386.00\t371.52', S('251.42', '120.10'), '371.52')
NUM('TRAP', r, None, '年度资金总额\t\t10\t386.00', S('260.00', '126.00'), '386.00')
NUM('TRAP', r, None, '执行率96.52%\t9.62\t9.62\t9.62\t9.62\t9.62', D('371.52') / D('386.00') * 10, '9.62')
NUM('TRAP', r, None, '合计\t\t\t100', S(10, 10, 10, 10, 10, 10, 5, 5, 10, 10, 10), '100', 0)
NUM('TRAP', r, None, '单位自评得分：97.62分', S('9.62', 10, 10, 10, 10, 8, 5, 5, 10, 10, 10), '97.62')
NUM('TRAP', r, None, '\t97.62\t95.62\t', S('9.62', 9, 10, 10, 10, 8, 5, 4, 10, 10, 10), '95.62')
NUM('TRAP', r, None, '95.62\t93.62\t93.62', S('9.62', 9, 10, 10, 10, 7, 5, 4, 10, 10, 9), '93.62')
NUM('TRAP', r, None, '95.62\t93.62\t93.62', S('9.62', 9, 9, 10, 10, 7, 5, 4, 10, 10, 10), '93.62')
NUM('TRAP', r, None, '10\t10\t9\t9.67', (D(10) + 10 + 9) / 3, '9.67')
NUM('TRAP', r, None, '10\t9\t10\t9.67', (D(10) + 9 + 10) / 3, '9.67')
NUM('TRAP', r, None, '达到预期\t10\t9\t9\t9\t9.00', (D(9) + 9 + 9) / 3, '9.00')
NUM('TRAP', r, None, '5\t4\t4\t4\t4.00', (D(4) + 4 + 4) / 3, '4.00')
NUM('TRAP', r, None, '单位自评得分偏高2.99分', D('97.62') - D('94.63'), '2.99')
CMP('TRAP', r, None, '16座\t16座', 16 >= 16)
CMP('TRAP', r, None, '≥0.58\t0.58', D('0.58') >= D('0.58'))
CMP('TRAP', r, None, '≥95%\t97.5%', D('97.5') >= 95)
CMP('TRAP', r, None, '≥6.5万亩\t6.82万亩', D('6.82') >= D('6.5'))
CMP('TRAP', r, None, '≥90%\t94.6%', D('94.6') >= 90)
CMP('TRAP', r, None, '复核等级\t\t\t\t\t\t\t优', D('97.62') >= 90 and D('94.29') >= 90)

# ---------------- b27_pgsl ----------------
r = 'b27_pgsl'
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '我局年度绩效目标全部完成', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '实际完成水土流失综合治理7.2平方公里', D('7.2') < D('8.5'))
CMP('DEFECT', r, 'NUMBER_CONFLICT', '工程受益人口3.24万人', D('3.24') != D('3.42'))
CMP('DEFECT', r, 'NUMBER_CONFLICT', '受益人口3.42万人，全市农村自来水普及率', True)
CMP('DEFECT', r, 'UNSUPPORTED_CLAIM', '群众获得感、幸福感和安全感显著增强', True)
CMP('DEFECT', r, 'PROBLEM_WITHOUT_MEASURE', '未设置工程质量指标', True)
COUNT('DEFECT', r, 'PROBLEM_WITHOUT_MEASURE', '针对第3个问题', 0)
CMP('DEFECT', r, 'VAGUE_MEASURE', '我局将进一步加强资金管理，切实提高资金使用效益，压紧压实工作责任', True)
COUNT('DEFECT', r, 'DUPLICATE_PARAGRAPH', '全年排查河湖“清四乱”问题46个，完成整治销号46个，销号率100%，右江干流及主要支流河道面貌明显改善。', 2)
CMP('DEFECT', r, 'OUTCOME_RESTATES_GOAL', '全年计划完成水土流失综合治理8.5平方公里，确保', True)
NUM('TRAP', r, None, '其中基本支出1,124.58万元，项目支出2,961.73万元', S('1124.58', '2961.73'), '4086.31')
NUM('TRAP', r, None, '预算执行率97.00%', pct('4086.31', '4212.56'), '97.00')
NUM('TRAP', r, None, '完成年度目标的84.71%', pct('7.2', '8.5'), '84.71')
NUM('TRAP', r, None, '剩余1.3平方公里', D('8.5') - D('7.2'), '1.3', 1)
NUM('TRAP', r, None, '销号46个，销号率100%', pct(46, 46), '100', 0)
CMP('TRAP', r, None, '全市农村自来水普及率达到91.6%', D('91.6') >= 90)
CMP('TRAP', r, None, '主体工程均于5月底前完工', True)
CMP('TRAP', r, None, '（平审调〔2024〕6号）', True)

# ---------------- b27_xsz ----------------
r = 'b27_xsz'
NUM('DEFECT', r, 'ARITHMETIC_MISMATCH', '全年实际支出20,742,608.35元,预算执行率96.89%', pct('20742608.35', '21386415.60'), '96.89')
CMP('DEFECT', r, 'NUMBER_CONFLICT', '全镇136名生态护林员', 136 != 126)
CMP('DEFECT', r, 'NUMBER_CONFLICT', '全年聘用生态护林员126名', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '各类惠民惠农补贴资金均已足额发放到户', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '尚有37户耕地地力保护补贴', 37 > 0)
CMP('DEFECT', r, 'INDICATOR_SHORTFALL', '较上年增长4.2%,达到控制目标', D('4.2') > 3)
NUM('DEFECT', r, 'UNIT_MISMATCH', '补助资金共计47.70元', D(318) * 1500, '47.70')
CMP('DEFECT', r, 'IMPLAUSIBLE_MAGNITUDE', '完成人居环境整治村14个', 14 > 11)
CMP('DEFECT', r, 'IMPLAUSIBLE_MAGNITUDE', '辖11个村民委员会', True)
CMP('DEFECT', r, 'DATE_OUT_OF_PERIOD', '确保2022年底前完成全镇11个村人居环境整治提升', 2022 < 2023)
NUM('TRAP', r, None, '其中基本支出9,846,215.42元,项目支出10,896,392.93元', S('9846215.42', '10896392.93'), '20742608.35')
NUM('TRAP', r, None, '其中一般公共预算财政拨款收入20,168,215.60元、上级补助收入1,218,200.00元', S('20168215.60', '1218200.00'), '21386415.60')
NUM('TRAP', r, None, '发放护林员补助1,260,000.00元', D(126) * 10000, '1260000.00')
NUM('TRAP', r, None, '较上年增长4.2%', (D('1340428.80') - D('1286400.00')) / D('1286400.00') * 100, '4.2', 1)
NUM('TRAP', r, None, '11个村共拨付660,000.00元', D(11) * 60000, '660000.00')
NUM('TRAP', r, None, '满意1,302份,满意度95.38%', pct(1302, 1365), '95.38')
CMP('TRAP', r, None, '全镇森林覆盖率62.4%', D('62.4') >= 62)
CMP('TRAP', r, None, '“三公”经费支出86,420.00元,全部为公务用车运行维护费', True)

# ---------------- b27_ctxj ----------------
r = 'b27_ctxj'
CMP('DEFECT', r, 'UNSUPPORTED_CLAIM', '全县脱贫群众的获得感、幸福感明显增强', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '今年186个项目全部按期完工、全部发挥效益', True)
CMP('DEFECT', r, 'CLAIM_CONTRADICTED', '延至2024年1月才完工', True)
CMP('DEFECT', r, 'DEVIATION_UNEXPLAINED', '脱贫人口和监测对象务工就业1.16万人', D('1.16') < D('1.2'))
CMP('DEFECT', r, 'GOAL_WITHOUT_OUTCOME', '村级集体经济年经营性收入10万元以上的村占比达到60%以上', True)
COUNT('DEFECT', r, 'GOAL_WITHOUT_OUTCOME', '集体经济', 1)
COUNT('DEFECT', r, 'REPEATED_TEXT', '坚持资金跟着项目走', 2)
CMP('DEFECT', r, 'OUTCOME_RESTATES_GOAL', '今年我们的任务是新建改建农村产业路96公里', True)
CMP('DEFECT', r, 'VAGUE_MEASURE', '二是进一步提高思想认识，持续压紧压实责任，久久为功、常抓不懈', True)
NUM('TRAP', r, None, '其中中央资金14,320万元、省级资金5,460万元、市级资金1,285万元、县级资金2,800万元', S(14320, 5460, 1285, 2800), '23865', 0)
NUM('TRAP', r, None, '统筹安排衔接资金2.3865亿元', D(23865) / 10000, '2.3865', 4)
NUM('TRAP', r, None, '支出进度96.82%', pct('23106.42', 23865), '96.82')
NUM('TRAP', r, None, '13,482.60万元，占比56.50%', pct('13482.60', 23865), '56.50')
CMP('TRAP', r, None, '占比56.50%', pct('13482.60', 23865) >= 55)
NUM('TRAP', r, None, '其中县内就业0.52万人、县外就业0.64万人', S('0.52', '0.64'), '1.16')
NUM('TRAP', r, None, '其中评为优的178个、良的8个', S(178, 8), '186', 0)

# ---------------- b27_zlt ----------------
r = 'b27_zlt'
CMP('DEFECT', r, 'SCORE_MISMATCH', '满意度指标（10分）得分10.5分', D('10.5') > 10)
NUM('DEFECT', r, 'ARITHMETIC_MISMATCH', '人员经费1,126.80万元，占实际支出的39.83%', pct('1126.80', '2861.42'), '39.83')
CMP('DEFECT', r, 'UNSUPPORTED_CLAIM', '城市知名度和美誉度大幅提升', True)
COUNT('DEFECT', r, 'DUPLICATE_PARAGRAPH', '（三）成功举办扎兰屯市第十二届“吊桥杯”篮球赛、秀水湖冰雪嘉年华、雅鲁河龙舟邀请赛等群众性体育赛事活动32项，参赛群众2.3万人次，带动周边住宿、餐饮等消费，全民健身氛围日益浓厚。', 2)
CMP('DEFECT', r, 'NAME_VARIANT', '（一）札兰屯市乡镇综合文化站', True)
COUNT('DEFECT', r, 'NAME_VARIANT', '札兰屯', 1)
CMP('DEFECT', r, 'CITATION_MALFORMED', '（扎财预〔2023 12号）', True)
CMP('DEFECT', r, 'RATE_OVER_100', '覆盖率102.5%', D('102.5') > 100)
NUM('TRAP', r, None, '公用经费642.35万元；项目支出1,092.27万元', S('1126.80', '642.35', '1092.27'), '2861.42')
NUM('TRAP', r, None, '预算执行率97.10%', pct('2861.42', '2946.75'), '97.10')
NUM('TRAP', r, None, '预算执行（20分）得分19.42分', D('2861.42') / D('2946.75') * 20, '19.42')
NUM('TRAP', r, None, '合计97.72分', S('19.42', '38.6', '29.2', '10.5'), '97.72')
NUM('TRAP', r, None, '预算执行（20分）', S(20, 40, 30, 10), '100', 0)
CMP('TRAP', r, None, '“文化惠民”演出126场', 126 >= 120)
CMP('TRAP', r, None, '体育赛事活动32项', 32 >= 30)
CMP('TRAP', r, None, '免费开放均为306天', 306 >= 300)
CMP('TRAP', r, None, '（扎财绩〔2024〕3号）', True)

# ---------------- b27_syzy ----------------
r = 'b27_syzy'
CMP('DEFECT', r, 'NUMBER_CONFLICT', '全院门诊量达到36.2万人次', D('36.2') != D('32.6'))
CMP('DEFECT', r, 'NUMBER_CONFLICT', '2023年医院门诊32.6万人次', True)
CMP('DEFECT', r, 'INDICATOR_SHORTFALL', '全年两个专科平均住院日8.9天，达标', D('8.9') > D('8.5'))
CMP('DEFECT', r, 'DEVIATION_UNEXPLAINED', '完成4,820人次，完成率80.33%。偏差原因：暂无。', 4820 < 6000)
NUM('DEFECT', r, 'SCORE_MISMATCH', '项目加权综合得分91.23分', S('34.50', '30.98', '24.75'), '91.23')
CMP('DEFECT', r, 'INDICATOR_NO_FIGURE', '完成情况：已按计划完成培训任务', True)
CMP('DEFECT', r, 'IMPLAUSIBLE_MAGNITUDE', '专科设备支出186.40万元', D('186.40') > D('150.00'))
CMP('DEFECT', r, 'PROBLEM_WITHOUT_MEASURE', 'HIS、LIS、PACS系统互联互通程度不高', True)
COUNT('DEFECT', r, 'PROBLEM_WITHOUT_MEASURE', '互联互通', 1)
NUM('TRAP', r, None, '中医重点专科建设150.00万元、智慧医院信息化建设140.00万元、中医药人才培养110.00万元', S(150, 140, 110), '400.00')
NUM('TRAP', r, None, '分别支出145.20万元、134.60万元、106.72万元', S('145.20', '134.60', '106.72'), '386.52')
NUM('TRAP', r, None, '预算执行率96.63%', pct('386.52', '400.00'), '96.63')
NUM('TRAP', r, None, '（资金150.00万元，权重37.5%）', pct(150, 400), '37.5', 1)
NUM('TRAP', r, None, '（资金140.00万元，权重35%）', pct(140, 400), '35', 0)
NUM('TRAP', r, None, '（资金110.00万元，权重27.5%）', pct(110, 400), '27.5', 1)
NUM('TRAP', r, None, '92.0分×37.5%＝34.50分', D('92.0') * D('0.375'), '34.50')
NUM('TRAP', r, None, '88.5分×35%＝30.98分', D('88.5') * D('0.35'), '30.98')
NUM('TRAP', r, None, '90.0分×27.5%＝24.75分', D('90.0') * D('0.275'), '24.75')
NUM('TRAP', r, None, '完成7.12万人次，完成率104.7%', pct('7.12', '6.8'), '104.7', 1)
NUM('TRAP', r, None, '完成率80.33%', pct(4820, 6000), '80.33')
NUM('TRAP', r, None, '同比增长10.56%', (D('7.12') - D('6.44')) / D('6.44') * 100, '10.56')
CMP('TRAP', r, None, '2023年11月通过省级评审，达到4级', 4 >= 4)
CMP('TRAP', r, None, '自评等级为优（90分及以上为优）', D('90.23') >= 90)

# ---------------- run ----------------
EXPECT_TALLY = {c: 4 for c in ['ARITHMETIC_MISMATCH', 'NUMBER_CONFLICT', 'SCORE_MISMATCH', 'CLAIM_CONTRADICTED',
                               'INDICATOR_SHORTFALL', 'DEVIATION_UNEXPLAINED', 'UNSUPPORTED_CLAIM']}
TWICE = ['INDICATOR_NO_FIGURE', 'UNIT_MISMATCH', 'IMPLAUSIBLE_MAGNITUDE', 'RATE_OVER_100', 'DATE_OUT_OF_PERIOD',
         'UNFILLED_FORM', 'GOAL_WITHOUT_OUTCOME', 'PROBLEM_WITHOUT_MEASURE', 'VAGUE_MEASURE', 'REPEATED_TEXT',
         'OUTCOME_RESTATES_GOAL', 'DUPLICATE_PARAGRAPH', 'NAME_VARIANT', 'CITATION_MALFORMED']

def main():
    bad = 0
    texts = {}
    reps = sorted({l[2] for l in LINES})
    for rep in reps:
        texts[rep] = open(os.path.join(HERE, rep + '.txt'), encoding='utf-8').read()
    for typ, kind, rep, code, snip, arg in LINES:
        t = norm(texts[rep])
        ok_snip = norm(snip) in t
        if typ == 'NUM':
            value, written, prec = arg
            got = q(value, prec)
            equal = got == D(written)
            ok = (not equal) if kind == 'DEFECT' else equal
            detail = f'computed {got} written {written}'
        elif typ == 'CMP':
            ok = bool(arg); detail = 'holds' if ok else 'does not hold'
        else:
            n = t.count(norm(snip)); ok = n == arg; detail = f'count {n} expected {arg}'
            ok_snip = True if arg == 0 else ok_snip
        status = 'ok' if (ok and ok_snip) else 'FAIL'
        if status == 'FAIL': bad += 1
        print(f'{status:4} {typ:5} {kind:6} {rep:9} {code or "-":24} {detail}{"" if ok_snip else "  [snippet not found]"}  | {snip[:40]!r}')
    tally = collections.Counter()
    for rep in reps:
        n = len(texts[rep])
        if not 1500 <= n <= 6000:
            print(f'FAIL length {rep}: {n}'); bad += 1
        gold = yaml.safe_load(open(os.path.join(HERE, rep + '.yaml'), encoding='utf-8'))
        codes = [f['code'] for f in gold['findings']]
        if len(codes) != 7 or len(set(codes)) != 7:
            print(f'FAIL gold {rep}: {codes}'); bad += 1
        dcodes = {l[3] for l in LINES if l[2] == rep and l[1] == 'DEFECT'}
        if dcodes != set(codes):
            print(f'FAIL defect lines vs gold {rep}: {sorted(dcodes ^ set(codes))}'); bad += 1
        tally.update(codes)
        print(f'info {rep}: {n} characters, codes {len(set(codes))}')
    for c, n in EXPECT_TALLY.items():
        if tally[c] != n: print(f'FAIL tally {c}: {tally[c]}'); bad += 1
    for c in TWICE:
        if tally[c] < 2: print(f'FAIL tally {c}: {tally[c]}'); bad += 1
    if sum(tally.values()) != 56: print(f'FAIL total {sum(tally.values())}'); bad += 1
    print(f'{len(LINES)} lines ({sum(1 for l in LINES if l[1]=="DEFECT")} DEFECT, {sum(1 for l in LINES if l[1]=="TRAP")} TRAP); findings {sum(tally.values())}')
    print('ALL AS PLANTED' if bad == 0 else f'{bad} FAILURES')
    return 0 if bad == 0 else 1

if __name__ == '__main__':
    sys.exit(main())
