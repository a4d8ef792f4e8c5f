#!/usr/bin/env python3
"""Re-runs the computations behind blind26 and checks every defect and trap is as planted.

NUM lines: the value computed from the report's own operands, rounded half-up at the written precision, is compared with
the figure the report writes: a DEFECT must differ, a TRAP must be equal.  CMP lines test a condition (met / not met, part
vs whole, grade vs scale, score vs weight) that must hold as planted.  COUNT lines count how often a clause occurs.
Every line carries snippets that must occur verbatim in the report (full-width digits, ．，％ normalised on both sides).
Also: report length 1,500–6,000 characters, seven findings with seven different codes per gold, code tally.
Exit 0 when everything is as planted."""
import os, re, sys
from decimal import Decimal, ROUND_HALF_UP
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％，', '0123456789.%,')


def norm(s):
    return s.translate(FW)


def rnd(x, n):
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)


def num(written):
    return Decimal(written.replace(',', ''))


CHECKS = []  # (report, kind, label, ok-bool, snippets)


def NUM(rep, kind, label, value, written, snippets):
    w = num(written)
    n = max(0, -w.as_tuple().exponent)
    eq = rnd(value, n) == w
    ok = (not eq) if kind == 'DEFECT' else eq
    CHECKS.append((rep, kind, f'NUM {label}: computed {rnd(value, n)} written {written}', ok, snippets))


def CMP(rep, kind, label, cond, snippets):
    CHECKS.append((rep, kind, f'CMP {label}', bool(cond), snippets))


def COUNT(rep, kind, label, clause, n, snippets=()):
    CHECKS.append((rep, kind, f'COUNT {label}: {clause} x{n}', ('COUNT', clause, n), list(snippets) + [clause]))


# ---------------- b26_psss 平江县三市镇 ----------------
R = 'b26_psss'
NUM(R, 'DEFECT', 'O3 公路 parts 6.2+7.9+3.5', 6.2 + 7.9 + 3.5, '18.6', ['完成农村公路提质改造18.6公里，其中长田村6.2公里、大坪村7.9公里、湄江村3.5公里'])
CMP(R, 'DEFECT', 'O2 426 vs P1 462 户厕', 426 != 462, ['完成农村户厕改造426户', '完成户厕改造462户'])
NUM(R, 'DEFECT', 'P1 全部完成 vs O4 4.08/4.8 (<100%)', 4.08 / 4.8 * 100, '100.0', ['年度绩效目标全部完成', '建成集镇污水管网4.08公里，完成计划的85.0%'])
CMP(R, 'DEFECT', 'P2 no figure', not re.search(r'\d', '通过一年来的共同努力，全镇经济社会发展取得显著成效，群众获得感、幸福感、安全感大幅提升，干部作风明显转变，部门整体支出效益充分显现。'), ['全镇经济社会发展取得显著成效，群众获得感、幸福感、安全感大幅提升'])
CMP(R, 'DEFECT', 'G5 便民服务中心 not in outcomes', True, ['完成镇便民服务中心标准化改造，设置综合窗口8个'])
CMP(R, 'DEFECT', 'I2 slogans', True, ['进一步强化村级集体经济发展意识，切实拓宽增收渠道，不断提升发展质量'])
CMP(R, 'DEFECT', 'O1 三氏镇 name variant', True, ['三氏镇集镇周边'])
NUM(R, 'TRAP', 'B2 调整预算', 2386.40 + 412.75, '2,799.15', ['年初预算2,386.40万元，年中追加412.75万元，调整预算2,799.15万元'])
NUM(R, 'TRAP', 'B2 执行率', 2713.62 / 2799.15 * 100, '96.94', ['全年实际支出2,713.62万元，预算执行率96.94%'])
NUM(R, 'TRAP', 'B2 基本+项目', 1528.36 + 1185.26, '2,713.62', ['其中基本支出1,528.36万元，项目支出1,185.26万元'])
NUM(R, 'TRAP', 'O1 1260/1200', 1260 / 1200 * 100, '105.0', ['全年新发展油茶1,260亩，完成目标的105.0%'])
NUM(R, 'TRAP', 'O4 4.08/4.8', 4.08 / 4.8 * 100, '85.0', ['完成计划的85.0%'])
NUM(R, 'TRAP', 'O4 4.8-4.08', 4.8 - 4.08, '0.72', ['剩余0.72公里因涉及沿街门面征拆协调'])
NUM(R, 'TRAP', 'O5 元 = P1 万元', 1286400 / 10000, '128.64', ['全年发放高龄津贴1,286,400元', '高龄津贴128.64万元'])
NUM(R, 'TRAP', 'O5 per month', 1286400 / 1072 / 12, '100', ['80周岁以上老人1,072人，人均每月100元'])
CMP(R, 'TRAP', 'O5 0 ≤ 1起; O2 96.8 ≥ 95; O4 71.2 ≥ 70; 18.6 ≥ 18', 0 <= 1 and 96.8 >= 95 and 71.2 >= 70 and 18.6 >= 18, ['全年安全生产事故0起（目标不超过1起）', '生活垃圾无害化处理率达到96.8%', '集镇生活污水收集率达到71.2%'])

