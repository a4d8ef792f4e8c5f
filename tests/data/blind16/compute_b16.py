#!/usr/bin/env python3
"""Re-run every computation planted in blind16 (defects and traps).

Each line: report, DEFECT/TRAP, what, the computed value, the figure the report writes, and the verbatim text
(`needle`) in which the report writes it. A TRAP is as planted when the written figure equals the computed one at the
written precision; a DEFECT when it does not. Every needle must occur verbatim in its report. Exit 0 when all lines are
as planted.
"""
import os, re, sys
from decimal import Decimal, ROUND_HALF_UP
HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％，', '0123456789.%,')
texts = {}
def text(r):
    if r not in texts:
        texts[r] = open(os.path.join(HERE, r + '.txt'), encoding='utf-8').read()
    return texts[r]

bad = 0
def claim(r, kind, what, holds, needle):
    """A comparison that is not a single figure (met / not met, score vs weight, grade vs scale): `holds` is the
    python test of the defect (DEFECT lines) or of the correct state (TRAP lines); needle is the verbatim text."""
    global bad
    ok_txt = needle in text(r)
    ok = bool(holds) and ok_txt
    if not ok:
        bad += 1
    print(f"{'OK ' if ok else 'BAD'} {r:10s} {kind:6s} {what}: {'holds' if holds else 'DOES NOT HOLD'}"
          f"{'' if ok_txt else '  [needle not found verbatim]'}")

def chk(r, kind, what, computed, written, needle):
    """written: the figure as the report writes it (may be full-width); needle: verbatim context containing it."""
    global bad
    t = text(r)
    w = written.translate(FW).replace(',', '')
    m = re.search(r'-?\d+(\.\d+)?', w)
    wv = float(m.group(0))
    dec = len(m.group(1)) - 1 if m.group(1) else 0
    q = Decimal(repr(round(computed, 10))).quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)
    equal = q == Decimal(m.group(0))
    ok_val = equal if kind == 'TRAP' else not equal
    ok_txt = needle in t and written in needle
    ok = ok_val and ok_txt
    if not ok:
        bad += 1
    print(f"{'OK ' if ok else 'BAD'} {r:10s} {kind:6s} {what}: computed {computed:.4f} -> written {written}"
          f"{'' if ok_txt else '  [needle not found verbatim]'}")

# ---------------- b16_qmly
r = 'b16_qmly'
chk(r, 'TRAP', 'B2 预算执行率 2655.13/2712.58', 2655.13 / 2712.58 * 100, '97.88', '预算执行率97.88%')
chk(r, 'TRAP', 'B2 基本+项目 = 实际支出', 1124.36 + 1530.77, '2,655.13', '全年实际支出2,655.13万元')
chk(r, 'TRAP', 'B2 412人 × 1.2万元', 412 * 1.2, '494.40', '年度预算494.40万元（412人，每人每年1.2万元）')
chk(r, 'TRAP', 'B2 494.40 − 453.20 (December, paid 2024-01; the CC evidence)', 494.40 - 453.20, '41.20', '12月份补助41.20万元于2024年1月兑付')
chk(r, 'TRAP', 'O4 1280 + 870 亩', 1280 + 870, '2,150', '改造低产油茶林870亩，合计2,150亩，超额完成2,000亩')
chk(r, 'TRAP', 'O4 林下经济 growth 1.86/0.875 − 1', (1.86 / 0.875 - 1) * 100, '112.57', '同比增长112.57%')
chk(r, 'TRAP', 'O5 46.82万亩 × 16元', 46.82 * 16, '749.12', '兑付补偿资金749.12万元')
chk(r, 'TRAP', 'P1 9.79+38.5+27.3+18.0', 9.79 + 38.5 + 27.3 + 18.0, '93.59', '自评得分93.59分')
chk(r, 'DEFECT', 'NUMBER_CONFLICT O2 疫木 38,216 vs Q1 (Q1 value written)', 38216, '36,218', '全年除治疫木36,218株')

claim(r, 'DEFECT', 'CLAIM_CONTRADICTED O3 足额发放 vs B2 paid 453.20 < 494.40', 453.20 < 412 * 1.2, '全年劳务补助已足额发放到位')

