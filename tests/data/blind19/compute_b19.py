#!/usr/bin/env python3
"""Re-run every computation planted in the blind19 reports (defects and traps).

NUM lines: the computed value, rounded half-up at the precision the report writes, is compared with the written figure;
a TRAP must agree, a DEFECT must disagree. CMP lines: a python test that must hold as planted (met / not met, part vs
whole, grade vs scale, repetition). Every line's snippet must occur verbatim in its report (full-width digits, 「．」 and
「％」 normalised to ASCII on both sides). Exit status 0 when every line is as planted.
"""
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％', '0123456789.%')
_texts = {}
bad = 0
count = 0


def text(rep):
    if rep not in _texts:
        with open(os.path.join(HERE, rep + '.txt'), encoding='utf-8') as f:
            _texts[rep] = f.read().translate(FW)
    return _texts[rep]


def rnd(x, nd):
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-nd), ROUND_HALF_UP)


def _snip(rep, snippet):
    return snippet.translate(FW) in text(rep)


def NUM(rep, kind, label, value, written, snippet):
    """value: computed; written: the figure as the report writes it (commas allowed)."""
    global bad, count
    count += 1
    w = written.replace(',', '')
    nd = len(w.split('.')[1]) if '.' in w else 0
    got = rnd(value, nd)
    equal = got == Decimal(w)
    ok = (equal if kind == 'TRAP' else not equal) and _snip(rep, snippet)
    print(f"{'ok ' if ok else 'BAD'} {kind:6} NUM {rep:10} {label}: computed {got} / written {written}"
          f"{'' if _snip(rep, snippet) else '  [snippet not found: ' + snippet + ']'}")
    if not ok:
        bad += 1


def CMP(rep, kind, label, cond, snippet):
    global bad, count
    count += 1
    ok = bool(cond) and _snip(rep, snippet)
    print(f"{'ok ' if ok else 'BAD'} {kind:6} CMP {rep:10} {label}: {'holds' if cond else 'FAILS'}"
          f"{'' if _snip(rep, snippet) else '  [snippet not found: ' + snippet + ']'}")
    if not ok:
        bad += 1


# ---------------- b19_gnsj 灌南县审计局 (公文) ----------------
R = 'b19_gnsj'
NUM(R, 'TRAP', 'B2 基本+项目 = 实际支出', 742.16 + 269.22, '1,011.38', '其中：基本支出742.16万元，项目支出269.22万元')
NUM(R, 'TRAP', 'B2 预算执行率', 1011.38 / 1042.75 * 100, '96.99', '预算执行率96.99%')
NUM(R, 'TRAP', 'G1 12+15+9 = 36', 12 + 15 + 9, '36', '年度审计计划项目36个，其中经济责任审计12个、财政财务收支审计15个、专项审计调查9个')
NUM(R, 'TRAP', 'O1 36+2 = 38', 36 + 2, '38', '全年实际完成审计项目38个，其中年度计划项目36个、县委县政府交办项目2个')
NUM(R, 'TRAP', 'O1 growth 3.86/1.71-1', (3.86 / 1.71 - 1) * 100, '125.7', '较上年1.71亿元增长125.7%')
NUM(R, 'TRAP', 'O2 整改率 172/186', 172 / 186 * 100, '92.47', '已整改172个，整改率92.47%')
CMP(R, 'DEFECT', 'O2 CLAIM 全部整改到位 but 172 < 186 (14 open, Q2)', 172 < 186 and 186 - 172 == 14, '审计发现的问题已全部整改到位')
CMP(R, 'DEFECT', 'O2 CLAIM evidence Q2', True, '尚有14个问题因涉及历史遗留和跨部门协调，未完成整改')
NUM(R, 'TRAP', 'O4 审减率 0.43/5.62', 0.43 / 5.62 * 100, '7.65', '审减率7.65%')
NUM(R, 'TRAP', 'P1 score total', 19.2 + 18.6 + 29.0 + 27.8, '94.6', '绩效自评得分94.6分')
CMP(R, 'TRAP', 'P1 parts <= weights, 优 >= 90', 19.2 <= 20 and 18.6 <= 20 and 29.0 <= 30 and 27.8 <= 30 and 94.6 >= 90, '评价等级为“优”（90分以上为优）')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O1 38 vs P2 34', 38 != 34, '我局全年共完成审计项目34个')
CMP(R, 'DEFECT', 'NAME_VARIANT 审记局', '灌南县审记局' in text(R) and '灌南县审计局' in text(R), '灌南县审记局2023年度')
CMP(R, 'DEFECT', 'CITATION_MALFORMED （2019）', '（2019）' in text(R), '灌办发（2019）41号')
CMP(R, 'TRAP', 'well-formed citations', True, '灌财绩〔2024〕2号')