# ---------------- b26_nzfg 南漳县发展和改革局 ----------------
R = 'b26_nzfg'
NUM(R, 'DEFECT', '201 决算 = sum of 项', 578.16 + 88.74 + 211.08 + 118.26, '1,006.24', ['201	一般公共服务支出	1,030.08	1,006.24	96.71%'])
CMP(R, 'DEFECT', 'O1 186 vs P1 168', 186 != 168, ['全年新增入库项目186个', '全年新增入库项目168个'])
NUM(R, 'DEFECT', 'P2 score sum', 14.5 + 23.6 + 33.2 + 23.1, '95.4', ['决策15分得14.5分、过程25分得23.6分、产出35分得33.2分、效益25分得23.1分，自评总分95.4分'])
CMP(R, 'DEFECT', 'P3 no figure', not re.search(r'\d', '通过全局上下共同努力，我局履职能力全面增强，服务全县发展大局的作用更加突出，社会各界对发改工作的认可度明显提高。'), ['我局履职能力全面增强'])
CMP(R, 'DEFECT', 'O2 1,863.50 > 调整预算 1,274.72', 1863.50 > 1274.72 and 1863.50 > 248.30, ['全年安排重点项目前期工作经费1,863.50万元', '部门调整预算1,274.72万元'])
CMP(R, 'DEFECT', 'B1 citation year 5 digits', re.search(r'〔\d{5}〕', '南办发〔20191〕23号'), ['（南办发〔20191〕23号）'])
COUNT(R, 'DEFECT', 'Q1 pasted as I3', '项目储备质量不高，部分入库项目前期工作深度不够，可研、初设等要件不齐，难以满足专项债券和中央预算内投资', 2)
NUM(R, 'TRAP', '201 执行率 on true sum', 996.24 / 1030.08 * 100, '96.71', ['1,006.24	96.71%'])
NUM(R, 'TRAP', '201 调整预算 sum', 586.42 + 96.50 + 214.36 + 132.80, '1,030.08', ['一般公共服务支出	1,030.08'])
NUM(R, 'TRAP', '2010401 rate', 578.16 / 586.42 * 100, '98.59', ['行政运行	586.42	578.16	98.59%'])
NUM(R, 'TRAP', '2010402 rate', 88.74 / 96.50 * 100, '91.96', ['一般行政管理事务	96.50	88.74	91.96%'])
NUM(R, 'TRAP', '2010450 rate', 211.08 / 214.36 * 100, '98.47', ['事业运行	214.36	211.08	98.47%'])
NUM(R, 'TRAP', '2010499 rate', 118.26 / 132.80 * 100, '89.05', ['其他发展与改革事务支出	132.80	118.26	89.05%'])
NUM(R, 'TRAP', '2220199 rate', 41.30 / 45.00 * 100, '91.78', ['其他粮油物资事务支出	45.00	41.30	91.78%'])
NUM(R, 'TRAP', '合计 调整预算', 1030.08 + 98.64 + 36.28 + 64.72 + 45.00, '1,274.72', ['合计	1,274.72	1,237.18	97.06%'])
NUM(R, 'TRAP', '合计 决算 over 项 rows', 578.16 + 88.74 + 211.08 + 118.26 + 98.64 + 36.28 + 64.72 + 41.30, '1,237.18', ['决算支出1,237.18万元'])
NUM(R, 'TRAP', '合计 rate', 1237.18 / 1274.72 * 100, '97.06', ['预算执行率97.06%'])
NUM(R, 'TRAP', 'B2 基本', 578.16 + 211.08 + 98.64 + 36.28 + 64.72, '988.88', ['其中基本支出988.88万元'])
NUM(R, 'TRAP', 'B2 项目', 88.74 + 118.26 + 41.30, '248.30', ['项目支出248.30万元'])
NUM(R, 'TRAP', 'O1 74+68+44', 74 + 68 + 44, '186', ['其中产业类74个、基础设施类68个、社会民生类44个'])
NUM(R, 'TRAP', 'O1 2.36+4.12', 2.36 + 4.12, '6.48', ['争取中央预算内投资2.36亿元、专项债券资金4.12亿元，合计6.48亿元'])
CMP(R, 'TRAP', 'grade 优 fits 95.4 and 94.4; weights 100', 94.4 >= 90 and 15 + 25 + 35 + 25 == 100, ['等级为“优”'])
CMP(R, 'TRAP', '2010499 low rate with reason', True, ['主要是部分项目前期工作经费按合同约定进度结转至2024年支付'])
CMP(R, 'TRAP', 'well-formed citation', True, ['（南财预〔2024〕3号）'])

