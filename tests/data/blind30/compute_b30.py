#!/usr/bin/env python3
"""Re-run every computation planted in blind30 (defects and traps) and check each snippet occurs verbatim.

NUM lines: the computed value, rounded half-up at the written precision, is compared with the written figure
  (TRAP: must be equal; DEFECT: must differ) and the written snippet must occur in the report.
CMP lines: a stated relation (met / not met, part vs whole, score vs weight, grade vs scale, repetition) that must
  hold as planted; its snippet must occur in the report.
Full-width digits, 「．」 and 「％」 are normalised on both sides. Exit 0 when every line is as planted.
"""
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９％．', '0123456789%.')
_texts = {}
bad = []
count = 0


def norm(s):
    return s.translate(FW)


def text(rep):
    if rep not in _texts:
        with open(os.path.join(HERE, rep + '.txt'), encoding='utf-8') as f:
            _texts[rep] = norm(f.read())
    return _texts[rep]


def has(rep, snippet):
    return norm(snippet) in text(rep)


def rnd(value, written):
    w = norm(written).replace(',', '').rstrip('%')
    places = len(w.split('.')[1]) if '.' in w else 0
    q = Decimal(1).scaleb(-places)
    return Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP), Decimal(w)


def NUM(rep, kind, label, value, written, snippet):
    global count
    count += 1
    got, w = rnd(value, written)
    ok_val = (got == w) if kind == 'TRAP' else (got != w)
    ok_snip = has(rep, snippet)
    status = 'ok' if (ok_val and ok_snip) else 'FAIL'
    print(f'{status:4} {rep:11} {kind:6} NUM {label}: computed {got} written {written}'
          + ('' if ok_snip else f'  [snippet missing: {snippet}]'))
    if status != 'ok':
        bad.append((rep, label))


def CMP(rep, kind, label, cond, snippet):
    global count
    count += 1
    ok_snip = has(rep, snippet)
    status = 'ok' if (cond and ok_snip) else 'FAIL'
    print(f'{status:4} {rep:11} {kind:6} CMP {label}' + ('' if ok_snip else f'  [snippet missing: {snippet}]'))
    if status != 'ok':
        bad.append((rep, label))


def occurrences(rep, snippet):
    return text(rep).count(norm(snippet))


# ---------------------------------------------------------------- b30_mcbwg
R = 'b30_mcbwg'
NUM(R, 'DEFECT', 'O1 未成年人占比 5.12/18.64', 5.12 / 18.64 * 100, '29.5%', '未成年人观众5.12万人次，占观众总数的29.5%')
NUM(R, 'DEFECT', 'TBL 总分 = 18.92 + indicator scores', 18.92 + 10 + 8 + 8 + 6.8 + 8 + 8 + 6 + 8 + 6 + 8.15, '96.87', '100\t96.87')
CMP(R, 'DEFECT', 'O3 全部支付完毕 vs 81.37 < 86.00', 81.37 < 86.00, '免费开放补助资金已全部支付完毕，年末无结余')
CMP(R, 'DEFECT', 'TBL 免费开放天数 292 < 300 scored full, 已完成', 292 < 300, '≥300天\t292天\t10\t10\t已完成')
CMP(R, 'DEFECT', 'TBL 满意度 91.3 < 95, reason 无', 91.3 < 95, '≥95%\t91.3%\t10\t8.15\t无')
CMP(R, 'DEFECT', 'TBL 数字化登录 no figure', True, '≥800件\t按计划推进')
CMP(R, 'DEFECT', 'I 自评结果应用 placeholder', True, '（说明自评结果拟与预算安排相结合的情况）')
NUM(R, 'TRAP', 'B1 60.00 + 26.00', 60.00 + 26.00, '86.00', '中央补助60.00万元、省级补助26.00万元')
NUM(R, 'TRAP', 'B1 57.20 + 24.17', 57.20 + 24.17, '81.37', '全年执行数81.37万元')
NUM(R, 'TRAP', '执行率 81.37/86.00', 81.37 / 86.00 * 100, '94.62%', '86.00\t81.37\t94.62%')
NUM(R, 'TRAP', '中央 57.20/60.00', 57.20 / 60.00 * 100, '95.33%', '60.00\t57.20\t95.33%')
NUM(R, 'TRAP', '省级 24.17/26.00', 24.17 / 26.00 * 100, '92.96%', '26.00\t24.17\t92.96%')
NUM(R, 'TRAP', '得分 20 × 94.62%', 20 * 0.9462, '18.92', '94.62%\t18.92')
NUM(R, 'TRAP', '流动展览 17/20 × 8', 17 / 20 * 8, '6.8', '17场\t8\t6.8')
NUM(R, 'TRAP', '满意度 10 − 3.7 × 0.5', 10 - (95 - 91.3) * 0.5, '8.15', '10\t8.15')
NUM(R, 'TRAP', '分值 20 + 80', 20 + 10 + 8 + 8 + 8 + 8 + 8 + 6 + 8 + 6 + 10, '100', '总分\t\t\t\t\t\t100\t96.87')
CMP(R, 'TRAP', 'met ≤: 0.13 ≤ 0.15万元', 0.13 <= 0.15, '≤0.15万元\t0.13万元')
CMP(R, 'TRAP', 'met ≥: 128 ≥ 120, 6 ≥ 5, 18.64 ≥ 18', 128 >= 120 and 6 >= 5 and 18.64 >= 18, '≥120场\t128场')
CMP(R, 'TRAP', 'met on equality: 0起, 100%', True, '0起\t0起')
CMP(R, 'TRAP', 'justified 无 in 上年度 cell', True, '无。2022年度该项目自评得分96.2分')