# ---------------- b16_rjgw
r = 'b16_rjgw'
chk(r, 'TRAP', 'B2 61.32万人 × 89元', 61.32 * 89, '5,457.48', '5,457.48万元。其中')
chk(r, 'TRAP', 'B2 其中 3820.24 + 818.62 + 818.62', 3820.24 + 818.62 + 818.62, '5,457.48', '5,457.48万元。其中')
chk(r, 'DEFECT', 'ARITHMETIC_MISMATCH B2 执行率 5263.17/5457.48', 5263.17 / 5457.48 * 100, '97.44', '预算执行率97.44%')
chk(r, 'TRAP', 'O1 建档率 57.62/61.32', 57.62 / 61.32 * 100, '93.97', '建档率93.97%')
chk(r, 'TRAP', 'O2 老年人健康管理率 40046/64800 (rate right; the claim is the defect)', 40046 / 64800 * 100, '61.80', '老年人健康管理率61.80%')
claim(r, 'DEFECT', 'INDICATOR_SHORTFALL O2 61.80 < 65 yet 如期达标', 40046 / 64800 * 100 < 65, '61.80%（年度目标≥65%），该项指标如期达标')
chk(r, 'TRAP', 'O3 高血压规范管理率 23786/36420', 23786 / 36420 * 100, '65.31', '规范管理率65.31%')
chk(r, 'TRAP', 'O3 糖尿病 12846/13500 (rate right; the miss is unexplained)', 12846 / 13500 * 100, '95.16', '13,500人的95.16%')
chk(r, 'DEFECT', 'IMPLAUSIBLE_MAGNITUDE O4 村卫生室 6,128.36 ≤ fund 5,457.48?', 5457.48, '6,128.36', '补助6,128.36万元')
chk(r, 'TRAP', 'P1 14 + 18.5 + 36.2 + 22.9', 14 + 18.5 + 36.2 + 22.9, '91.6', '综合得分91.6分')

claim(r, 'DEFECT', 'DEVIATION_UNEXPLAINED O3 糖尿病 12846 < 13500, no cause', 12846 < 13500, '在管2型糖尿病患者12,846人')

# ---------------- b16_jlrs
r = 'b16_jlrs'
chk(r, 'TRAP', 'B 执行率 1957.46/2013.72', 1957.46 / 2013.72 * 100, '97.21', '1,957.46\t10\t97.21%\t9.72')
chk(r, 'TRAP', 'B 得分 10 × 97.21%', 10 * 0.9721, '9.72', '97.21%\t9.72')
chk(r, 'TRAP', 'B 收入性质 全年 1893.72 + 120.00', 1893.72 + 120.00, '2,013.72', '1,846.30\t2,013.72\t1,957.46')
chk(r, 'TRAP', 'B 收入性质 执行 1837.46 + 120.00', 1837.46 + 120.00, '1,957.46', '1,846.30\t2,013.72\t1,957.46')
chk(r, 'TRAP', 'B 支出性质 年初 1026.18 + 820.12', 1026.18 + 820.12, '1,846.30', '1,846.30\t2,013.72\t1,957.46')
chk(r, 'TRAP', 'B 支出性质 全年 1052.40 + 961.32', 1052.40 + 961.32, '2,013.72', '1,846.30\t2,013.72\t1,957.46')
chk(r, 'TRAP', 'B 支出性质 执行 1048.96 + 908.50', 1048.96 + 908.50, '1,957.46', '1,846.30\t2,013.72\t1,957.46')
chk(r, 'TRAP', 'O1 创业担保贷款 growth 2860/1263 − 1', (2860 / 1263 - 1) * 100, '126.44', '同比增长126.44%')
chk(r, 'DEFECT', 'ARITHMETIC_MISMATCH O2 户均 214.36/326', 214.36 / 326, '0.76', '户均0.76万元')
chk(r, 'TRAP', 'O2 1262人次 × 1500元', 1262 * 1500, '1,893,000', '发放培训补贴1,893,000元')
chk(r, 'TRAP', 'TBL 189.30万元 = 1,893,000元 / 10000', 1893000 / 10000, '189.30', '189.30万元')
claim(r, 'DEFECT', 'SCORE_MISMATCH TBL 再就业 574 < 600 missed, yet score 10 = weight 10', 574 < 600, '≥600人\t574人\t10\t10')
claim(r, 'DEFECT', 'INDICATOR_SHORTFALL TBL 转移就业 2846 < 3000 yet 目标已实现', 2846 < 3000, '≥3,000人\t2,846人\t10\t9\t目标已实现')
chk(r, 'TRAP', 'TBL weights', 10 + 10 + 10 + 10 + 5 + 5 + 10 + 5 + 5 + 5 + 5 + 5 + 5 + 10, '100', '\t100\t96.72')
chk(r, 'TRAP', 'TBL 总分', 9.72 + 10 + 10 + 9 + 5 + 5 + 10 + 5 + 5 + 5 + 5 + 5 + 5 + 8, '96.72', '\t100\t96.72')
chk(r, 'DEFECT', 'RATE_OVER_100 TBL 参保率 ≤ 100', 100, '102.36', '102.36%')