# ---------------- b26_lyjy 龙游县公共资源交易中心 ----------------
R = 'b26_lyjy'
NUM(R, 'DEFECT', 'P1 全面电子化 vs 1268/1286', 1268 / 1286 * 100, '100.00', ['全面实现进场交易项目全流程电子化', '电子化率98.60%'])
CMP(R, 'DEFECT', 'O3 4.62 < 5 but 达到', 4.62 < 5, ['工程建设项目招标控制价平均节资率4.62%，达到年度目标', '工程建设项目招标控制价平均节资率不低于5%'])
NUM(R, 'DEFECT', 'O4 办结率 < 100, no reason', 25 / 26 * 100, '100', ['投诉按期办结率100%', '全年受理交易环节投诉26件，按期办结25件，按期办结率96.2%。（佐证材料：附件2-4投诉处理台账）'])
CMP(R, 'DEFECT', 'P2 no figure, no 佐证', not re.search(r'\d|佐证', '一年来，中心坚持规范、高效、廉洁的服务理念，交易环境持续优化，营商环境显著改善，市场主体满意度大幅提升，社会效益和经济效益充分彰显。'), ['营商环境显著改善，市场主体满意度大幅提升'])
CMP(R, 'DEFECT', 'O5 restates G5', True, ['推行“不见面开标”，力争全年不见面开标率达到90%以上。', '按照年度计划，全年将持续推行“不见面开标”，力争不见面开标率达到90%以上。'])
CMP(R, 'DEFECT', 'Q3 no measure', True, ['中心专业技术人员不足，信息技术岗位仅有2名在编人员'])
COUNT(R, 'DEFECT', 'O1 repeated clause', '依托全省统一的公共资源交易平台，', 2)
NUM(R, 'TRAP', 'B2 rate', 401.36 / 412.58 * 100, '97.28', ['全年支出401.36万元，预算执行率97.28%'])
NUM(R, 'TRAP', 'O1 宗 sum', 412 + 736 + 48 + 90, '1,286', ['全年完成进场交易项目1,286宗'])
NUM(R, 'TRAP', 'O1 亿元 sum', 52.36 + 11.28 + 18.64 + 4.14, '86.42', ['交易额86.42亿元', '其中工程建设412宗52.36亿元、政府采购736宗11.28亿元、土地及矿业权48宗18.64亿元、国有产权90宗4.14亿元'])
NUM(R, 'TRAP', 'O2 rate', 1268 / 1286 * 100, '98.60', ['全年电子化交易项目1,268宗，电子化率98.60%；其余18宗'])
NUM(R, 'TRAP', 'O2 1268+18', 1268 + 18, '1286', ['其余18宗'])
NUM(R, 'TRAP', 'O3 节约', 11.96 - 11.28, '0.68', ['预算金额11.96亿元，中标（成交）金额11.28亿元，节约资金0.68亿元'])
NUM(R, 'TRAP', 'O3 节资率', 0.68 / 11.96 * 100, '5.69', ['节资率5.69%'])
NUM(R, 'TRAP', 'O4 rate', 25 / 26 * 100, '96.2', ['按期办结率96.2%'])
CMP(R, 'TRAP', 'O6 2.5 ≤ 3', 2.5 <= 3, ['压缩到2.5个工作日（目标不超过3个工作日）'])

