#!/usr/bin/env python3
"""Re-runs every computation planted in blind18 (DEFECT and TRAP lines).

NUM lines: the value computed from the report's own operands, rounded half-up at the written precision, is compared
with the figure the report writes; a DEFECT line must differ, a TRAP line must agree.
CMP lines: a python test (met / not met, part vs whole, score vs weight, grade vs scale); a DEFECT line must be True
where it states the defect, a TRAP line True where it states the clean reading.
Each line's snippet must occur verbatim in its report. Exit 0 when every line is as planted.
"""
import os, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％', '0123456789.%')

def r(x, nd):
    q = Decimal(1).scaleb(-nd)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)

def txt(rep):
    with open(os.path.join(HERE, rep + '.txt'), encoding='utf-8') as f:
        return f.read()

LINES = []  # (report, kind, label, type, value/test, written, snippet)
def NUM(rep, kind, label, value, written, snippet):
    LINES.append((rep, kind, label, 'NUM', value, written, snippet))
def CMP(rep, kind, label, test, snippet):
    LINES.append((rep, kind, label, 'CMP', test, None, snippet))

# ---------------- b18_wnfz ----------------
R = 'b18_wnfz'
NUM(R, 'DEFECT', 'O1 覆盖率 12.46/28.58', 12.46 / 28.58 * 100, '45.3', '28.58万亩的')
CMP(R, 'TRAP', 'right 覆盖率 43.60 still meets >=40', 12.46 / 28.58 * 100 >= 40, '≥40%')
NUM(R, 'DEFECT', 'TBL 总分 = row sum', 9.60 + 10 + 10 + 5 + 10 + 5 + 5 + 5 + 8 + 8 + 10 + 10, '96.60', '96.60')
CMP(R, 'DEFECT', 'IS 农药减量 4.2 < 5 but cell says met', 4.2 < 5, '已达到预期目标')
CMP(R, 'DEFECT', 'DU 挽回损失 1.38 < 1.5, reason 无', 1.38 < 1.5, '1.38万吨')
CMP(R, 'DEFECT', 'R100 回收率 > 100', 103.2 > 100, '103.2%')
NUM(R, 'TRAP', 'Q1 unpaid = 196.50 - 188.62 (consistent)', 196.50 - 188.62, '7.88', '7.88万元补助资金')
CMP(R, 'DEFECT', 'CC 7.88万元 unpaid vs 已全部足额拨付到位', 196.50 - 188.62 > 0, '全部足额拨付到位')
NUM(R, 'TRAP', '执行率 188.62/196.50', 188.62 / 196.50 * 100, '95.99', '95.99%')
NUM(R, 'TRAP', '执行得分 10 x 95.99%', 10 * 0.9599, '9.60', '9.60')
NUM(R, 'TRAP', '其中 全年预算 180+16.5+0', 180.00 + 16.50 + 0.00, '196.50', '196.50')
NUM(R, 'TRAP', '其中 全年执行 172.12+16.5+0', 172.12 + 16.50 + 0.00, '188.62', '188.62')
NUM(R, 'TRAP', 'G2 12万亩 x 15元 = 万元', 12 * 15, '180', '金180万元')
NUM(R, 'TRAP', 'weights', 10 + 10 + 10 + 5 + 10 + 5 + 5 + 5 + 10 + 10 + 10 + 10, '100', '100')
CMP(R, 'TRAP', 'grade 优 fits 95.60 (>=90)', 95.60 >= 90, '优')
CMP(R, 'TRAP', '12.46 >= 12; 25 >= 25; 15 <= 15; 94.5 >= 90', 12.46 >= 12 and 25 >= 25 and 15 <= 15 and 94.5 >= 90, '12.46万亩')