# ---------------------------------------------------------------- b30_wclc
R = 'b30_wclc'
NUM(R, 'DEFECT', 'O1 1.35 + 0.95 其中 parts vs 2.2', 1.35 + 0.95, '2.2', '完成中幼林抚育2.2万亩，其中国有林场1.35万亩、集体林0.95万亩')
CMP(R, 'DEFECT', 'O2 37.4 vs TBL 36.8 管护面积', 37.4 != 36.8, '落实国有林管护37.4万亩')
CMP(R, 'DEFECT', 'TBL 管护责任落实率 得分 7 > 分值 5', 7 > 5, '国有林管护责任落实率 100% 100% 5 7')
CMP(R, 'DEFECT', 'TBL 森林覆盖率 62.3 < 62.5 scored full, 已完成', 62.3 < 62.5, '≥62.5% 62.3% 10 10 已完成')
CMP(R, 'DEFECT', 'TBL 满意度 87.5 < 90, reason 正常波动', 87.5 < 90, '≥90% 87.5% 15 12 正常波动')
CMP(R, 'DEFECT', 'TBL 监控点 count answered in 万元', True, '≥6个 18.60万元')
CMP(R, 'DEFECT', 'TBL 兑付到位率 101.2 > 100', 101.2 > 100, '100% 101.2%')
NUM(R, 'TRAP', 'A 438.6 + 47.6', 438.6 + 47.6, '486.200000', '1 486.200000 0.000000 486.200000')
NUM(R, 'TRAP', 'E 412.518 + 39.8', 412.518 + 39.8, '452.318000', '100.00% 452.318000 93.03%')
NUM(R, 'TRAP', '执行 452.318/486.2', 452.318 / 486.2 * 100, '93.03%', '452.318000 93.03%')
NUM(R, 'TRAP', '中央 412.518/438.6', 412.518 / 438.6 * 100, '94.05%', '412.518000 94.05%')
NUM(R, 'TRAP', '地方 39.8/47.6', 39.8 / 47.6 * 100, '83.61%', '39.800000 83.61%')
NUM(R, 'TRAP', '预算执行率得分 5 × 93.03%', 5 * 0.9303, '4.65', '93.03% 5 4.65')
NUM(R, 'TRAP', '防治面积 1.42/1.6 × 10', 1.42 / 1.6 * 10, '8.88', '1.42万亩 10 8.88')
NUM(R, 'TRAP', '总分 = written scores', 10 + 10 + 5 + 8.88 + 10 + 10 + 5 + 4.65 + 10 + 5 + 7 + 12, '97.53', '总分 100 97.53')
NUM(R, 'TRAP', '分值 sum', 10 + 10 + 5 + 10 + 10 + 10 + 5 + 5 + 10 + 5 + 5 + 15, '100', '总分 100')
CMP(R, 'TRAP', '优 fits 97.53 (≥90)', 97.53 >= 90, '自评等级 优')
CMP(R, 'TRAP', 'met on equality 2.2 and 36.8', True, '≥2.2万亩 2.2万亩')
CMP(R, 'TRAP', 'met ≤ 2.9‰ ≤ 3.5‰', 2.9 <= 3.5, '≤3.5‰ 2.9‰')
CMP(R, 'TRAP', 'met ≥ 96.8 ≥ 95', 96.8 >= 95, '≥95% 96.8%')
CMP(R, 'TRAP', '尾款 29.30 ≤ unspent 33.882', 29.30 <= 486.2 - 452.318, '尾款29.30万元未支付')