# ---------------- b26_yzwh 宜章县文旅广体局 ----------------
R = 'b26_yzwh'
NUM(R, 'DEFECT', '中央 执行率', 192.60 / 200.00 * 100, '96.03', ['其中：中央补助	200.00	200.00	192.60	—	96.03%'])
NUM(R, 'DEFECT', '总分', 9.52 + 10 + 9.05 + 10 + 10 + 10 + 10 + 10 + 5 + 5 + 10, '98.75', ['总分					100	98.75'])
CMP(R, 'DEFECT', '开放天数 286 < 300 scored full, 达标', 286 < 300, ['全年免费开放天数	≥300天	286天	10	10	达标'])
CMP(R, 'DEFECT', '场次 1086 < 1200, reason 无', 1086 < 1200, ['组织群众文体活动场次	≥1,200场	1,086场	10	9.05	无'])
CMP(R, 'DEFECT', '培训 人次 no figure', True, ['培训业余文艺骨干人次	≥800人次	已完成	10	10'])
CMP(R, 'DEFECT', '存在问题 placeholder', True, ['*存在问题：请输入存在的问题（限500字）　　（0/500）'])
CMP(R, 'DEFECT', '覆盖率 > 100', 104.5 > 100, ['乡镇综合文化站免费开放覆盖率	100%	104.5%'])
NUM(R, 'TRAP', '执行率 total', 272.40 / 286.00 * 100, '95.24', ['年度资金总额	286.00	286.00	272.40	10	95.24%	9.52'])
NUM(R, 'TRAP', '执行 score', 272.40 / 286.00 * 10, '9.52', ['95.24%	9.52'])
NUM(R, 'TRAP', '预算 其中', 200.00 + 52.00 + 34.00, '286.00', ['286.00	286.00'])
NUM(R, 'TRAP', '执行 其中', 192.60 + 48.40 + 31.40, '272.40', ['272.40'])
NUM(R, 'TRAP', '省级 rate', 48.40 / 52.00 * 100, '93.08', ['省级补助	52.00	52.00	48.40	—	93.08%'])
NUM(R, 'TRAP', '县级 rate', 31.40 / 34.00 * 100, '92.35', ['县级配套	34.00	34.00	31.40	—	92.35%'])
NUM(R, 'TRAP', '场次 proportional score', 1086 / 1200 * 10, '9.05', ['1,086场	10	9.05'])
NUM(R, 'TRAP', '分值 total', 10 + 60 + 20 + 10, '100', ['总分					100'])
CMP(R, 'TRAP', 'met on equality / ≤ / ≥', 42 >= 42 and 0 <= 0 and 19.6 >= 18 and 93.8 >= 90 and 5 >= 5, ['每站每周开放时间	≥42小时	42小时', '文化站安全责任事故	≤0起	0起', '年接待群众人次	≥18万人次	19.6万人次', '群众满意度	≥90%	93.8%'])
_t = open(os.path.join(HERE, 'b26_yzwh.txt'), encoding='utf-8').read()
_lens = [len(re.search(lab + r'(.*?)　　（(\d+)/500）', _t).group(1)) == int(re.search(lab + r'(.*?)　　（(\d+)/500）', _t).group(2))
         for lab in (r'\*预期目标：', r'\*实际完成情况：', r'\*改进措施：')]
CMP(R, 'TRAP', 'counters match field lengths', all(_lens), ['（84/500）', '（71/500）', '（104/500）'])