# ---------------- b19_jlnj 监利市 中央转移支付区域绩效自评表 ----------------
R = 'b19_jlnj'
NUM(R, 'TRAP', '年度资金总额 A = 1,986.40 + 200.00', 1986.40 + 200.00, '2,186.40', '｜年度资金总额｜2,186.40｜')
NUM(R, 'TRAP', '年度资金总额 B = 1,908.12 + 186.23', 1908.12 + 186.23, '2,094.35', '｜2,094.35｜95.79%｜')
NUM(R, 'TRAP', '年度资金总额 执行率', 2094.35 / 2186.40 * 100, '95.79', '｜2,094.35｜95.79%｜10｜9.58｜')
NUM(R, 'TRAP', '执行率得分 10 × 95.79%', 10 * 2094.35 / 2186.40, '9.58', '｜95.79%｜10｜9.58｜')
NUM(R, 'DEFECT', '中央财政资金 执行率', 1908.12 / 1986.40 * 100, '96.60', '｜1,986.40｜1,908.12｜96.60%｜')
NUM(R, 'TRAP', '地方资金 执行率', 186.23 / 200.00 * 100, '93.12', '｜200.00｜186.23｜93.12%｜')
NUM(R, 'TRAP', '分值 total', 10 + 10 + 10 + 10 + 10 + 10 + 5 + 10 + 5 + 10 + 10, '100', '｜总分｜｜｜｜｜｜100｜')
NUM(R, 'DEFECT', '总分 = row scores', 9.58 + 10 + 10 + 10 + 9 + 10 + 5 + 8 + 5 + 10 + 10, '97.58', '｜100｜97.58｜')
CMP(R, 'TRAP', '优 fits true 96.58 and stated 97.58', 96.58 >= 90 and 97.58 >= 90, '｜自评等级｜优｜')
CMP(R, 'DEFECT', 'UNIT 报废更新 count target answered in 万元', True, '｜≥150台｜176.4万元｜')
CMP(R, 'DEFECT', 'SHORTFALL 机械化率 86.9 < 88 with 「已完成」', 86.9 < 88, '｜≥88%｜86.9%｜10｜9｜已完成｜')
CMP(R, 'DEFECT', 'RATE_OVER_100 兑付到户率', 101.3 > 100, '｜≥95%｜101.3%｜')
CMP(R, 'DEFECT', 'DEVIATION 41.6 < 45 with no cause', 41.6 < 45, '｜≥45万亩｜41.6万亩｜10｜8｜不影响年度总体目标实现｜')
CMP(R, 'DEFECT', 'UNFILLED 满意度 XX%', True, '｜≥90%｜XX%｜10｜10｜')
CMP(R, 'TRAP', 'met rows 2748>=2600, 1926>=1800, 28<=30, 45>=42', 2748 >= 2600 and 1926 >= 1800 and 28 <= 30 and 45 >= 42, '｜≤30个工作日｜28个工作日｜')
CMP(R, 'TRAP', 'O2 176 >= 150台', 176 >= 150, '报废更新老旧农机176台')