# ---------------- b18_sxtj ----------------
R = 'b18_sxtj'
NUM(R, 'DEFECT', 'B 预算执行率 486.35/512.80', 486.35 / 512.80 * 100, '95.84', '预算执行率 95.84%')
CMP(R, 'DEFECT', 'NC 常规调查 28 (O1) vs 26 (TBL)', 28 != 26, '常规统计调查28项')
CMP(R, 'DEFECT', 'DU 执法 52 < 60, empty reason', 52 < 60, '<td>52家</td><td>10</td><td>8</td><td></td>')
CMP(R, 'DEFECT', 'IS 差错率 1.6 > 1 on a <= row, cell says met', 1.6 > 1, '达到年度指标值')
CMP(R, 'DEFECT', 'SM 及时率 100 = 100 met but 8 of 10', 100 >= 100 and 8 < 10, '<td>100%</td><td>100%</td><td>10</td><td>8</td>')
CMP(R, 'DEFECT', 'UF 自评结论 field empty', True, '<td colspan="2">部门整体支出绩效自评结论</td><td colspan="7"></td>')
NUM(R, 'TRAP', 'B 基本 + 项目 = 实际支出', 396.18 + 90.17, '486.35', '486.35')
NUM(R, 'TRAP', 'B 一般公共 + 其他 = 全年预算', 498.60 + 14.20, '512.80', '512.80')
NUM(R, 'TRAP', 'TBL 总分 = row sum', 10 + 10 + 8 + 9 + 8 + 10 + 10 + 10 + 10 + 10, '95', '<td>100</td><td>95</td>')
CMP(R, 'TRAP', 'grade 优 fits 95', 95 >= 90, '<td colspan="3">优</td>')
CMP(R, 'TRAP', 'met rows', 26 >= 26 and 8932 >= 8600 and 84.32 <= 86.50 and 346 >= 300 and 93.2 >= 90, '84.32万元')

# ---------------- b18_xphy ----------------
R = 'b18_xphy'
CMP(R, 'DEFECT', 'NC 渔船检查 O1 1326 vs P2 1362', 1326 != 1362, '渔船安全检查1,326艘次')
CMP(R, 'DEFECT', 'NC other side', 1362 != 1326, '检查渔船1,362艘次')
NUM(R, 'TRAP', 'O2 放流 rate 1.06/1.2 right', 1.06 / 1.2 * 100, '88.3', '完成年度计划的88.3%')
CMP(R, 'DEFECT', 'CC 全面完成 vs 1.06 < 1.2亿尾', 1.06 < 1.2, '全面完成增殖放流')
NUM(R, 'TRAP', 'B2 执行率 3105.27/3218.64', 3105.27 / 3218.64 * 100, '96.48', '预算执行率96.48%')
NUM(R, 'TRAP', 'B2 年初 + 追加', 2846.30 + 372.34, '3218.64', '调整后预算3,218.64万元')
NUM(R, 'TRAP', 'B2 基本 + 项目', 1126.40 + 1978.87, '3105.27', '实际支出3,105.27万元')
NUM(R, 'TRAP', 'O4 休闲渔业 growth', (42.6 / 18.84 - 1) * 100, '126.1', '增长126.1%')
NUM(R, 'TRAP', 'P4 score sum', 9.65 + 46.35 + 28.5 + 9, '93.5', '自评得分93.5分')
NUM(R, 'TRAP', 'P4 预算执行 10 x 96.48%', 10 * 0.9648, '9.65', '预算执行9.65分')
CMP(R, 'DEFECT', 'DP O3 = P3 word for word', txt(R).count('养殖整治方面，完成传统木质渔排升级改造塑胶渔排2.63万口，清理退出违规养殖设施1,350亩，完成三沙湾、福宁湾海域养殖用海确权登记2,860亩。') == 2, '养殖用海确权登记2,860亩')
CMP(R, 'DEFECT', 'RT clause twice in I2', txt(R).split('## 六、改进措施')[1].count('加强执法装备配置') == 2, '加强执法装备配置，新购置执法快艇2艘，加强执法装备配置')
CMP(R, 'DEFECT', 'NV 与 dropped', '霞浦县海洋渔业局' in txt(R), '霞浦县海洋渔业局紧紧围绕')
CMP(R, 'TRAP', 'met: 2.63>=2.5, 1326>=1200, 63.58>=60', 2.63 >= 2.5 and 1326 >= 1200 and 63.58 >= 60, '2.63万口')