claim(r, 'DEFECT', 'DEVIATION_UNEXPLAINED TBL 满意度 88.6 < 90, cell 基本完成', 88.6 < 90, '≥90%\t88.6%\t10\t8\t基本完成')

# ---------------- b16_yccg
r = 'b16_yccg'
chk(r, 'TRAP', 'TBL 720 + 246 + 120', 720 + 246 + 120, '1,086.00', '资金总额\t1,086.00')
chk(r, 'DEFECT', 'NUMBER_CONFLICT B1 项目总投资 vs TBL 1,086.00', 720 + 246 + 120, '1,068.00', '项目总投资1,068.00万元')
chk(r, 'TRAP', 'B1 执行率 1042.56/1086.00', 1042.56 / 1086.00 * 100, '96.00', '执行率96.00%')
chk(r, 'TRAP', 'B1 3642户 × 2000元 (万元)', 3642 * 2000 / 10000, '728.40', '户厕奖补资金728.40万元')
chk(r, 'TRAP', 'B1 12 × 25万元', 12 * 25, '300.00', '每个25万元共300.00万元')
chk(r, 'TRAP', 'B1 728.40 + 300.00 + 14.16', 728.40 + 300.00 + 14.16, '1,042.56', '全年实际支出1,042.56万元')
chk(r, 'TRAP', 'O1 验收合格率 3571/3642 (98.05 -> 98.1)', 3571 / 3642 * 100, '98.1', '实际完成98.1%')
chk(r, 'TRAP', 'O2 3642 − 3571', 3642 - 3571, '71', '剩余71户')
chk(r, 'DEFECT', 'SCORE_MISMATCH P1 9.6 + 47.5 + 28 + 9.5', 9.6 + 47.5 + 28 + 9.5, '95.6', '合计95.6分')
chk(r, 'TRAP', 'P1 预算执行 10 × 96.00%', 10 * 0.96, '9.6', '预算执行10分得9.6分')

claim(r, 'DEFECT', 'CLAIM_CONTRADICTED P1 全部通过验收 vs 3571 < 3642', 3571 < 3642, '项目已按期全面完工，改厕户全部通过验收')
claim(r, 'DEFECT', 'INDICATOR_SHORTFALL O3 普及率 83.2 < 85 yet 均达到', 83.2 < 85, '提高到83.2%')

# ---------------- b16_sktz
r = 'b16_sktz'
chk(r, 'TRAP', 'B2 执行率 3902.67/4015.82', 3902.67 / 4015.82 * 100, '97.18', '预算执行率97.18%')
chk(r, 'TRAP', 'B2 分别为 1486.20 + 2416.47', 1486.20 + 2416.47, '3,902.67', '全年实际支出3,902.67万元')
chk(r, 'TRAP', 'O1 旅游收入 growth 2.86/1.31 − 1', (2.86 / 1.31 - 1) * 100, '118.32', '同比增长118.32%')
chk(r, 'TRAP', 'O4 分别为 186.42 + 97.36 + 42.80', 186.42 + 97.36 + 42.80, '326.58', '民生资金326.58万元')
chk(r, 'TRAP', 'P1 18.6 + 19.2 + 36.8 + 19.6', 18.6 + 19.2 + 36.8 + 19.6, '94.2', '自评得分94.2分')
chk(r, 'DEFECT', 'NUMBER_CONFLICT 民宿总数 O1 48 vs P1', 48, '42', '全镇民宿总数达到42家')

# ---------------- b16_nysl
r = 'b16_nysl'
chk(r, 'TRAP', 'B2 执行率 3987.62/4126.35', 3987.62 / 4126.35 * 100, '96.64', '预算执行率96.64%')
chk(r, 'TRAP', 'B2 1026.34 + 168.52 + 2792.76', 1026.34 + 168.52 + 2792.76, '3,987.62', '全年实际支出3,987.62万元')
chk(r, 'DEFECT', 'ARITHMETIC_MISMATCH O2 新建 12 + 改造 36', 12 + 36, '46', '供水工程46处，其中新建12处、改造36处')
chk(r, 'DEFECT', 'DEVIATION_UNEXPLAINED O2 水质达标率 91.8 vs 95 (met?)', 95, '91.8', '水质达标率91.8%（目标95%）。')
chk(r, 'TRAP', 'P1 预算执行 10 × 96.64%', 10 * 0.9664, '9.66', '预算执行9.66分')
chk(r, 'TRAP', 'P1 9.66 + 37.5 + 27.19 + 18', 9.66 + 37.5 + 27.19 + 18, '92.35', '绩效得分92.35分')
chk(r, 'TRAP', 'O3 四乱 126 of 126', 126, '126', '已全部整改销号126个')