# ---------------- b19_zhjy 庄河市 校舍维修改造 (chapters) ----------------
R = 'b19_zhjy'
NUM(R, 'TRAP', 'B2 分别为 680+326+280', 680.00 + 326.00 + 280.00, '1,286.00', '项目总预算1,286.00万元')
NUM(R, 'TRAP', '表1-1 支出数 合计', 652.36 + 301.48 + 256.10, '1,209.94', '合计\t1,286.00\t1,286.00\t1,209.94\t94.09%')
NUM(R, 'TRAP', '表1-1 中央 支出率', 652.36 / 680.00 * 100, '95.94', '652.36\t95.94%')
NUM(R, 'TRAP', '表1-1 省级 支出率', 301.48 / 326.00 * 100, '92.48', '301.48\t92.48%')
NUM(R, 'TRAP', '表1-1 市本级 支出率', 256.10 / 280.00 * 100, '91.46', '256.10\t91.46%')
NUM(R, 'TRAP', '表1-1 合计 支出率', 1209.94 / 1286.00 * 100, '94.09', '1,209.94\t94.09%')
NUM(R, 'DEFECT', 'B3 paid / contract', 1209.94 / 1262.40 * 100, '96.84', '占合同总额1,262.40万元的96.84%')
NUM(R, 'TRAP', 'O1 其中 1.46+1.28+0.88', 1.46 + 1.28 + 0.88, '3.62', '改造面积3.62万平方米，其中屋面防水1.46万平方米、外墙保温1.28万平方米、门窗更换0.88万平方米')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O1 3.62 vs 表3-1 3.26', 3.62 != 3.26, '≥3.2万平方米\t3.26万平方米\t是')
NUM(R, 'TRAP', 'O2 一次验收合格率 17/18', 17 / 18 * 100, '94.4', '一次验收合格率94.4%')
CMP(R, 'DEFECT', 'SHORTFALL 表3-1 94.4 < 100 marked 是', 94.4 < 100, '100%\t94.4%\t是')
CMP(R, 'DEFECT', 'CLAIM P1 全部按期完工 vs O3 12月15日', True, '项目各项建设内容已全部按期完工并投入使用')
CMP(R, 'DEFECT', 'CLAIM evidence O3', True, '于2023年12月15日完工')
NUM(R, 'TRAP', 'O4 average per school', 1209.94 / 18, '67.22', '平均每所学校改造投资67.22万元')
NUM(R, 'TRAP', 'O4 unit cost 元/平方米', 1209.94 / 3.62, '334.2', '单位面积改造成本334.2元/平方米')
CMP(R, 'TRAP', 'O4 334.2 <= 400', 334.2 <= 400, '低于400元/平方米的控制标准')
CMP(R, 'DEFECT', 'IMPLAUSIBLE one school 1,862.50 > project 1,286.00', 1862.50 > 1286.00, '结算金额1,862.50万元')
CMP(R, 'DEFECT', 'DATE 2022年4月 tender for a 2023 project (funds 2023年3月)', 2022 < 2023, '各项目于2022年4月完成招标')
CMP(R, 'TRAP', '表3-1 met rows 9,486>=9,000, 15>=10, 95.6>=90', 9486 >= 9000 and 15 >= 10 and 95.6 >= 90, '≥9,000人\t9,486人\t是')
NUM(R, 'TRAP', 'P1 score total', 9.5 + 18.5 + 37.0 + 28.0, '93.0', '合计93.0分')
_t = text(R)
_p = '改造后校舍预计延长使用年限15年以上，各校建立了校舍日常巡查和维护台账，明确一名副校长负责校舍安全管理。'
CMP(R, 'DEFECT', 'DUPLICATE O6 = P2 verbatim', _t.count(_p) == 2, _p)

