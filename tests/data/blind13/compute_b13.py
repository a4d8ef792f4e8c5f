#!/usr/bin/env python3
"""Re-run every computation behind the blind13 gold: planted defects (DEFECT) and clean traps (TRAP).

Each line prints: report, kind, what, the computation, and the value the report states (where it states one).
Rates are printed to 3 decimals so the rounding of the 2-decimal (or 1-decimal) figure in the text can be checked.
"""
from decimal import Decimal as D, ROUND_HALF_UP


def r(x, n=2):
    q = D(1).scaleb(-n)
    return D(str(x)).quantize(q, rounding=ROUND_HALF_UP)


def pct(a, b, n=2):
    return r(D(str(a)) / D(str(b)) * 100, n)


def add(*xs):
    return sum(D(str(x)) for x in xs)


def show(rep, kind, what, value, stated=None, tol="0"):
    """Print one computation. `stated` is the figure the report writes; numeric ones are compared
    (within `tol`, for figures the report rounds), others are shown as a note."""
    line = f"{rep:10s} {kind:6s} {what}: {value}"
    if stated is not None:
        try:
            same = abs(D(str(value)) - D(str(stated).replace(",", ""))) <= D(tol)
            line += f"   [report: {stated} -> {'same' if same else 'DIFFERENT'}]"
        except Exception:
            line += f"   [report: {stated}]"
    print(line)


print("kind: DEFECT = a planted finding (its operands or comparison), TRAP = a figure that must stay clean")
print("[report: X -> same/DIFFERENT] compares the computed value with the figure the report writes")

# ---------------- b13_ycz 丹棱县杨场镇 2023 ----------------
R = "b13_ycz"
show(R, "TRAP", "B 执行率 3047.91/3112.58 %", pct(3047.91, 3112.58), "97.92")
show(R, "TRAP", "B 基本+项目 1968.44+1079.47", add(1968.44, 1079.47), "3047.91")
show(R, "TRAP", "O1 电商增长 (440.18-186.20)/186.20 %", pct(440.18 - 186.20, 186.20, 1), "136.4")
show(R, "TRAP", "O3 城市+农村低保 41.08+345.44", add(41.08, 345.44), "386.52")
show(R, "TRAP", "O4 调解成功率 207/214 %", pct(207, 214, 1), "96.7")
show(R, "TRAP", "P1 18.5+37+27.5+9", add(18.5, 37, 27.5, 9), "92")
show(R, "TRAP", "P1 满分 20+40+30+10", add(20, 40, 30, 10), "100")
show(R, "DEFECT", "C O2 vs Q1: done 436-23", 436 - 23)
show(R, "DEFECT", "C real 整改率 413/436 %", pct(413, 436, 1), "100")

# ---------------- b13_yyjh 容县 营养改善计划 2024 ----------------
R = "b13_yyjh"
show(R, "DEFECT", "UM G2 32640*5*200 元", 32640 * 5 * 200, "3264.00")
show(R, "DEFECT", "UM G2 product in 万元", r(D(32640 * 5 * 200) / 10000), "3264.00万元 expected, report writes 元")
show(R, "DEFECT", "A O2 32640*198 人次", 32640 * 198, "6528000")
show(R, "DEFECT", "A O2 (what 6,528,000 is) 32640*200", 32640 * 200)
show(R, "TRAP", "执行率 3231.36/3246.72 %", pct(3231.36, 3246.72), "99.53")
show(R, "TRAP", "得分 10*99.53%", r(D("10") * D("0.9953")), "9.95")
show(R, "TRAP", "O1 32640*5*198 元", 32640 * 5 * 198, "32313600")
show(R, "TRAP", "O1 32,313,600元 in 万元", r(D(32313600) / 10000), "3231.36")
show(R, "TRAP", "O3 143*4 校次", 143 * 4, "572")
show(R, "TRAP", "O3 持证 342/365 %", pct(342, 365, 1), "93.7")
show(R, "TRAP", "O3 新招 365-342", 365 - 342, "23")
sc = [9.95, 10, 9, 10, 8, 10, 10, 5, 6, 10]
show(R, "TRAP", "总分 sum of row scores", add(*sc), "87.95")
show(R, "TRAP", "weights 10+9*10", 10 + 9 * 10, "100")
show(R, "DEFECT", "S grade: 87.95 >= 90 (needed for 优)?", D("87.95") >= 90, "优")
show(R, "DEFECT", "IS 陪餐 91.5 >= 95?", 91.5 >= 95, "与目标一致")
show(R, "DEFECT", "D 体质 92-85.4 points short", r(D("92") - D("85.4"), 1))