claim(r, 'DEFECT', 'CLAIM_CONTRADICTED P1 均已按期完工 vs O1 8 < 9', 8 < 9, '计划实施9座，已完工8座')

# ---------------- b16_hljy (full-width digits)
r = 'b16_hljy'
chk(r, 'TRAP', 'B1 中央 1080 + 省级 206', 1080 + 206, '１２８６', '补助资金１２８６万元。其中')
chk(r, 'DEFECT', 'ARITHMETIC_MISMATCH B2 486 + 396 + 318 + 106 vs fund', 486 + 396 + 318 + 106, '１２８６', '补助资金１２８６万元。其中')
chk(r, 'TRAP', 'O3 受益学生 8640/9126', 8640 / 9126 * 100, '９４．６７', '的９４．６７％')
chk(r, 'TRAP', 'O4 拨付率 1206.32/1286', 1206.32 / 1286 * 100, '９３．８０', '拨付率９３．８０％')
chk(r, 'DEFECT', 'CLAIM_CONTRADICTED O4 足额 (paid = fund?)', 1206.32, '１２８６', '获得义务教育薄弱环节改善与能力提升补助资金１２８６万元')
chk(r, 'TRAP', 'P1 15 + 21.5 + 36 + 21', 15 + 21.5 + 36 + 21, '９３．５', '合计９３．５分')
chk(r, 'DEFECT', 'SCORE_MISMATCH P1 过程 score ≤ weight 20?', 20, '２１．５', '过程（权重２０分）得２１．５分')
chk(r, 'DEFECT', 'NUMBER_CONFLICT 校舍面积 O1 6840 vs P1', 6840, '６４８０', '全年改造校舍面积６４８０平方米')
chk(r, 'DEFECT', 'IMPLAUSIBLE_MAGNITUDE O2 4 fields × 0.4 km', 4 * 0.4, '１６００', '铺设塑胶跑道１６００公里')

# ---------------- b16_ltwh
r = 'b16_ltwh'
chk(r, 'TRAP', 'TBL 执行率 356.28/412.50', 356.28 / 412.50 * 100, '86.37', '356.28\n10\n86.37%\n8.64')
chk(r, 'TRAP', 'TBL 得分 10 × 356.28/412.50', 10 * 356.28 / 412.50, '8.64', '86.37%\n8.64')
chk(r, 'TRAP', 'TBL 其中 全年 400.00 + 12.50', 400.00 + 12.50, '412.50', '386.00\n412.50\n356.28')
chk(r, 'TRAP', 'TBL 其中 执行 343.78 + 12.50', 343.78 + 12.50, '356.28', '386.00\n412.50\n356.28')
chk(r, 'TRAP', 'TBL 0.8万元 in 元', 0.8 * 10000, '8,000', '≤0.8万元/场\n8,000元/场')
chk(r, 'TRAP', 'TBL 文化站达标率 13/16 (81.25 -> 81.3)', 13 / 16 * 100, '81.3', '≥90%\n81.3%')
chk(r, 'TRAP', 'TBL weights', 10 + 10 + 10 + 10 + 10 + 5 + 10 + 5 + 10 + 10 + 10, '100', '总分\n100\n88.64')
chk(r, 'TRAP', 'TBL 总分 (sum right; the grade is the defect)', 8.64 + 8 + 10 + 10 + 10 + 5 + 10 + 5 + 6 + 6 + 10, '88.64', '总分\n100\n88.64')
claim(r, 'DEFECT', 'SCORE_MISMATCH 88.64 < 90 graded 优 (scale: 80–90 良)', 80 <= 88.64 < 90, '评价等级\n优\n（评价等级：90分（含）以上为优，80分（含）至90分为良')
claim(r, 'DEFECT', 'INDICATOR_SHORTFALL 送戏下乡 112 < 120 yet 按计划完成', 112 < 120, '≥120场\n112场\n10\n8\n按计划完成')
claim(r, 'DEFECT', 'DEVIATION_UNEXPLAINED 群众参与 7.42 < 8万人次, cell 见附件说明 only', 7.42 < 8, '≥8万人次\n7.42万人次\n10\n6\n见附件说明')
chk(r, 'DEFECT', 'RATE_OVER_100 满意度 ≤ 100', 100, '100.8', '≥90%\n100.8%')

print('\n%d line(s) not as planted' % bad)
sys.exit(1 if bad else 0)