# ---------------- b19_qtcl 奇台县残联 (提纲) ----------------
R = 'b19_qtcl'
NUM(R, 'TRAP', 'B2 基本+项目', 186.52 + 204.72, '391.24', '实际支出391.24万元')
NUM(R, 'TRAP', 'B2 预算执行率', 391.24 / 402.75 * 100, '97.14', '预算执行率97.14%')
NUM(R, 'TRAP', 'O1 1,236 × 100元 × 12 (元)', 1236 * 100 * 12, '1,483,200', '共发放1,483,200元（148.32万元）')
NUM(R, 'TRAP', 'O1 same amount in 万元', 1236 * 100 * 12 / 10000, '148.32', '（148.32万元）')
NUM(R, 'TRAP', 'O4 64 × 0.5', 64 * 0.5, '32.0', '补助32.0万元')
NUM(R, 'TRAP', 'Q3 46 / 162', 46 / 162 * 100, '28.40', '比例仅为28.40%')
NUM(R, 'TRAP', 'P1 score total', 18.6 + 19.0 + 36.2 + 18.6, '92.4', '绩效得分92.4分')
_t = text(R)
CMP(R, 'DEFECT', 'REPEATED clause twice in O3', _t.count('举办残疾人职业技能培训4期') == 2, '举办残疾人职业技能培训4期，培训残疾人162人次，举办残疾人职业技能培训4期')
CMP(R, 'DEFECT', 'UNFILLED G4 template placeholder', True, '4.（其他绩效目标，根据部门实际填写，无则删除）')
CMP(R, 'DEFECT', 'NAME_VARIANT 联和会', True, '奇台县残疾人联和会')
_i1 = '2024年起每季度与公安、民政、医保部门比对一次数据，3月底前建立死亡、迁出人员自动停发机制，由组织联络部'
CMP(R, 'DEFECT', 'DUPLICATE I1 / I3', _t.count(_i1) == 2, _i1)
CMP(R, 'DEFECT', 'OUTCOME_RESTATES_GOAL O2 plan tense', True, '按照年初目标，全年将为不少于120名残疾儿童提供康复救助服务，力争')
CMP(R, 'TRAP', 'met 1,236>=1,200, 162>=150, 64>=60', 1236 >= 1200 and 162 >= 150 and 64 >= 60, '完成困难重度残疾人家庭无障碍改造64户')

# ---------------- b19_lgsw 临高县商务局 (inline scores + 附表) ----------------
R = 'b19_lgsw'
NUM(R, 'TRAP', 'B2 基本+项目', 438.27 + 232.78, '671.05', '基本支出438.27万元，项目支出232.78万元')
NUM(R, 'TRAP', 'O1 预算执行率', 671.05 / 688.46 * 100, '97.47', '预算执行率97.47%')
NUM(R, 'TRAP', 'O1 score 10 × 97.47%', 10 * 671.05 / 688.46, '9.75', '（分值10分，得分9.75分）')
NUM(R, 'DEFECT', 'O2 “三公”控制率 6.84/8.20', 6.84 / 8.20 * 100, '85.41', '控制率85.41%')
NUM(R, 'TRAP', '附表 三公 预算 合计', 2.40 + 5.80 + 0.00, '8.20', '合计\t8.20\t6.84')
NUM(R, 'TRAP', '附表 三公 决算 合计', 1.96 + 4.88 + 0.00, '6.84', '合计\t8.20\t6.84')
NUM(R, 'TRAP', '附表 执行率', 671.05 / 688.46 * 100, '97.47', '688.46\t671.05\t97.47%')
NUM(R, 'TRAP', 'O6 proportional score 10 × 1,286/1,500', 10 * 1286 / 1500, '8.57', '（分值10分，得分8.57分）')
CMP(R, 'DEFECT', 'DEVIATION O6 1,286 < 1,500 with no cause', 1286 < 1500, '全年开展电商进农村培训1,286人次，年度目标1,500人次。')
NUM(R, 'DEFECT', 'P1 total = nine inline scores', 9.75 + 10 + 9.5 + 10 + 10 + 8.57 + 10 + 15 + 14.5, '98.32', '绩效自评得分98.32分')
NUM(R, 'TRAP', 'weights 20+20+30+30', 10 + 10 + 10 + 10 + 10 + 10 + 10 + 15 + 15, '100', '（四）效益指标（分值30分）')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O5 16 vs I2 14', 16 != 14, '在2023年新增14家限额以上商贸企业的基础上')
CMP(R, 'DEFECT', 'IMPLAUSIBLE 386 firms > 46 in the county', 386 > 46, '为全县386家外贸企业提供出口信用保险保费补贴')
CMP(R, 'DEFECT', 'IMPLAUSIBLE evidence B1', True, '全县共有外贸企业46家')
NUM(R, 'TRAP', 'Q1 追加 688.46 - 612.30', 688.46 - 612.30, '76.16', '年中追加预算76.16万元')
CMP(R, 'TRAP', 'O5 24>=20, 16>=12', 24 >= 20 and 16 >= 12, '促消费活动24场，新增限额以上商贸企业16家')
CMP(R, 'TRAP', '优 fits true 97.32 and stated 98.32', 97.32 >= 90 and 98.32 >= 90, '评价等级为“优”（90分及以上为优')