# ---------------- b13_slfh 湄潭县 森林防火 2023 ----------------
R = "b13_slfh"
show(R, "DEFECT", "A 全年执行 其中 182.47+19.56+6.00", add(182.47, 19.56, 6.00), "209.83")
show(R, "TRAP", "年初 其中 166+20+0", add(166.00, 20.00, 0.00), "186.00")
show(R, "TRAP", "全年预算 其中 188.50+20+6", add(188.50, 20.00, 6.00), "214.50")
show(R, "TRAP", "执行率 209.83/214.50 %", pct(209.83, 214.50), "97.82")
show(R, "TRAP", "O2 40*0.38 万元", r(D(40) * D("0.38")), "15.20")
show(R, "TRAP", "Q1 432/1126 %", pct(432, 1126, 1), "38.4")
w = [10, 10, 10, 10, 10, 10, 5, 10, 10, 5, 10]
show(R, "TRAP", "weights (资金 + 10 rows)", sum(w), "100")
sc = [9.78, 10, 10, 10, 10, 10, 8, 6, 10, 5, 10]
show(R, "TRAP", "总分 sum of row scores", add(*sc), "98.78")
show(R, "DEFECT", "S 成本 row score 8 > weight 5?", 8 > 5)
show(R, "DEFECT", "IS 受害率 1.2‰ <= 0.9‰?", 1.2 <= 0.9, "已实现目标")
show(R, "DEFECT", "R100 知晓率 103.5 <= 100?", 103.5 <= 100)
show(R, "DEFECT", "IM 管护 126.8万亩 - 全县林地 98.6万亩", r(D("126.8") - D("98.6"), 1))

# ---------------- b13_cjbt 莒南县 残疾人两项补贴 2023 ----------------
R = "b13_cjbt"
show(R, "TRAP", "G1 生活补贴 6812*100*12 元", 6812 * 100 * 12)
show(R, "TRAP", "G1 护理补贴 9436*100*12 元", 9436 * 100 * 12)
show(R, "TRAP", "G1 together in 万元", r(D(6812 * 1200 + 9436 * 1200) / 10000), "1949.76")
show(R, "TRAP", "Q1 312*100*12 元", 312 * 100 * 12, "374400")
show(R, "TRAP", "预算 - 执行 1949.76-1912.32", add(1949.76, -1912.32), "37.44")
show(R, "TRAP", "执行率 1912.32/1949.76 %", pct(1912.32, 1949.76), "98.08")
show(R, "TRAP", "得分 10*98.08%", r(D("10") * D("0.9808")), "9.81")
sc = [9.81, 8, 10, 9, 10, 6, 10, 10, 10, 10]
show(R, "TRAP", "总分 sum of row scores", add(*sc), "92.81")
show(R, "DEFECT", "C unpaid 312人 in 万元 (= 预算 - 执行; O1 still says 全部足额发放)", r(D(312 * 1200) / 10000), "37.44")
show(R, "DEFECT", "N O1 9436 vs TBL 9346 equal?", 9436 == 9346)
show(R, "DEFECT", "S 6812 >= 6500 met, score 8 of 10", 6812 >= 6500)
show(R, "DEFECT", "IS 准确率 98.2 >= 99?", 98.2 >= 99, "达到年度指标值")
show(R, "DEFECT", "D 停发及时率 95-81.6 points short", r(D("95") - D("81.6"), 1))

# ---------------- b13_ssjg 上犹县市场监督管理局 2023 ----------------
R = "b13_ssjg"
show(R, "TRAP", "B 总 1968.02/2015.76 %", pct(1968.02, 2015.76), "97.63")
show(R, "TRAP", "B 得分 10*97.63%", r(D("10") * D("0.9763")), "9.76")
show(R, "TRAP", "B 基本 1431.55/1438.26 %", pct(1431.55, 1438.26), "99.53")
show(R, "DEFECT", "A B 项目 536.47/577.50 %", pct(536.47, 577.50), "95.12")
show(R, "TRAP", "B 年初 1402.10+460.30", add(1402.10, 460.30), "1862.40")
show(R, "TRAP", "B 全年预算 1438.26+577.50", add(1438.26, 577.50), "2015.76")
show(R, "TRAP", "B 执行 1431.55+536.47", add(1431.55, 536.47), "1968.02")
show(R, "TRAP", "O4 2113/2136 %", pct(2113, 2136, 1), "98.9")
sc = [9.76, 10, 10, 10, 7, 10, 10, 10, 10, 10]
show(R, "TRAP", "总分 sum of row scores", add(*sc), "96.76")
show(R, "DEFECT", "N 抽检批次 O1 1286 vs TBL 1312 equal?", 1286 == 1312)
show(R, "DEFECT", "IM ratio of TBL 842,600万元 to O1 84.26万元", r(D(842600) / D("84.26"), 0), "10000")
show(R, "DEFECT", "IM 84.26万元 in 元", r(D("84.26") * 10000, 0))
show(R, "DEFECT", "D 特检率 98-86.3 points short", r(D("98") - D("86.3"), 1))