# ---------------------------------------------------------------- b30_fyhsh
R = 'b30_fyhsh'
CMP(R, 'DEFECT', 'O1 1,286 vs TBL 1,320 救护员', 1286 != 1320, '培训红十字救护员1,286人')
CMP(R, 'DEFECT', 'TBL side of the conflict', True, '培训救护员1,320人')
CMP(R, 'DEFECT', 'P1 全部完成 vs O4 48 < 60', 48 < 60, '年度绩效目标全部完成')
CMP(R, 'DEFECT', 'P2 unsupported', True, '社会影响力和公信力显著增强')
CMP(R, 'DEFECT', 'G5 博爱家园 appears only in G5', occurrences(R, '博爱家园') == 1, '建成“红十字博爱家园”项目1个')
CMP(R, 'DEFECT', 'I2 vague', True, '持续加大工作力度，不断拓宽筹资渠道，努力开创红十字筹资工作新局面')
CMP(R, 'DEFECT', 'O1 paragraph twice (O1, I4)', occurrences(R, '全年举办救护员培训班32期，培训红十字救护员1,286人；进学校、进企业、进社区开展普及性培训126场，覆盖8,460人次。') == 2, '全年举办救护员培训班32期')
CMP(R, 'DEFECT', 'B1 mixed brackets', True, '富编〔2019）17号')
NUM(R, 'TRAP', 'B3 186.42 + 28.38', 186.42 + 28.38, '214.80', '调整预算214.80万元')
NUM(R, 'TRAP', 'B3 132.56 + 82.24', 132.56 + 82.24, '214.80', '基本支出132.56万元、项目支出82.24万元')
NUM(R, 'TRAP', 'B3 206.35/214.80', 206.35 / 214.80 * 100, '96.07%', '全年实际支出206.35万元，预算执行率96.07%')
NUM(R, 'TRAP', 'P1 14 + 23.5 + 32.5 + 22.5', 14 + 23.5 + 32.5 + 22.5, '92.5', '自评得分92.5分，其中投入15分得14分')
NUM(R, 'TRAP', 'P1 weights 15 + 25 + 35 + 25', 15 + 25 + 35 + 25, '100', '效益25分得22.5分')
CMP(R, 'TRAP', '优 fits 92.5', 92.5 >= 90, '等级为“优”')
NUM(R, 'TRAP', 'O5 112/118', 112 / 118 * 100, '94.92%', '满意和基本满意112份，满意度94.92%')
CMP(R, 'TRAP', 'met ≥ targets O1–O3', 1286 >= 1200 and 8460 >= 8000 and 642 >= 600 and 2614 >= 2500, '动员无偿献血2,614人次')
CMP(R, 'TRAP', 'O4 shortfall with reason', True, '主要原因是11月计划的集中采样活动因市血液中心检测试剂供应延后而取消')
CMP(R, 'TRAP', 'well-formed citation', True, '富财绩〔2024〕5号')