# ---------------- b18_qylz ----------------
R = 'b18_qylz'
NUM(R, 'DEFECT', 'TBL 执行率 146.21/148.80', 146.21 / 148.80 * 100, '98.62', '98.62%')
NUM(R, 'DEFECT', 'TBL 执行得分 follows wrong rate: right 10 x 98.26%', 10 * 0.9826, '9.86', '98.62% 9.86')
CMP(R, 'DEFECT', 'SM 满意度 12 > weight 10', 12 > 10, '96.3% 10 12')
NUM(R, 'TRAP', '总分 = row sum as written', 9.86 + 10 + 10 + 5 + 4 + 8 + 5 + 5 + 15 + 15 + 12, '98.86', '总分 100 98.86')
CMP(R, 'DEFECT', 'IS 随访率 92.4 < 95, cell says met', 92.4 < 95, '92.4% 5 4 达成预期指标')
CMP(R, 'DEFECT', 'DU 转诊率 87.5 < 90, reason 无', 87.5 < 90, '87.5% 10 8 无')
CMP(R, 'DEFECT', 'UM count target answered as %', True, '≥11个 100%')
CMP(R, 'DEFECT', 'IM 12.18万 > 4.26万 eligible women', 12.18 > 4.26, '12.18万人')
NUM(R, 'DEFECT', 'IM real count 6126 + 6058 in 万', (6126 + 6058) / 10000, '12.18', '12.18万人')
NUM(R, 'TRAP', 'G2 其中 90 + 36 + 22.8', 90 + 36 + 22.8, '148.8', '项目资金148.8万元')
NUM(R, 'TRAP', 'O2 人次', 6126 + 6058, '12184', '12,184人次')
NUM(R, 'TRAP', 'O2 12184 x 120 元', 12184 * 120, '1462080', '1,462,080元')
NUM(R, 'TRAP', 'O2 元 -> 万元 = 全年执行数', 12184 * 120 / 10000, '146.21', '146.21')
NUM(R, 'TRAP', 'O2 结余 148.80 - 146.21', 148.80 - 146.21, '2.59', '结余2.59万元')
NUM(R, 'TRAP', 'weights 产出', 10 + 10 + 5 + 5 + 10 + 5 + 5, '50', '产出指标(50分)')
NUM(R, 'TRAP', 'weights all', 10 + 50 + 30 + 10, '100', '总分 100')
CMP(R, 'TRAP', 'met rows', 6126 >= 6000 and 6058 >= 6000 and 120 <= 120 and 73.6 >= 70 and 96.3 >= 90, '73.6%')

# ---------------- b18_mysl ----------------
R = 'b18_mysl'
NUM(R, 'DEFECT', 'TBL row1 执行率 668.25/682.40', 668.25 / 682.40 * 100, '98.93', '98.93%')
CMP(R, 'DEFECT', 'NC 782.03 (K8) vs 728.03 (TBL)', 782.03 != 728.03, '实际支出782.03万元')
NUM(R, 'TRAP', '合计 执行 uses 728.03', 668.25 + 356.10 + 728.03, '1752.38', '1,752.38')
NUM(R, 'DEFECT', 'K9 score parts', 9.01 + 40 + 27.5 + 9, '87.51', '87.51分，其中预算执行9.01分')
CMP(R, 'DEFECT', 'CC 73.9 < 86.5 in 2023', 73.9 < 86.5, '均已按期完工')
CMP(R, 'DEFECT', 'DOP 今年以来 in a report dated 2024', True, '今年以来')
CMP(R, 'DEFECT', 'CM number missing', True, '米财预〔2023〕号')
NUM(R, 'TRAP', 'B2 分别为 sum', 682.40 + 356.10 + 808.00, '1846.50', '1,846.50')
NUM(R, 'TRAP', 'B2 总体执行率', 1752.38 / 1846.50 * 100, '94.90', '94.90%')
NUM(R, 'TRAP', 'row2 执行率', 356.10 / 356.10 * 100, '100.00', '100.00%')
NUM(R, 'TRAP', 'row3 执行率', 728.03 / 808.00 * 100, '90.10', '90.10%')
NUM(R, 'TRAP', 'K3 sum', 9.79 + 48 + 30 + 9, '96.79', '96.79分')
NUM(R, 'TRAP', 'K3 预算执行 10 x 97.93%', 10 * 0.9793, '9.79', '预算执行9.79分')
NUM(R, 'TRAP', 'K6 sum', 10 + 45 + 28.4 + 9, '92.4', '92.4分')
NUM(R, 'TRAP', 'K9 预算执行 10 x 90.10%', 10 * 0.9010, '9.01', '预算执行9.01分')
NUM(R, 'TRAP', 'K8 73.9 + 12.6', 73.9 + 12.6, '86.5', '86.5公里')
CMP(R, 'TRAP', 'grades: 96.79, 92.40 >= 90 优; 80 <= 87.51 < 90 良; 80 <= 85.51 < 90', 96.79 >= 90 and 92.40 >= 90 and 80 <= 87.51 < 90 and 80 <= 85.51 < 90, '90分（含）以上为优')
CMP(R, 'TRAP', 'K2 met 83.6>=80, 97.2>=95', 83.6 >= 80 and 97.2 >= 95, '优良中等路率83.6%')