# ---------------- b13_lxgz 梅河口市 老旧小区改造 2023 ----------------
R = "b13_lxgz"
show(R, "TRAP", "B 分别为 3710.6+1236.9+1236.9", add(3710.6, 1236.9, 1236.9), "6184.37", tol="0.05")
show(R, "TRAP", "B 支付率 5213.48/6184.37 %", pct(5213.48, 6184.37), "84.30")
show(R, "TRAP", "O7 6184.37万元/28.6万m2 元/m2", r(D("6184.37") / D("28.6")), "216.24")
show(R, "TRAP", "O10 575/604 %", pct(575, 604, 1), "95.2")
show(R, "TRAP", "P1 14+23.5+31+22", add(14, 23.5, 31, 22), "90.5")
show(R, "TRAP", "P1 满分 15+25+35+25", add(15, 25, 35, 25), "100")
show(R, "TRAP", "P2 37,106,000元 in 万元", r(D(37106000) / 10000, 1), "3710.6")
show(R, "DEFECT", "IS O3 17/18 % (stated right; the defect: 94.4 < 100 called 已完成年度目标)", pct(17, 18, 1), "94.4")
show(R, "DEFECT", "D O4 8.3/12.6 %", pct(8.3, 12.6, 1))
show(R, "DEFECT", "D O4 short km 12.6-8.3", r(D("12.6") - D("8.3"), 1))
show(R, "DEFECT", "C unpaid 6184.37-5213.48 万元", add(6184.37, -5213.48))
show(R, "DEFECT", "N O2 3246 vs P2 3426 equal?", 3246 == 3426)

# ---------------- b13_ybj 永春县医疗保障局 2023 ----------------
R = "b13_ybj"
show(R, "TRAP", "B 执行率 2351.09/2402.75 %", pct(2351.09, 2402.75), "97.85")
show(R, "DEFECT", "A B 基本+项目 1206.37+1135.27", add(1206.37, 1135.27), "2351.09")
show(R, "DEFECT", "A gap 2351.09-2341.64", add(2351.09, -1206.37, -1135.27))
show(R, "TRAP", "O2 住院+门诊 968.55+213.85", add(968.55, 213.85), "1182.40")
sc = [9, 9.5, 9.5, 5, 4.5, 27, 18, 9]
show(R, "DEFECT", "S TBL sum of 自评得分", add(*sc), "93.5")
show(R, "TRAP", "TBL weights", add(10, 10, 10, 5, 5, 30, 20, 10), "100")
show(R, "DEFECT", "C O3 186/213 %", pct(186, 213, 1), "100")
show(R, "DEFECT", "N 参保率 O1 96.8 vs P1 97.3 equal?", 96.8 == 97.3)

# ---------------- b13_tswg 台山市文化廣電旅遊體育局 2024 ----------------
R = "b13_tswg"
show(R, "TRAP", "B 執行率 3158.90/3206.47 %", pct(3158.90, 3206.47), "98.52")
show(R, "TRAP", "B 基本+項目 1874.62+1284.28", add(1874.62, 1284.28), "3158.90")
show(R, "TRAP", "O1 紙質+電子 1.86+0.45", add(1.86, 0.45), "2.3", tol="0.05")
show(R, "TRAP", "O3 遊客 (1286.4-1140.4)/1140.4 %", pct(1286.4 - 1140.4, 1140.4, 1), "12.8")
show(R, "TRAP", "O3 民宿 (6.80-2.85)/2.85 %", pct(6.80 - 2.85, 2.85, 1), "138.6")
show(R, "TRAP", "P1 19+18.5+36+18.5", add(19, 18.5, 36, 18.5), "92")
show(R, "TRAP", "P1 滿分 20+20+40+20", add(20, 20, 40, 20), "100")
show(R, "DEFECT", "R100 101.2% of 500 questionnaires", r(D("500") * D("1.012"), 1), "500")