# ---------------------------------------------------------------- b30_djtj
R = 'b30_djtj'
NUM(R, 'DEFECT', 'O1 42 × 1,200元 in 万元', 42 * 1200 / 10000, '5.94', '按每生每年1,200元标准发放送教交通补助5.94万元')
CMP(R, 'DEFECT', 'O1 42 vs TBL 45 送教上门', 42 != 45, '送教上门服务学生数¤≥40名¤45名')
CMP(R, 'DEFECT', 'O2 203 beneficiaries > 168 students', 203 > 168, '惠及学生203名')
CMP(R, 'DEFECT', 'O3 clause twice', occurrences(R, '开展个别化康复训练4,260课时') == 2, '开展个别化康复训练4,260课时，康复训练覆盖学生142名，开展个别化康复训练4,260课时')
CMP(R, 'DEFECT', 'TBL 入学率 95.6 < 97 marked 是', 95.6 < 97, '≥97%¤95.6%¤是¤¤¤')
CMP(R, 'DEFECT', 'TBL 康复覆盖率 84.5 < 90, reason empty', 84.5 < 90, '≥90%¤84.5%¤否¤¤¤')
CMP(R, 'DEFECT', 'P2 unsupported', True, '学生综合素质显著提升，家长满意度明显提高')
NUM(R, 'TRAP', 'B1 31 + 86 + 22 + 29', 31 + 86 + 22 + 29, '168', '在校学生168名，其中孤独症学生31名')
NUM(R, 'TRAP', 'B2 68 + 24', 68.00 + 24.00, '92.00', '共安排特殊教育补助资金92.00万元')
NUM(R, 'TRAP', 'B2 88.36/92.00', 88.36 / 92.00 * 100, '96.04%', '全年支出88.36万元，预算执行率96.04%')
NUM(R, 'TRAP', 'O3 142/168 → 84.5%', 142 / 168 * 100, '84.5%', '¤84.5%¤')
NUM(R, 'TRAP', 'O4 12 × 200 × 10 in 万元', 12 * 200 * 10 / 10000, '2.40', '全年按10个月计发2.40万元')
CMP(R, 'TRAP', 'row 3 26 < 30 with reason', 26 < 30, '26人次¤否¤市级培训班推迟至2024年3月¤¤')
CMP(R, 'TRAP', 'met ≤ 0.26 ≤ 0.3', 0.26 <= 0.3, '≤0.3万元¤0.26万元¤是')
CMP(R, 'TRAP', 'met ≥ 168 ≥ 165, 93.8 ≥ 90', 168 >= 165 and 93.8 >= 90, '≥165名¤168名¤是')
CMP(R, 'TRAP', 'met on equality 100%', True, '100%¤100%¤是')

# ---------------------------------------------------------------- b30_bygw
R = 'b30_bygw'
CMP(R, 'DEFECT', 'TBL row 6 得分 22 > 分值 20', 22 > 20, '≥98%\t98.78%\t100%\t20\t22\t是')
CMP(R, 'DEFECT', 'P1 全部兑现 vs O5 16 < 20', 16 < 20, '六项承诺全部兑现')
CMP(R, 'DEFECT', 'O2/TBL 即办件占比 57.3 < 60 marked 是, 兑现率 100%', 57.3 < 60, '≥60%\t57.3%\t100%\t15\t15\t是')
CMP(R, 'DEFECT', 'P2 unsupported', True, '全县政务服务效能大幅提升，营商环境持续优化')
CMP(R, 'DEFECT', 'TBL 网上可办率 100.8 > 100', 100.8 > 100, '≥95%\t100.8%')
CMP(R, 'DEFECT', 'O3 restates G3 (将 / 力争)', True, '全年将持续推行“帮办代办”服务，力争为企业群众提供帮办代办服务1,500件次以上')
CMP(R, 'DEFECT', 'B1 巴颜县 once, 巴彦县 elsewhere', occurrences(R, '巴颜县') == 1 and occurrences(R, '巴彦县') >= 3, '巴颜县政务服务中心为县人民政府直属')
NUM(R, 'TRAP', 'B2 412.60 + 35.75', 412.60 + 35.75, '448.35', '调整预算448.35万元')
NUM(R, 'TRAP', 'B2 431.72/448.35', 431.72 / 448.35 * 100, '96.29%', '全年实际支出431.72万元，预算执行率96.29%')
NUM(R, 'TRAP', 'O2 12.24/21.36', 12.24 / 21.36 * 100, '57.3%', '即办件12.24万件，即办件占比57.3%')
NUM(R, 'TRAP', 'O4 21.30/21.36', 21.30 / 21.36 * 100, '99.72%', '按期办结21.30万件，按期办结率99.72%')
NUM(R, 'TRAP', 'O6 9.74/9.86', 9.74 / 9.86 * 100, '98.78%', '好评9.74万条，满意率98.78%')
NUM(R, 'TRAP', 'row 5 16/20', 16 / 20 * 100, '80%', '20个\t16个\t80%')
NUM(R, 'TRAP', 'row 5 15 × 80%', 15 * 0.8, '12', '80%\t15\t12\t否')
NUM(R, 'TRAP', '合计 = written scores', 15 + 15 + 15 + 20 + 12 + 22, '99', '合计\t\t\t\t\t100\t99')
NUM(R, 'TRAP', '分值 sum', 15 + 15 + 15 + 20 + 15 + 20, '100', '合计\t\t\t\t\t100')
CMP(R, 'TRAP', 'met ≥ 1,634 ≥ 1,500; 99.72 ≥ 99; 98.78 ≥ 98', 1634 >= 1500 and 99.72 >= 99 and 98.78 >= 98, '≥1,500件次\t1,634件次')

