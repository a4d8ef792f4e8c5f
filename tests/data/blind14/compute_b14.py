#!/usr/bin/env python3
"""Re-run every computation planted in the blind14 reports (defects and traps).

Each check prints a DEFECT or TRAP line: the computed value, the figure the report writes,
and whether they agree. A DEFECT must disagree; a TRAP must agree (within its tolerance,
which is the rounding of the written figure). `snippet` must occur verbatim in the report,
so the written figure quoted here is the one in the text.
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_texts = {}
fails = 0


def text(rep):
    if rep not in _texts:
        with open(os.path.join(HERE, rep + '.txt'), encoding='utf-8') as f:
            _texts[rep] = f.read()
    return _texts[rep]


def check(kind, rep, label, computed, written, snippet, tol=0.005):
    global fails
    present = snippet in text(rep)
    agree = abs(computed - written) <= tol
    ok = present and (agree if kind == 'TRAP' else not agree)
    if not ok:
        fails += 1
    print(f"{kind:6} {rep:10} {label}: computed {computed:,.4f} | written {written:,.4f} | "
          f"{'agree' if agree else 'DIFFER'} | snippet {'found' if present else 'MISSING'} | {'ok' if ok else 'FAIL'}")


def pct(a, b):
    return a / b * 100


# ---------------- b14_yjgl (pipe department form, 万元) ----------------
R = 'b14_yjgl'
check('DEFECT', R, 'B 执行数 基本+项目 vs 年度资金总额', 765.91 + 562.71, 1318.62, '| 1,318.62 | 97.48% |')
check('TRAP', R, 'B 年初预算 基本+项目', 742.18 + 544.22, 1286.40, '| 1,286.40 |')
check('TRAP', R, 'B 全年预算 基本+项目', 768.30 + 584.45, 1352.75, '| 1,352.75 |')
check('TRAP', R, 'B 执行率 总额 %', pct(1318.62, 1352.75), 97.48, '97.48%')
check('TRAP', R, 'B 执行率 基本支出 %', pct(765.91, 768.30), 99.69, '99.69%')
check('TRAP', R, 'B 执行率 项目支出 %', pct(562.71, 584.45), 96.28, '96.28%')
check('TRAP', R, 'TBL 重大隐患整改率 13/14 %', pct(13, 14), 92.86, '92.86%')
check('TRAP', R, 'TBL 重大隐患 得分 10*13/14', 10 * 13 / 14, 9.29, '| 9.29 |')
check('TRAP', R, 'TBL 避难场所 得分 10*4/6', 10 * 4 / 6, 6.67, '| 6.67 |')
check('DEFECT', R, 'TBL 演练覆盖率: 24 of 24 乡镇 (written 108.3 = 26/24)', pct(24, 24), 108.3, '108.3%', tol=0.05)
print(f"         (108.3% is 26/24 = {pct(26, 24):.2f}%: drills over towns)")
check('DEFECT', R, 'TBL 满意度 得分 vs 分值 10', 10, 12, '| 10 | 12 |')
check('TRAP', R, 'TBL 总分 = sum of rows', 10 + 10 + 6.67 + 9.29 + 10 + 10 + 10 + 10 + 10 + 12, 97.96, '| 97.96 |')
check('TRAP', R, 'O3 1,726,000元 in 万元 = TBL 172.6', 1726000 / 10000, 172.6, '1,726,000元')
check('DEFECT', R, 'TBL 报送及时率 94.5 vs target 98 (met?)', 94.5, 98, '| 94.5% | 10 | 10 | 达到预期 |', tol=0)

# ---------------- b14_nsgs (xls space export, 万元) ----------------
R = 'b14_nsgs'
check('DEFECT', R, 'O2 2,460块 × 260元 in 万元', 2460 * 260 / 10000, 67.96, '支出67.96万元')
check('TRAP', R, '其中 年初 300+86', 300.00 + 86.00, 386.00, '386.00')
check('TRAP', R, '其中 全年预算 326.50+86', 326.50 + 86.00, 412.50, '412.50')
check('TRAP', R, '其中 执行 312.37+86', 312.37 + 86.00, 398.37, '398.37    10')
check('TRAP', R, '执行率 %', pct(398.37, 412.50), 96.57, '96.57%')
check('TRAP', R, '执行率 得分 10*rate', 10 * 398.37 / 412.50, 9.66, '96.57%    9.66')
check('TRAP', R, '完工及时率 得分 10*88.2/95', 10 * 88.2 / 95, 9.28, '88.2%    10    9.28')
check('DEFECT', R, '水质检测批次 O3 vs TBL', 148, 152, '152批次', tol=0)
rows = [9.66, 10, 10, 5, 5, 10, 5, 9.28, 5, 10, 5, 10, 5]
weights = [10, 10, 10, 5, 5, 10, 5, 10, 5, 10, 5, 10, 5]
check('DEFECT', R, '总分 = sum of row scores', sum(rows), 96.94, '100    96.94')
check('TRAP', R, 'weights total', sum(weights), 100, '100    96.94')
check('DEFECT', R, '项目总成本 actual in 万元 (written 398.37元)', 398.37 / 10000, 398.37, '398.37元', tol=0.005)

# ---------------- b14_jkzx (narrative, no numbered headings) ----------------
R = 'b14_jkzx'
check('TRAP', R, 'B2 收入 sum', 1872.40 + 231.56 + 42.87, 2146.83, '收入合计2,146.83万元')
check('TRAP', R, 'B2 支出 sum', 1368.24 + 730.28, 2098.52, '支出合计2,098.52万元')
check('TRAP', R, 'B2 执行率 %', pct(2098.52, 2146.83), 97.75, '预算执行率97.75%')
check('TRAP', R, 'B2 share 财政拨款 %', pct(1872.40, 2146.83), 87.22, '87.22%')
check('TRAP', R, 'B2 share 事业收入 %', pct(231.56, 2146.83), 10.79, '10.79%')
check('TRAP', R, 'B2 share 其他收入 %', pct(42.87, 2146.83), 2.00, '2.00%')
check('TRAP', R, 'B2 shares add to 100 (rounding)', 87.22 + 10.79 + 2.00, 100.0, '87.22%、10.79%和2.00%', tol=0.015)
check('TRAP', R, 'O2 growth 2,380 vs 1,120 %', (2380 / 1120 - 1) * 100, 112.5, '增长112.5%')

# ---------------- b14_jnpx (list inside paragraph) ----------------
R = 'b14_jnpx'
check('TRAP', R, 'B2 budget 180+75+45', 180 + 75 + 45, 300.00, '项目年度预算300.00万元')
check('TRAP', R, 'B2 执行率 %', pct(287.64, 300), 95.88, '预算执行率95.88%')
check('TRAP', R, 'B2 人均补贴 元', 2876400 / 3126, 920.15, '人均培训补贴920.15元')
check('TRAP', R, 'O1 合格率 2,888/3,126 % (1 decimal)', pct(2888, 3126), 92.4, '培训合格率92.4%', tol=0.05)
check('TRAP', R, 'O2 就业率 1,760/3,126 %', pct(1760, 3126), 56.3, '就业率56.3%', tol=0.05)
check('DEFECT', R, 'O2 就业率 vs target 60 (claimed 均已完成)', pct(1760, 3126), 60, '效益目标均已完成', tol=0)
check('TRAP', R, 'O2 满意度 2,799/2,940 %', pct(2799, 2940), 95.2, '学员满意度95.2%', tol=0.05)
check('TRAP', R, 'P1 预算执行得分 10*95.88%', 10 * 287.64 / 300, 9.59, '得9.59分')
check('TRAP', R, 'P1 总分', 9.59 + 46 + 30 + 10, 95.59, '自评总分95.59分')
check('DEFECT', R, 'P1 grade: 95.59 ≥ 90 → 优 (1) vs written 良 (0)', 1 if 95.59 >= 90 else 0, 0, '评价等级为“良”', tol=0)
check('DEFECT', R, '培训人次 O1 vs P1', 3126, 2986, '全年完成培训2,986人次', tol=0)

# ---------------- b14_nync (full-width digits in parts) ----------------
R = 'b14_nync'
check('TRAP', R, 'B2 执行率 %', pct(8642.35, 9026.40), 95.75, '９５．７５％')
check('TRAP', R, 'B2 基本+项目', 1218.60 + 7423.75, 8642.35, '８６４２．３５万元')
check('TRAP', R, 'B2 1,586.32万元 = O2 15,863,200元', 15863200 / 10000, 1586.32, '15,863,200元')
check('TRAP', R, 'O2 线上发放占比 %', pct(51966, 52380), 99.2, '９９．２％', tol=0.05)
check('DEFECT', R, 'O3 秸秆综合利用率 %', pct(132.6, 146.3), 93.4, '９３．４％', tol=0.05)
check('TRAP', R, 'O3 秸秆 right rate still ≥ target 90', 1 if pct(132.6, 146.3) >= 90 else 0, 1, '秸秆综合利用率达到90%以上', tol=0)
check('TRAP', R, 'O4 监测合格率 3,104/3,180 %', pct(3104, 3180), 97.6, '９７．６％', tol=0.05)
check('TRAP', R, 'O4 gap to 98 (percentage points)', 98 - 97.6, 0.4, '低０．４个百分点', tol=0.001)
check('TRAP', R, 'O5 网络销售额 growth %', (3.86 / 1.72 - 1) * 100, 124.4, '１２４．４％', tol=0.05)
check('DEFECT', R, 'O5 新增家庭农场 vs Q1', 146, 152, '新增的152家家庭农场', tol=0)
check('TRAP', R, 'P1 预算执行得分 10*95.75%', 10 * 8642.35 / 9026.40, 9.57, '预算执行指标得9.57分')
check('TRAP', R, 'P1 总分', 9.57 + 47 + 29 + 10, 95.57, '自评总分95.57分')
check('DEFECT', R, 'P2 受益户 (万户) vs 乡村人口 (万人): households ≤ people?', 31.2, 28.6, '３１．２万户', tol=0)

# ---------------- b14_xqjy (绩效目标自评表, separate budget table) ----------------
R = 'b14_xqjy'
check('TRAP', R, 'B 年初 sum', 652 + 310 + 186 + 132, 1280.00, '合计\t1,280.00')
check('TRAP', R, 'B 全年预算 sum', 688.00 + 336.50 + 186.00 + 176.00, 1386.50, '1,386.50')
check('TRAP', R, 'B 执行 sum', 688.00 + 336.50 + 117.60 + 176.00, 1318.10, '1,318.10')
check('TRAP', R, 'B 合计 执行率 %', pct(1318.10, 1386.50), 95.07, '95.07%')
check('TRAP', R, 'B 资助 执行率 %', pct(117.60, 186.00), 63.23, '63.23%')
check('DEFECT', R, 'B 预算执行得分 = 10 × 95.07%', 10 * 1318.10 / 1386.50, 10, '95.07%\t10\t10')
check('DEFECT', R, 'O2 资助 足额发放? 执行 vs 预算', 117.60, 186.00, '均已足额发放到位', tol=0)
check('TRAP', R, 'O2 1,860人 × 1,000元 in 万元', 1860 * 1000 / 10000, 186, '应发资助资金186万元')
check('TRAP', R, 'O1 普惠占比 8,214/9,271 %', pct(8214, 9271), 88.6, '88.6%', tol=0.05)
check('TRAP', R, 'O3 52+118+216', 52 + 118 + 216, 386, '各级培训386人次', tol=0)
check('TRAP', R, 'TBL 培训 得分 8*386/420', 8 * 386 / 420, 7.35, '\t7.35\t')
check('TRAP', R, 'TBL rows + B score = 总分', 8 + 8 + 8 + 7.35 + 8 + 8 + 8 + 8 + 10 + 8 + 8 + 10, 99.35, '99.35')
check('TRAP', R, 'weights total', 10 + 8 * 8 + 10 + 8 + 8, 100, '总分\t\t\t\t\t100')
check('DEFECT', R, 'TBL 大班额 9 vs ≤6 (scored full 全部完成)', 9, 6, '≤6个\t9个\t8\t8\t全部完成', tol=0)

# ---------------- b14_dzzh (专项资金 narrative) ----------------
R = 'b14_dzzh'
check('TRAP', R, 'B2 。其中 1,150+520+250', 1150 + 520 + 250, 1920.00, '全年下达专项资金1,920.00万元')
check('DEFECT', R, 'B3 。其中 parts vs 实际支出', 1124.30 + 386.45 + 248.62 + 72.18, 1846.55, '实际支出1,846.55万元')
check('TRAP', R, 'B3 执行率 on written total %', pct(1846.55, 1920.00), 96.17, '执行率96.17%')
check('TRAP', R, 'B4 单处平均 1,124.30/13', 1124.30 / 13, 86.48, '单处平均支出86.48万元')
check('TRAP', R, 'B5 。其中 156.38+92.25 vs 248.62 (last-digit rounding)', 156.38 + 92.25, 248.62, '监测预警类支出248.62万元。其中', tol=0.015)
check('TRAP', R, 'B6 401 × 150 × 12 元 in 万元', 401 * 150 * 12 / 10000, 72.18, '全年补助72.18万元')
check('DEFECT', R, 'O3 补助 written 721,800万元 vs B6 72.18万元', 72.18, 721800, '发放补助721,800万元', tol=0)
check('DEFECT', R, 'O3 补助 721,800万元 vs whole fund 1,920万元 (ratio)', 721800 / 1920.00, 1, '721,800万元', tol=1)
check('DEFECT', R, '完工验收处数 B4 vs O1', 13, 12, '12处已完工并通过验收', tol=0)
check('DEFECT', R, '监测设备 安装处数 B5 vs O2 claim', 352, 386, '均已安装到位', tol=0)
check('TRAP', R, 'O2 预警 growth 26 vs 12 %', (26 / 12 - 1) * 100, 116.7, '增长116.7%', tol=0.05)
check('TRAP', R, 'O4 演练 乡镇 26 of 26 (圆满完成)', 26, 26, '全县26个乡镇（街道）组织开展', tol=0)

# ---------------- b14_wlpy (第一部分 headings) ----------------
R = 'b14_wlpy'
check('TRAP', R, 'B 年初+追加', 4862.50 + 1137.80, 6000.30, '调整后预算6,000.30万元')
check('TRAP', R, 'B 执行率 %', pct(5814.66, 6000.30), 96.91, '预算执行率96.91%')
check('TRAP', R, 'B 基本+项目', 2106.42 + 3708.24, 5814.66, '全年实际支出5,814.66万元')
check('TRAP', R, 'B share 基本 %', pct(2106.42, 5814.66), 36.23, '占36.23%')
check('TRAP', R, 'B share 项目 %', pct(3708.24, 5814.66), 63.77, '占63.77%')
check('TRAP', R, 'O2/P2 其中 420+260', 420 + 260, 680, '项目完成投资680万元', tol=0)
check('TRAP', R, 'P1 预算执行得分 10*96.91%', 10 * 5814.66 / 6000.30, 9.69, '预算执行指标得9.69分')
print(f"         (P1 sub-scores 9.69 + 38.5 + 28 + 9 = {9.69 + 38.5 + 28 + 9:.2f}; no total written: UNFILLED_FORM)")
check('TRAP', R, 'P3 游客 growth %', (1246.8 / 506.2 - 1) * 100, 146.3, '增长146.3%', tol=0.05)
check('TRAP', R, 'P3 收入 growth %', (112.6 / 44.6 - 1) * 100, 152.5, '增长152.5%', tol=0.05)

print()
print('all checks as planted' if fails == 0 else f'{fails} check(s) NOT as planted')
sys.exit(1 if fails else 0)