# ---------------- b19_yxjc 涧池乡 公示 (full-width digits) ----------------
R = 'b19_yxjc'
NUM(R, 'TRAP', 'B2 240.00 + 61.48', 240.00 + 61.48, '301.48', '项目总投资３０１．４８万元，其中中央衔接资金２４０．００万元、省级衔接资金６１．４８万元')
NUM(R, 'TRAP', 'O2 支付率 286.40/301.48', 286.40 / 301.48 * 100, '95.00', '支付率９５．００％')
NUM(R, 'TRAP', 'O2 unpaid 301.48 - 286.40', 301.48 - 286.40, '15.08', '剩余１５．０８万元质保金')
CMP(R, 'DEFECT', 'CLAIM 全部拨付到位 while 15.08 unpaid', 286.40 < 301.48, '项目资金已全部拨付到位')
NUM(R, 'TRAP', 'O3 20/21', 20 / 21 * 100, '95.2', '完成值９５．２％（２１个分部工程２０个合格）')
CMP(R, 'DEFECT', 'SHORTFALL 95.2 < 100 「达到目标」', 95.2 < 100, '２０个合格），达到目标')
CMP(R, 'DEFECT', 'NO_FIGURE 按期完工率 较好完成', True, '完成值：较好完成')
CMP(R, 'DEFECT', 'DEVIATION 296 < 320 no cause', 296 < 320, '目标值≥３２０户，完成值２９６户。')
NUM(R, 'TRAP', 'O6 193/200', 193 / 200 * 100, '96.5', '完成值９６．５％（发放问卷２００份，满意１９３份）')
CMP(R, 'DEFECT', 'DATE 2021 for a 2023 project', 2021 < 2023, '２０２１年１１月２０日完工')
CMP(R, 'DEFECT', 'CITATION reversed brackets', True, '郧财农发〕２０２３〔１２号')
NUM(R, 'TRAP', 'P1 score total', 46.0 + 27.0 + 10 + 9.5, '92.5', '绩效自评得分９２．５分')
CMP(R, 'TRAP', 'O1 5.6 >= 5.6 met on equality', 5.6 >= 5.6, '目标值≥５．６公里，完成值５．６公里')

# ---------------- b19_dytx 当阳市体育局 (slides) ----------------
R = 'b19_dytx'
NUM(R, 'TRAP', 'B2 基本+项目', 268.94 + 183.22, '452.16', '实际支出452.16万元')
NUM(R, 'TRAP', 'B2 预算执行率', 452.16 / 468.35 * 100, '96.54', '预算执行率96.54%')
NUM(R, 'TRAP', 'O2 growth 4.2/3.1-1', (4.2 / 3.1 - 1) * 100, '35.5', '较上年3.1万人次增长35.5%')
NUM(R, 'TRAP', 'P score sum', 19.2 + 18.8 + 36.4 + 15.2, '89.6', '综合得分89.6分')
CMP(R, 'DEFECT', 'SCORE grade 优 for 89.6 on the stated scale (优 >= 90)', 89.6 < 90, '综合得分89.6分，评价等级：优（90分及以上为优，80—90分为良）')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O2 36 vs P6 39', 36 != 39, '全年举办全民健身赛事活动39场次')
CMP(R, 'DEFECT', 'CLAIM 全部按期完工 vs Q2 2024年3月', True, '等项目全部按期完工并投入使用')
CMP(R, 'DEFECT', 'CLAIM evidence Q2', True, '2个村级健身广场因用地调整，延至2024年3月完工')
_t = text(R)
CMP(R, 'DEFECT', 'REPEATED clause twice in O5', _t.count('市体育馆、游泳馆全年免费或低收费开放') == 3, '接待健身群众18.6万人次，市体育馆、游泳馆全年免费或低收费开放')
CMP(R, 'DEFECT', 'OUTCOME_RESTATES_GOAL O4', True, '按照年度计划，将完成国民体质监测不少于1,200人，力争')
CMP(R, 'TRAP', 'met 32>=30, 36>=30', 32 >= 30 and 36 >= 30, '新建（更新）全民健身路径32条')