# ---------------- b26_yxwb 黟县文化旅游体育局 ----------------
R = 'b26_yxwb'
CMP(R, 'DEFECT', 'B1 683.42 vs O2 638.42 合同金额', 683.42 != 638.42, ['中标价（合同金额）683.42万元', '占合同金额638.42万元的95.94%'])
CMP(R, 'DEFECT', 'P1 2023全部完工 vs 2024 扫尾', True, ['项目所有建设内容均已于2023年内全部完工', '2024年3月15日　完成屏山村2栋古民居排水沟及院落铺装扫尾工程'])
CMP(R, 'DEFECT', 'O4 48 < 60, no reason', 48 < 60, ['项目实施期间聘用本地木工、泥瓦工等传统工匠48人。', '带动本地传统工匠就业不少于60人'])
CMP(R, 'DEFECT', '2021 date in a 2023 project', 2021 < 2023, ['2021年9月20日　第一批7栋古民居完成主体修缮', '2023年5月8日　开工建设'])
CMP(R, 'DEFECT', 'citation 〔…）', True, ['（黟财教〔2023）27号）'])
CMP(R, 'DEFECT', '12,600 beneficiaries > 4,318 population', 12600 > 4318, ['惠及村民12,600人', '6个村户籍人口合计4,318人'])
CMP(R, 'DEFECT', 'I2 slogans', True, ['进一步加强古民居后续管护工作，切实压实各方责任，不断提高管护水平'])
NUM(R, 'TRAP', 'B2 funds', 400.00 + 200.00 + 120.00, '720.00', ['项目总投资720.00万元，其中中央补助资金400.00万元、省级补助资金200.00万元、县级配套资金120.00万元'])
NUM(R, 'TRAP', 'O1 average', 6820 / 14, '487.14', ['修缮建筑面积6,820平方米，平均每栋487.14平方米'])
NUM(R, 'TRAP', 'O2 share', 612.50 / 638.42 * 100, '95.94', ['已支付工程款612.50万元，占合同金额638.42万元的95.94%'])
NUM(R, 'TRAP', 'O2 remainder', 638.42 - 612.50, '25.92', ['剩余25.92万元中'])
NUM(R, 'TRAP', 'O2 remainder parts', 6.77 + 19.15, '25.92', ['结算尾款6.77万元待审计结算后支付，质保金19.15万元'])
NUM(R, 'TRAP', 'O2 质保金 3%', 638.42 * 0.03, '19.15', ['质保金19.15万元（合同金额的3%）'])
CMP(R, 'TRAP', 'met targets', 6820 >= 6500 and 95.94 >= 90 and 9 >= 8 and 94.5 >= 90, ['对外开放展示9栋', '游客满意度抽样调查结果为94.5%'])
CMP(R, 'TRAP', 'grade 优 fits 91.6', 91.6 >= 90, ['自评得分91.6分，等级为“优”（90分以上为优）'])
CMP(R, 'TRAP', 'prior-year 储备库 line + well-formed citation', True, ['2022年11月15日　项目列入县级传统村落保护项目储备库', '（黟发改审〔2023〕16号）'])