# ---------------------------------------------------------------- b30_pcxy
R = 'b30_pcxy'
CMP(R, 'DEFECT', 'O1 312 vs P2 298 户厕', 312 != 298, '完成农村户厕改造312户')
CMP(R, 'DEFECT', 'P2 side of the conflict', True, '全年改造农村户厕298户')
CMP(R, 'DEFECT', 'P1 均已完成 vs O3 2 < 3 驿站', 2 < 3, '年度各项目标任务均已完成')
CMP(R, 'DEFECT', 'O6 unsupported', True, '群众安全感、幸福感显著增强，镇村面貌焕然一新')
CMP(R, 'DEFECT', 'Q3 财力 without measure (no 财力 in 六)', '财力' not in text(R).split('六、改进措施')[1].split('浦城县仙阳镇人民政府')[0], '镇级财力有限')
CMP(R, 'DEFECT', 'O2 2022 figure in 2023 report', True, '2.2022年全镇粮食播种面积5.86万亩')
CMP(R, 'DEFECT', 'I2 clause twice', occurrences(R, '2024年6月底前完成第3个驿站的设备配置并投入使用') == 2, '投入使用，2024年6月底前完成第3个驿站')
CMP(R, 'DEFECT', 'I1 仙杨镇 once', occurrences(R, '仙杨镇') == 1, '由仙杨镇农业农村服务中心负责')
NUM(R, 'TRAP', 'B2 1,628.44 + 1,387.18', 1628.44 + 1387.18, '3,015.62', '全年支出3,015.62万元')
NUM(R, 'TRAP', 'B2 3,015.62/3,124.80', 3015.62 / 3124.80 * 100, '96.51%', '预算执行率96.51%')
NUM(R, 'TRAP', 'P1 19.3 + 37.2 + 27.5 + 9', 19.3 + 37.2 + 27.5 + 9, '93', '绩效自评得分93分')
NUM(R, 'TRAP', 'P1 20 × 96.51%', 20 * 0.9651, '19.3', '预算执行20分得19.3分')
CMP(R, 'TRAP', 'met ≥ 312 ≥ 300, 638 ≥ 600', 312 >= 300 and 638 >= 600, '638人次农民参加培训')
NUM(R, 'TRAP', 'O5 46/46', 46 / 46 * 100, '100%', '按期办结46件，按期办结率100%')
CMP(R, 'TRAP', 'O3 late third 驿站 with reason', True, '因选址调整，主体工程于2024年1月完工')
CMP(R, 'TRAP', 'empty web form', True, '留言内容：（500字以内）')