# ---------------- b18_arlc ----------------
R = 'b18_arlc'
CMP(R, 'DEFECT', 'INF 鼠害 area answered 已完成', True, '实际完成值：已完成')
CMP(R, 'DEFECT', 'R100 无公害防治率 > 100', 100.8 > 100, '实际完成值：100.8%')
CMP(R, 'DEFECT', 'IS 成灾率 3.6 > 3 permille on a <= row, says met', 3.6 > 3, '偏差原因：已达到年度指标值')
CMP(R, 'DEFECT', 'DU 护林员 396 < 420, reason points to a section that is silent', 396 < 420 and '护林员' not in txt(R).split('六、存在的问题')[1], '偏差原因：详见存在的问题部分')
NUM(R, 'TRAP', 'B2 执行率', 3958.74 / 4086.20 * 100, '96.88', '预算执行率96.88%')
NUM(R, 'TRAP', 'B2 年初 + 追加', 3412.56 + 673.64, '4086.20', '全年预算4,086.20万元')
NUM(R, 'TRAP', 'B2 基本 + 项目', 1268.35 + 2690.39, '3958.74', '实际支出3,958.74万元')
NUM(R, 'TRAP', 'O1 人工 + 封山', 1.12 + 2.34, '3.46', '完成营造林3.46万亩')
NUM(R, 'TRAP', 'P1 score = block sum', 8 * 10 + 8 + 8, '96', '自评得分96分')
CMP(R, 'TRAP', 'met blocks', 3.46 >= 3.2 and 88.6 >= 85 and 1146 <= 1200 and 65.38 >= 65.2 and 92.3 >= 90, '实际完成值：1,146元')

# ---------------- b18_hpz (full-width digits: snippets written full-width) ----------------
R = 'b18_hpz'
CMP(R, 'DEFECT', 'NC 投放点 O3 126 vs P2 162', 126 != 162, '新建垃圾分类投放点１６２个')
CMP(R, 'DEFECT', 'NC other side', True, '新建垃圾分类投放点１２６个，配备')
CMP(R, 'DEFECT', 'CC 14户 3.6万元 unpaid vs 均已足额发放到位', 3.6 > 0, '尚有１４户临时救助资金３．６万元未发放')
CMP(R, 'DEFECT', 'DOP goal deadline 2022 in a 2023 report', 2022 < 2023, '于２０２２年１２月底前')
NUM(R, 'TRAP', 'B2 执行率', 9058.12 / 9316.85 * 100, '97.22', '预算执行率９７．２２％')
NUM(R, 'TRAP', 'B2 年初 + 调增', 8642.30 + 674.55, '9316.85', '调整后预算９３１６．８５万元')
NUM(R, 'TRAP', 'B2 基本 + 项目', 2846.57 + 6211.55, '9058.12', '全年实际支出９０５８．１２万元')
NUM(R, 'TRAP', 'P1 score sum', 9.72 + 46 + 28.88 + 8, '92.6', '自评得分９２．６分')
NUM(R, 'TRAP', 'P1 预算执行 10 x 97.22%', 10 * 0.9722, '9.72', '预算执行９．７２分')
CMP(R, 'TRAP', 'grade 优 for 92.6', 92.6 >= 90, '自评等级为“优”')