# ---------------- b26_zxfl 钟祥市社会福利院 ----------------
R = 'b26_zxfl'
NUM(R, 'DEFECT', '家属 满意度', (51 + 33) / 92 * 100, '93.48', ['家属	100	92	51	33	6	2	93.48%'])
CMP(R, 'DEFECT', '88.6 graded 优 on a 90 scale', 88.6 < 90, ['综合得分88.6分，评价等级为“优”（90分及以上为优，80—89.99分为良'])
CMP(R, 'DEFECT', 'P2 no figure', not re.search(r'\d', '一年来，我院坚持以服务对象为中心，服务质量全面提升，院内环境焕然一新，服务对象幸福感和归属感显著增强，社会形象明显改善。'), ['服务质量全面提升，院内环境焕然一新'])
CMP(R, 'DEFECT', '体检覆盖率 > 100', 101.6 > 100, ['健康体检覆盖率101.6%'])
NUM(R, 'DEFECT', 'O1 元 for 万元', 186 * 1260 * 12, '281.23', ['按每人每月1,260元标准发放基本生活费，全年支出281.23元'])
COUNT(R, 'DEFECT', 'O4 repeated as P3', '全年开展消防安全检查24次、应急疏散演练4次，更换过期灭火器46具，全年未发生安全责任事故，消防设施完好率', 2)
CMP(R, 'DEFECT', 'Q3 no measure', True, ['入住社会寄养老人收费标准多年未调整'])
NUM(R, 'TRAP', 'B3 281.23万元 = 186×1260×12 元', 186 * 1260 * 12 / 10000, '281.23', ['特困人员集中供养资金281.23万元'])
NUM(R, 'TRAP', 'B2 全年预算', 1128.60 + 96.40, '1,225.00', ['全年预算1,225.00万元'])
NUM(R, 'TRAP', 'B2 rate', 1186.72 / 1225.00 * 100, '96.88', ['预算执行率96.88%'])
NUM(R, 'TRAP', 'P1 执行 score', 1186.72 / 1225.00 * 10, '9.69', ['预算执行得9.69分'])
NUM(R, 'TRAP', 'B2 基本+项目', 742.36 + 444.36, '1,186.72', ['其中基本支出742.36万元，项目支出444.36万元'])
NUM(R, 'TRAP', 'B3 项目 parts', 281.23 + 62.40 + 58.73 + 42.00, '444.36', ['孤残儿童养育资金62.40万元、购买专业护理服务58.73万元、院舍设施维修改造42.00万元'])
NUM(R, 'TRAP', 'B1 186+64', 186 + 64, '250', ['在院服务对象250人，其中集中供养特困人员186人、社会寄养老人64人'])
NUM(R, 'TRAP', 'P1 parts', 9.69 + 42.6 + 27.3 + 9.01, '88.6', ['产出指标得42.6分，效益指标得27.3分，满意度指标得9.01分'])
NUM(R, 'TRAP', '供养对象 sum', 78 + 46 + 9 + 3, '136', ['供养对象	150	136	78	46	9	3'])
NUM(R, 'TRAP', '供养对象 满意度', (78 + 46) / 136 * 100, '91.18', ['91.18%'])
NUM(R, 'TRAP', '家属 sum', 51 + 33 + 6 + 2, '92', ['家属	100	92'])
NUM(R, 'TRAP', '合计 sum', 129 + 79 + 15 + 5, '228', ['合计	250	228	129	79	15	5	91.23%'])
NUM(R, 'TRAP', '合计 满意度', (129 + 79) / 228 * 100, '91.23', ['综合满意度91.23%'])
CMP(R, 'TRAP', 'met targets', 3680 >= 3000 and 91.23 >= 90, ['全年开展康复训练3,680人次'])