# ---------------------------------------------------------------- b30_nkyj
R = 'b30_nkyj'
NUM(R, 'DEFECT', 'B3 1,846.35/1,962.40', 1846.35 / 1962.40 * 100, '95.12%', '预算执行率为95.12%')
CMP(R, 'DEFECT', 'B3 operands present', has(R, '1,846.35万元') and has(R, '1,962.40万元'), '1,846.35万元')
NUM(R, 'DEFECT', 'P1 19.2 + 18.5 + 28 + 27.5', 19.2 + 18.5 + 28 + 27.5, '94.2', '自评总分为94.2分')
CMP(R, 'DEFECT', 'P1 parts present', all(has(R, p) for p in ['投入20分得19.2分', '过程20分得18.5分', '产出30分得28分', '效益30分得27.5分']), '效益30分得27.5分')
CMP(R, 'DEFECT', 'O3 92.4 < 95, no reason', 92.4 < 95, '实际按期完成率为92.4%')
CMP(R, 'DEFECT', 'O1 演练 no figure', True, '实际完成情况：已按计划完成')
CMP(R, 'DEFECT', 'G4 储备库 only in G4', text(R).replace(' ', '').count('储备库') == 1, '应急物资储备库1个')
CMP(R, 'DEFECT', 'O2 restates G2', True, '按照年初目标，全年执法检查发现的问题隐')
CMP(R, 'DEFECT', 'O2 将 / 力争', True, '整改率将达到100%，力争做到隐患动态清零')
CMP(R, 'DEFECT', 'G3 2022 in a 2023 goal', True, '3.2022年全区生产安全事故')
NUM(R, 'TRAP', 'B3 1,104.65 + 857.75', 1104.65 + 857.75, '1,962.40', '1,962.40万元')
NUM(R, 'TRAP', 'O1 1,326/1,200', 1326 / 1200 * 100, '110.5%', '完成率110.5%')
NUM(R, 'TRAP', 'O4 186.25/192.00', 186.25 / 192.00 * 100, '97.01%', '为预算的97.01%')
NUM(R, 'TRAP', 'O5 1 − 6/8', (1 - 6 / 8) * 100, '25%', '下降25%和33.3%')
NUM(R, 'TRAP', 'O5 1 − 6/9', (1 - 6 / 9) * 100, '33.3%', '下降25%和33.3%')
NUM(R, 'TRAP', 'O6 1,356/1,462', 1356 / 1462 * 100, '92.75%', '满意度92.75%')
CMP(R, 'TRAP', 'P1 weights 20 + 20 + 30 + 30 = 100', 20 + 20 + 30 + 30 == 100, '投入20分得19.2分')
CMP(R, 'TRAP', '优 fits 94.2 / 93.2', 93.2 >= 90, '评价等级为“优”')