# ---------------- b18_rcsk ----------------
R = 'b18_rcsk'
CMP(R, 'DEFECT', 'IM one reservoir 612.40 > project 486', 612.40 > 486, '投入维修养护资金612.40万元')
NUM(R, 'TRAP', 'B2 486 / 28 a reservoir (万元)', 486 / 28, '17.36', '平均每座17.36万元')
CMP(R, 'DEFECT', 'UM row writes 元 for the same 17.36万元', True, '实际完成值：17.36元')
CMP(R, 'DEFECT', 'RT clause twice in O1', txt(R).count('整治坝体渗漏、白蚁危害等安全隐患43处') == 2, '整治坝体渗漏、白蚁危害等安全隐患43处')
CMP(R, 'DEFECT', 'ORG O2 = G2 verbatim', txt(R).count('完成6座水库大坝安全鉴定，鉴定成果通过市级审定。') == 2, '2.完成6座水库大坝安全鉴定，鉴定成果通过市级审定。')
CMP(R, 'DEFECT', 'DP B1 = O4', txt(R).count('汝城县现有小型水库28座，其中小（1）型水库5座') == 2, '4.汝城县现有小型水库28座')
CMP(R, 'DEFECT', 'NV 汝成县', True, '汝成县水利局')
CMP(R, 'DEFECT', 'CM opening bracket missing', '郴财农〔2023〕' not in txt(R), '郴财农2023〕26号')
NUM(R, 'TRAP', 'B3 执行率', 472.38 / 486.00 * 100, '97.20', '执行率：97.20%')
NUM(R, 'TRAP', 'B3 结余', 486.00 - 472.38, '13.62', '结余13.62万元')
NUM(R, 'TRAP', 'TBL 预算执行 得分', 10 * 0.9720, '9.72', '得分：9.72')
NUM(R, 'TRAP', 'B1 5 + 23', 5 + 23, '28', '小型水库28座')
NUM(R, 'TRAP', '自评得分 sum', 15 + 15 + 10 + 10 + 15 + 15 + 10 + 9.72, '99.72', '【自评得分】99.72')
CMP(R, 'TRAP', 'weights 15+15+10+10+15+15+10+10 = 100', 15 + 15 + 10 + 10 + 15 + 15 + 10 + 10 == 100, '分值：10')
CMP(R, 'TRAP', 'met rows', 28 >= 28 and 95.1 >= 90 and 17.36 <= 18, '实际完成值：95.1%')


def main():
    bad = 0
    cache = {}
    for rep, kind, label, typ, val, written, snip in LINES:
        t = cache.setdefault(rep, txt(rep))
        norm = t.translate(FW).replace(',', '')
        ok_snip = snip in t
        if typ == 'NUM':
            nd = len(written.split('.')[1]) if '.' in written else 0
            got = r(val, nd)
            same = got == Decimal(written)
            as_planted = (not same) if kind == 'DEFECT' else same
            ok_fig = written in norm
            status = 'ok' if (as_planted and ok_snip and ok_fig) else 'FAIL'
            print('%-4s %-8s %-6s NUM %-55s computed %s written %s%s%s' % (
                status, rep, kind, label, got, written,
                '' if ok_snip else '  [snippet missing]', '' if ok_fig else '  [figure missing]'))
        else:
            as_planted = bool(val)
            status = 'ok' if (as_planted and ok_snip) else 'FAIL'
            print('%-4s %-8s %-6s CMP %-55s %s%s' % (status, rep, kind, label, bool(val),
                                                     '' if ok_snip else '  [snippet missing]'))
        if status != 'ok':
            bad += 1
    n_def = sum(1 for l in LINES if l[1] == 'DEFECT')
    print('%d lines (%d DEFECT, %d TRAP), %d not as planted' % (len(LINES), n_def, len(LINES) - n_def, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