# ---------------- b26_wszd 中共尉氏县委党校 ----------------
R = 'b26_wszd'
CMP(R, 'DEFECT', 'O5 94.3 < 95 but 完成', 94.3 < 95, ['学员综合满意度为94.3%，完成年度目标', '综合满意度不低于95%'])
CMP(R, 'DEFECT', 'O2 9 < 12 no reason', 9 < 12, ['新开发精品专题课程9门，年度目标为12门。'])
CMP(R, 'DEFECT', '满意度 score above weight', 10.5 > 10, ['满意度指标（10分）得10.5分'])
CMP(R, 'DEFECT', 'O1 1263 vs P2 1236', 1263 != 1236, ['培训学员1,263人次', '全年培训学员1,236人次'])
CMP(R, 'DEFECT', 'O4 restates G4', True, ['按照年度计划，将推进党性教育现场教学基地建设，力争新建现场教学点3个，形成覆盖县域的现场教学线路。'])
COUNT(R, 'DEFECT', 'O3 repeated clause', '围绕县域经济高质量发展，形成调研报告11篇', 2)
CMP(R, 'DEFECT', 'G6 智慧教室 no outcome', True, ['完成校园智慧教室改造，建成可同时容纳120人的智慧教室2间。'])
NUM(R, 'TRAP', 'B2 rate', 812.26 / 836.40 * 100, '97.11', ['全年支出812.26万元，预算执行率97.11%'])
NUM(R, 'TRAP', 'B2 基本+项目', 618.30 + 193.96, '812.26', ['其中基本支出618.30万元，项目支出193.96万元'])
NUM(R, 'TRAP', 'P1 执行 score', 812.26 / 836.40 * 10, '9.7', ['预算执行（10分）得9.7分'])
NUM(R, 'TRAP', 'O1 人次 parts', 236 + 168 + 859, '1,263', ['科级干部进修班4期236人次、中青年干部培训班3期168人次、村（社区）“两委”干部示范培训班21期859人次'])
NUM(R, 'TRAP', 'O1 期 parts', 4 + 3 + 21, '28', ['全年举办主体班次28期'])
NUM(R, 'TRAP', 'O1 unit cost', 126.30 * 10000 / 1263, '1,000', ['全年主体班次培训支出126.30万元，人均培训成本1,000元，低于每人次1,200元的控制标准'])
NUM(R, 'TRAP', 'fig 1263/1200', 1263 / 1200 * 100, '105.3', ['主体班次培训人次（1,263/1,200人次）　█████████████████████ 105.3%'])
NUM(R, 'TRAP', 'fig 9/12', 9 / 12 * 100, '75.0', ['精品课程开发（9/12门）　███████████████ 75.0%'])
NUM(R, 'TRAP', 'fig 8/6', 8 / 6 * 100, '133.3', ['市级以上课题立项（8/6项）　███████████████████████████ 133.3%'])
NUM(R, 'TRAP', 'fig 94.3/95', 94.3 / 95 * 100, '99.3', ['学员综合满意度（94.3%/95%）　████████████████████ 99.3%'])
CMP(R, 'TRAP', 'bar lengths round(ratio/5)', [int(rnd(v / 5, 0)) for v in (105.3, 75.0, 133.3, 99.3)] == [21, 15, 27, 20], ['每个“█”代表5%'])
NUM(R, 'TRAP', 'P1 total', 9.7 + 45.6 + 28.4 + 10.5, '94.2', ['自评总分94.2分，等级为“优”'])
NUM(R, 'TRAP', 'Q1 share', 13 / 21 * 100, '61.9', ['21名专职教师中45岁以上的有13人，占61.9%'])
CMP(R, 'TRAP', 'O3 8 ≥ 6', 8 >= 6, ['全年获批市级以上课题立项8项'])

# ---------------- b26_ysws 沂水县卫生健康局 ----------------
R = 'b26_ysws'
NUM(R, 'DEFECT', 'O1 全部使用 vs 452.30/486', 452.30 / 486.00 * 100, '100', ['年度补助资金已全部使用完毕', '年度资金总额	486.00	486.00	452.30	10	93.07%	9.31'])
CMP(R, 'DEFECT', '覆盖率 72.6 < 75 full marks', 72.6 < 75, ['重点人群签约覆盖率	≥75%	72.6%	10	10	完成年度目标'])
CMP(R, 'DEFECT', '团队数量 no figure', True, ['家庭医生团队数量	≥600个	按计划组建	10	10'])
CMP(R, 'DEFECT', 'O2 template text', True, ['2.（对照预期目标逐项填写实际完成情况）'])
CMP(R, 'DEFECT', '2022 date for 2023 funds', 2022 < 2023, ['补助资金拨付完成时间	2023年12月底前	2022年12月20日	10	10'])
CMP(R, 'DEFECT', '元/人 target answered in 万元', True, ['人均签约服务补助标准	≥10元/人	265.80万元'])
CMP(R, 'DEFECT', '沂永县', True, ['1.沂永县部分山区镇村'])
NUM(R, 'TRAP', '预算 其中', 312.00 + 174.00, '486.00', ['其中：中央及省级补助	312.00	312.00	298.40'])
NUM(R, 'TRAP', '执行 其中', 298.40 + 153.90, '452.30', ['县级配套	174.00	174.00	153.90'])
NUM(R, 'TRAP', '执行率', 452.30 / 486.00 * 100, '93.07', ['93.07%	9.31'])
NUM(R, 'TRAP', '资金得分', 452.30 / 486.00 * 10, '9.31', ['93.07%	9.31'])
NUM(R, 'TRAP', '中央省级 rate', 298.40 / 312.00 * 100, '95.64', ['298.40	—	95.64%'])
NUM(R, 'TRAP', '县级 rate', 153.90 / 174.00 * 100, '88.45', ['153.90	—	88.45%'])
NUM(R, 'TRAP', '总分', 9.31 + 10 + 10 + 10 + 9 + 10 + 10 + 10 + 10 + 10, '98.31', ['总分					100	98.31'])
CMP(R, 'TRAP', 'docked row with reason; equality; ≥ met; grade', 76.5 < 80 and 100 >= 100 and 78.2 >= 70 and 92.4 >= 90 and 98.31 >= 90, ['签约居民规范管理率	≥80%	76.5%	10	9	部分偏远村青壮年外出务工', '脱贫人口签约覆盖率	100%	100%', '签约居民续约率	≥70%	78.2%', '签约居民满意度	≥90%	92.4%', '优（总分90分（含）以上为优'])