# ---------------------------------------------------------------- b30_wgsl
R = 'b30_wgsl'
CMP(R, 'DEFECT', 'ZP-04 核查结论 placeholder', True, '核查结论：（根据核查情况填写，并注明核查值与申报值的差异及原因）')
NUM(R, 'DEFECT', 'O1 38.6 × 2.4万元 written in 元 (value in 元 vs 92.64)', 38.6 * 2.4 * 10000, '92.64', '按单公里2.4万元结算，管网维修支出92.64元')
CMP(R, 'DEFECT', 'O2 one works 312.40 > project 286.00', 312.40 > 286.00, '完成投资312.40万元')
CMP(R, 'DEFECT', 'I2 vague', True, '进一步强化应急抢修意识，切实提高抢修工作水平，全力保障群众饮水安全')
CMP(R, 'DEFECT', 'Q4 near-repeats Q1', has(R, '问题1：部分村级供水工程管护员年龄偏大，专业技能不足，日常巡检不到位') and has(R, '问题4：部分村级供水工程管护员年龄偏大，专业技能不足，日常巡检不够到位'), '问题4：部分村级供水工程管护员年龄偏大')
CMP(R, 'DEFECT', 'B1 two-digit year', True, '咸财农〔23〕41号')
CMP(R, 'DEFECT', 'Q2 计量 / 水费 not answered by any 建议', not any(w in ''.join(l for l in text(R).splitlines() if l.startswith('建议')) for w in ['计量', '水费', '运行维护资金']), '水费收缴率低')
NUM(R, 'TRAP', 'B4 216 + 40 + 30', 216.00 + 40.00 + 30.00, '286.00', '下达项目资金286.00万元')
NUM(R, 'TRAP', 'B5 271.68/286.00', 271.68 / 286.00 * 100, '94.99%', '实际支出271.68万元，预算执行率94.99%')
NUM(R, 'TRAP', 'B5 286.00 − 271.68', 286.00 - 271.68, '14.32', '结余14.32万元')
NUM(R, 'TRAP', 'O3 210/216', 210 / 216 * 100, '97.2%', '合格210份，合格率97.2%')
NUM(R, 'TRAP', 'O4 187/200', 187 / 200 * 100, '93.5%', '满意187份，满意度93.5%')
NUM(R, 'TRAP', 'P1 14 + 23.6 + 39 + 18', 14 + 23.6 + 39 + 18, '94.6', '自评得分94.6分')
CMP(R, 'TRAP', 'P1 weights 15 + 25 + 40 + 20 = 100', 15 + 25 + 40 + 20 == 100, '决策15分得14分、过程25分得23.6分、产出40分得39分、效益20分得18分')
CMP(R, 'TRAP', '优 fits 94.6', 94.6 >= 90, '等级为“优”')
CMP(R, 'TRAP', 'TBL met ≤ 2.4 ≤ 2.5', 2.4 <= 2.5, '≤2.5万元\t2.4万元')
CMP(R, 'TRAP', 'TBL met ≥ 61 ≥ 58, 38.6 ≥ 36', 61 >= 58 and 38.6 >= 36, '≥58处\t61处')


# ---------------------------------------------------------------- gold shape
REPORTS = ['b30_mcbwg', 'b30_wclc', 'b30_fyhsh', 'b30_djtj', 'b30_bygw', 'b30_pcxy', 'b30_nkyj', 'b30_wgsl']
try:
    import yaml
except ImportError:
    yaml = None
if yaml is not None:
    from collections import Counter
    total = Counter()
    for rep in REPORTS:
        with open(os.path.join(HERE, rep + '.yaml'), encoding='utf-8') as f:
            gold = yaml.safe_load(f)
        codes = [x['code'] for x in gold['findings']]
        ok = len(codes) == 7 and len(set(codes)) == 7 and all(x.get('why') and x.get('where') for x in gold['findings'])
        count += 1
        print(f"{'ok' if ok else 'FAIL':4} {rep:11} GOLD   7 findings, 7 different codes, each with where and why")
        if not ok:
            bad.append((rep, 'gold shape'))
        total.update(codes)
    first = ['ARITHMETIC_MISMATCH', 'NUMBER_CONFLICT', 'SCORE_MISMATCH', 'CLAIM_CONTRADICTED', 'INDICATOR_SHORTFALL',
             'DEVIATION_UNEXPLAINED', 'UNSUPPORTED_CLAIM']
    rest = ['INDICATOR_NO_FIGURE', 'UNIT_MISMATCH', 'IMPLAUSIBLE_MAGNITUDE', 'RATE_OVER_100', 'DATE_OUT_OF_PERIOD',
            'UNFILLED_FORM', 'GOAL_WITHOUT_OUTCOME', 'PROBLEM_WITHOUT_MEASURE', 'VAGUE_MEASURE', 'REPEATED_TEXT',
            'OUTCOME_RESTATES_GOAL', 'DUPLICATE_PARAGRAPH', 'NAME_VARIANT', 'CITATION_MALFORMED']
    ok = all(total[c] == 4 for c in first) and all(total[c] == 2 for c in rest) and sum(total.values()) == 56
    count += 1
    print(f"{'ok' if ok else 'FAIL':4} {'all':11} GOLD   56 findings: first seven codes 4 each, the other fourteen 2 each")
    if not ok:
        bad.append(('all', 'code totals'))

print(f'{count} lines, {len(bad)} not as planted')
sys.exit(1 if bad else 0)