# ---------------- b19_bpwj 北票市 基本药物 (复核 form) ----------------
R = 'b19_bpwj'
NUM(R, 'TRAP', '年初 326.00 + 86.00', 326.00 + 86.00, '412.00', '年度资金总额\t412.00\t436.80\t421.35')
NUM(R, 'TRAP', '全年 346.80 + 90.00', 346.80 + 90.00, '436.80', '年度资金总额\t412.00\t436.80\t421.35')
NUM(R, 'TRAP', '执行 334.15 + 87.20', 334.15 + 87.20, '421.35', '年度资金总额\t412.00\t436.80\t421.35')
NUM(R, 'TRAP', '年度资金总额 执行率', 421.35 / 436.80 * 100, '96.46', '421.35\t10\t96.46%\t9.65\t9.65')
NUM(R, 'TRAP', '执行率得分 10 × 96.46%', 10 * 421.35 / 436.80, '9.65', '96.46%\t9.65\t9.65')
NUM(R, 'TRAP', '中央 执行率', 334.15 / 346.80 * 100, '96.35', '334.15\t—\t96.35%')
NUM(R, 'TRAP', '省级 执行率', 87.20 / 90.00 * 100, '96.89', '87.20\t—\t96.89%')
NUM(R, 'TRAP', 'O1 186 × 1.2', 186 * 1.2, '223.20', '拨付村卫生室补助223.20万元')
NUM(R, 'DEFECT', 'O2 基本药物 share', 2846.30 / 4412.60 * 100, '65.50', '其中基本药物2,846.30万元，占比65.50%')
NUM(R, 'DEFECT', '产出 小计 (自评)', 10 + 10 + 10 + 9 + 10, '50', '产出指标\t小计\t\t\t\t50\t50\t49')
NUM(R, 'TRAP', '产出 小计 (复核)', 10 + 10 + 10 + 9 + 10, '49', '产出指标\t小计\t\t\t\t50\t50\t49')
NUM(R, 'TRAP', '效益 小计', 10 + 7 + 10, '27', '效益指标\t小计\t\t\t\t30\t27\t27')
NUM(R, 'TRAP', '自评 总分 = stated 小计 (carries the 小计 error)', 9.65 + 50 + 27 + 10, '96.65', '100\t96.65\t94.65')
NUM(R, 'TRAP', '复核 总分', 9.65 + 49 + 27 + 9, '94.65', '100\t96.65\t94.65')
CMP(R, 'DEFECT', 'SHORTFALL 66.8 < 70 「符合预期」', 66.8 < 70, '≥70%\t66.8%\t10\t9\t9\t符合预期')
CMP(R, 'DEFECT', 'DEVIATION 1.6 < 3 「客观原因所致」', 1.6 < 3, '≥3%\t1.6%\t10\t7\t7\t客观原因所致')
CMP(R, 'DEFECT', 'NO_FIGURE 培训人数 已落实', True, '≥400人\t已落实\t10\t10')
CMP(R, 'DEFECT', 'RATE_OVER_100 网上集中采购率', 100.4 > 100, '100%\t100.4%')
CMP(R, 'DEFECT', 'UNIT 覆盖率 answered as count', True, '覆盖率\t100%\t186个')
CMP(R, 'TRAP', 'met 36.8<=40, 93.2>=90', 36.8 <= 40 and 93.2 >= 90, '≤40元\t36.8元')
CMP(R, 'TRAP', '优 fits 96.65 / 95.65 / 94.65', min(96.65, 95.65, 94.65) >= 90, '评 价 等 级\t\t\t\t\t\t\t优\t优')

print(f'{count} lines, {bad} not as planted')
sys.exit(1 if bad else 0)