# ---------------- run ----------------
def main():
    texts = {}
    bad = 0
    for rep in sorted({c[0] for c in CHECKS}):
        t = open(os.path.join(HERE, rep + '.txt'), encoding='utf-8').read()
        texts[rep] = t
        n = len(t)
        if not 1500 <= n <= 6000:
            print(f'LENGTH {rep}: {n} characters'); bad += 1
    for rep, kind, label, ok, snippets in CHECKS:
        t = norm(texts[rep])
        miss = [s for s in snippets if norm(s) not in t]
        if isinstance(ok, tuple):
            _, clause, k = ok
            ok = t.count(norm(clause)) == k
        status = 'ok' if ok and not miss else 'FAIL'
        if status == 'FAIL':
            bad += 1
        print(f'{status:4} {rep} {kind:6} {label}' + (f'  MISSING: {miss}' if miss else ''))
    tally = {}
    for rep in texts:
        g = yaml.safe_load(open(os.path.join(HERE, rep + '.yaml'), encoding='utf-8'))
        codes = [f['code'] for f in g['findings']]
        defects = sum(1 for c in CHECKS if c[0] == rep and c[1] == 'DEFECT')
        if len(codes) != 7 or len(set(codes)) != 7 or defects != 7:
            print(f'GOLD {rep}: {len(codes)} findings, {len(set(codes))} codes, {defects} DEFECT lines'); bad += 1
        for f in g['findings']:
            if not f.get('where') or not f.get('why'):
                print(f'GOLD {rep}: finding without where/why'); bad += 1
        for c in codes:
            tally[c] = tally.get(c, 0) + 1
    first = ['ARITHMETIC_MISMATCH', 'NUMBER_CONFLICT', 'SCORE_MISMATCH', 'CLAIM_CONTRADICTED', 'INDICATOR_SHORTFALL',
             'DEVIATION_UNEXPLAINED', 'UNSUPPORTED_CLAIM']
    others = ['INDICATOR_NO_FIGURE', 'UNIT_MISMATCH', 'IMPLAUSIBLE_MAGNITUDE', 'RATE_OVER_100', 'DATE_OUT_OF_PERIOD',
              'UNFILLED_FORM', 'GOAL_WITHOUT_OUTCOME', 'PROBLEM_WITHOUT_MEASURE', 'VAGUE_MEASURE', 'REPEATED_TEXT',
              'OUTCOME_RESTATES_GOAL', 'DUPLICATE_PARAGRAPH', 'NAME_VARIANT', 'CITATION_MALFORMED']
    for c in first:
        if tally.get(c, 0) != 4:
            print(f'TALLY {c}: {tally.get(c, 0)}'); bad += 1
    for c in others:
        if tally.get(c, 0) < 2:
            print(f'TALLY {c}: {tally.get(c, 0)}'); bad += 1
    if sum(tally.values()) != 56:
        print(f'TALLY total {sum(tally.values())}'); bad += 1
    nd = sum(1 for c in CHECKS if c[1] == 'DEFECT'); nt = len(CHECKS) - nd
    print(f'{len(CHECKS)} lines ({nd} DEFECT, {nt} TRAP), {sum(tally.values())} findings, {bad} failures')
    print('ALL AS PLANTED' if bad == 0 else 'NOT AS PLANTED')
    return 0 if bad == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
