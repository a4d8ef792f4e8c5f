#!/usr/bin/env python3
"""Re-runs every computation behind the planted defects and the clean traps of blind12.

Each line prints: report | place | what | computed value | figure written in the report | verdict.
verdict "DEFECT" = planted finding (the written figure disagrees), "trap-ok" = must stay clean.
"""

def pct(a, b):
    return round(a / b * 100, 2)

rows = []

def chk(rep, place, what, computed, written, defect):
    rows.append((rep, place, what, computed, written, "DEFECT" if defect else "trap-ok"))

# ---------------- b12_slj 剑阁县水利局 2023 ----------------
R = "b12_slj"
chk(R, "B", "预算执行率 4297.36/4512.75", pct(4297.36, 4512.75), "96.12%", True)
chk(R, "B", "年初3846.20+追加666.55 = 调整后", round(3846.20 + 666.55, 2), "4,512.75", False)
chk(R, "B", "基本1386.54+项目2910.82 = 实际支出", round(1386.54 + 2910.82, 2), "4,297.36", False)
chk(R, "O1", "新建19+改造23 = 42处", 19 + 23, "42处", False)
chk(R, "O1/P1", "受益人口 O1 vs P1 (same metric)", "2.63万 vs 2.36万", "conflict", True)
chk(R, "O2", "河流治理 13.2/16.8 (no cause anywhere)", pct(13.2, 16.8), "13.2公里（年度计划16.8公里）", True)
chk(R, "O3", "7座全部完工 vs 5座验收+2座仍在施工", 7 - 5, "2座仍在施工", True)
chk(R, "O4", "水保 33.5/32", pct(33.5, 32), "104.7%", False)
chk(R, "O5", "站点完好率 127/132 (target >=95%)", pct(127, 132), "96.2%", False)
chk(R, "Q3", "12月支付 914.00/项目支出2910.82", pct(914.00, 2910.82), "31.4%", False)

# ---------------- b12_gmj 歙县 古民居修缮 2024 ----------------
R = "b12_gmj"
chk(R, "TBL", "执行率 703.64/724.50", pct(703.64, 724.50), "97.12%", False)
chk(R, "TBL", "得分 10 x 97.12%", round(10 * 703.64 / 724.50, 2), "9.71", False)
chk(R, "TBL", "600.00+80.00 / 644.50+80.00 / 623.64+80.00", (600 + 80, 644.5 + 80, round(623.64 + 80, 2)), "680.00/724.50/703.64", False)
chk(R, "O1", "面积完成率 5460/5400", pct(5460, 5400), "111.0%", True)
chk(R, "O1", "10处按期+2处延期 = 12处", 10 + 2, "12处", False)
chk(R, "O2", "巷道 1260 m2 x 420元 (元 -> 万元)", (1260 * 420, 1260 * 420 / 1e4), "52.92元", True)
chk(R, "TBL", "按期完工率 10/12 (target 100%, cell 已按期完成)", pct(10, 12), "83.3%", True)
chk(R, "TBL", "单处平均投入 703.64/12 (万元)", round(703.64 / 12, 2), "58.64万元/处", False)
chk(R, "TBL", "开放率 (bounded rate)", "> 100", "108.3%", True)
chk(R, "TBL", "工匠就业 96/150 (no cause anywhere)", pct(96, 150), "96人次", True)
chk(R, "TBL", "满意度 得分 vs 分值", "12 > 10", "12", True)
weights = [10, 10, 10, 10, 5, 10, 10, 10, 10, 5, 10]
scores = [9.71, 10, 10, 10, 5, 8, 10, 10, 6, 5, 12]
chk(R, "TBL", "分值合计", sum(weights), "100", False)
chk(R, "TBL", "得分合计", round(sum(scores), 2), "95.71", False)

# ---------------- b12_gbnt 围场 高标准农田建设计划项目 2022 ----------------
R = "b12_gbnt"
chk(R, "TBL", "执行率 2604.60/2850.00", pct(2604.60, 2850.00), "91.39%", False)
chk(R, "TBL", "得分 10 x 91.39%", round(10 * 2604.60 / 2850.00, 2), "9.14", False)
chk(R, "TBL", "1900+500+300 / 1900+550+400 / 1720.40+504.20+380.00", (1900 + 500 + 300, 1900 + 550 + 400, round(1720.40 + 504.20 + 380.00, 2)), "2,700.00/2,850.00/2,604.60", False)
chk(R, "O4/TBL", "中央资金支付 1720.40/1900.00 ('已全部支付完毕')", pct(1720.40, 1900.00), "已全部支付完毕", True)
chk(R, "O4/TBL", "省级资金支付 504.20/550.00", pct(504.20, 550.00), "已全部支付完毕", True)
chk(R, "O1", "高效节水 4.6万亩 > 全部 3.2万亩 (part above whole)", 4.6 > 3.2, "4.6万亩", True)
chk(R, "TBL/O1", "标段验收合格率 25/26 (target >=95%)", pct(25, 26), "96.2%", False)
chk(R, "TBL", "亩均财政投入 26,046,000元/32,000亩", round(2604.60e4 / 3.2e4, 1), "814元/亩", False)
chk(R, "O2/TBL", "受益农户 O2 vs TBL", "6,820 vs 6,910", "conflict", True)
chk(R, "TBL", "耕地质量 0.3 vs >=0.5, cell '目标已实现'", 0.3 >= 0.5, "0.3个等级", True)
chk(R, "TBL", "亩均增产 42/50 (reason given: drought)", pct(42, 50), "42公斤", False)
scores = [9.14, 10, 10, 10, 10, 10, 8, 10, 6, 10]
chk(R, "TBL", "分值合计 10 + 9x10", 10 + 9 * 10, "100", False)
chk(R, "TBL", "得分合计", round(sum(scores), 2), "95.14", True)
chk(R, "G1", "deadline year in a 2022 target", 2021, "2021年12月底前", True)

# ---------------- b12_xsjx 湄潭县教育局 校舍维修改造 2023 ----------------
R = "b12_xsjx"
chk(R, "TBL", "执行率 1468.35/1526.00", pct(1468.35, 1526.00), "96.22%", False)
chk(R, "TBL", "得分 10 x 96.22%", round(10 * 1468.35 / 1526.00, 2), "9.62", False)
chk(R, "TBL", "年初 1000+320+160", 1000 + 320 + 160, "1,480.00", False)
chk(R, "TBL", "全年 1000+346+180", 1000 + 346 + 180, "1,526.00", False)
chk(R, "TBL", "执行 982.60+337.75+158.00", round(982.60 + 337.75 + 158.00, 2), "1,468.35", True)
chk(R, "O1", "屋面9860+外墙门窗12280", 9860 + 12280, "22,140", False)
chk(R, "TBL", "单价 14,683,500元/22,140 m2", round(1468.35e4 / 22140, 1), "663元/平方米", False)
chk(R, "TBL", "开学前完工率 16/18 (no cause anywhere)", pct(16, 18), "88.9%", True)
chk(R, "TBL/Q1", "隐患整改率 71/76 (cell '已全部整改到位')", pct(71, 76), "93.4%", True)
chk(R, "TBL", "验收合格率 100% met, 得分 9 of 10, no reason", "10 expected", "9", True)
scores = [9.62, 10, 10, 10, 9, 8, 10, 10, 9, 10]
chk(R, "TBL", "分值合计 10 + 9x10", 10 + 9 * 10, "100", False)
chk(R, "TBL", "得分合计", round(sum(scores), 2), "95.62", False)

# ---------------- b12_cjbt 莒县民政局 两项补贴 2025 ----------------
R = "b12_cjbt"
life = 4230 * 130 * 12
care = 4005 * 120 * 12
chk(R, "O1", "生活补贴 4230人 x 130元 x 12月 (元)", life, "6,598,800元", False)
chk(R, "O1", "生活补贴 (万元)", life / 1e4, "659.88万元", False)
chk(R, "O2", "护理补贴 4005人 x 120元 x 12月 (万元)", care / 1e4, "5,767,200万元", True)
chk(R, "O2", "written / computed", 5767200 / (care / 1e4), "10000x", True)
chk(R, "TBL", "两项合计 (万元)", (life + care) / 1e4, "1,236.60", False)
chk(R, "TBL", "执行率 1236.60/1250.00", pct(1236.60, 1250.00), "98.93%", False)
chk(R, "TBL", "得分 10 x 98.93%", round(10 * 1236.60 / 1250.00, 2), "9.89", False)
chk(R, "TBL", "满意度 (bounded rate)", "> 100", "102.4%", True)
scores = [9.89, 10, 10, 9, 10, 10, 5, 5, 10, 7, 10]
weights = [10, 10, 10, 10, 10, 10, 5, 5, 10, 10, 10]
chk(R, "TBL", "分值合计", sum(weights), "100", False)
total = round(sum(scores), 2)
chk(R, "TBL", "得分合计", total, "95.89", False)
chk(R, "TBL", "等级 per 注 (>=90 优)", "优" if total >= 90 else "良", "良", True)
chk(R, "Q2/I2", "待纳入对象人数 Q2 vs I2", "37 vs 73", "conflict", True)
chk(R, "O3/Q2", "'已全部纳入…应补尽补' vs 37 eligible not included", 37, "已全部纳入", True)

# ---------------- b12_spcj 上林县市场监督管理局 抽检监测 2024 ----------------
R = "b12_spcj"
chk(R, "B", "执行率 241.36/250.00", pct(241.36, 250.00), "96.54%", False)
chk(R, "B", "结余 250.00-241.36", round(250.00 - 241.36, 2), "8.64万元", False)
chk(R, "P1", "241.36万元 in 元", round(241.36 * 1e4), "2,413,600元", False)
chk(R, "O1", "1260/1200", pct(1260, 1200), "105.0%", False)
chk(R, "O1", "286+512+245+217", 286 + 512 + 245 + 217, "1,260", False)
shares = [pct(x, 1260) for x in (286, 512, 245, 217)]
chk(R, "O1", "shares of 1260 (rounded to 1 d.p.)", [round(s, 1) for s in shares], "22.7/40.6/19.4/17.2 (sum 99.9, rounding)", False)
chk(R, "O2", "按时出具率 1240/1260 (target 100%, '达到年度目标')", pct(1240, 1260), "98.4%", True)
chk(R, "O2/Q1", "超期报告 1260-1240", 1260 - 1240, "20份", False)
chk(R, "O2", "不合格样品增长 (34-16)/16", pct(34 - 16, 16), "112.5%", False)
chk(R, "O4", "检验费 1260 x 1850元 (万元)", 1260 * 1850 / 1e4, "223.10万元", True)
chk(R, "O7", "满意度 372/400", pct(372, 400), "93.0%", False)
chk(R, "P1", "9.65+46+30+10", round(9.65 + 46 + 30 + 10, 2), "95.65", False)
chk(R, "P1", "执行率得分 10 x 96.54%", round(10 * 241.36 / 250.00, 2), "9.65", False)
chk(R, "O3", "result date vs evaluated year 2024", "2025-01-15", "2025年1月15日", True)

# ---------------- b12_lyj 五常市林业和草原局 2022 ----------------
R = "b12_lyj"
chk(R, "B", "2612.30+252.20", round(2612.30 + 252.20, 2), "2,864.50", False)
chk(R, "B", "执行率 2708.47/2864.50", pct(2708.47, 2864.50), "94.55%", False)
chk(R, "B", "基本1192.63+项目1515.84", round(1192.63 + 1515.84, 2), "2,708.47", False)
chk(R, "O2", "0.72+0.31+0.23 (万亩)", round(0.72 + 0.31 + 0.23, 2), "1.26万亩", False)
chk(R, "O2/Q1", "人工造林 O2 vs Q1", "1.26万亩 vs 1.62万亩", "conflict", True)
chk(R, "O4", "3.36+2.45 (万亩), shown as 5.8 (rounding)", round(3.36 + 2.45, 2), "5.8万亩", False)
chk(R, "O5", "抚育 1.64/2 (reason given)", pct(1.64, 2), "82.0%", False)
chk(R, "O1/O5", "'全面完成了年度各项目标任务' vs 抚育 82.0% (and 草原 3200/5000)", pct(3200, 5000), "全面完成", True)
chk(R, "O6", "草原 3200/5000 (no cause anywhere)", pct(3200, 5000), "3,200亩", True)
chk(R, "O7", "林下经济 (1.92-0.84)/0.84", pct(1.92 - 0.84, 0.84), "128.6%", False)

# ---------------- b12_wlty 盐池县文化旅游体育局 2025 ----------------
R = "b12_wlty"
chk(R, "B", "2615.00+471.42", round(2615.00 + 471.42, 2), "3,086.42", False)
chk(R, "B", "执行率 2940.15/3086.42", pct(2940.15, 3086.42), "95.26%", False)
chk(R, "B", "基本1268.40+项目1671.75", round(1268.40 + 1671.75, 2), "2,940.15", False)
chk(R, "B", "基本支出占比 1268.40/2940.15", pct(1268.40, 2940.15), "46.8%", True)
chk(R, "O1", "场均 94.50/126", round(94.50 / 126, 2), "0.75万元", False)
chk(R, "O1", "更新率 2.8/25", pct(2.8, 25), "11.2%", False)
chk(R, "O2", "游客 271.6/280 (reason given)", pct(271.6, 280), "97.0%", False)
chk(R, "O3", "参赛人数增长 (5200-2200)/2200", pct(5200 - 2200, 2200), "136.4%", False)
scores = [9.53, 10, 10, 10, 10, 10, 9, 10, 10, 10]
chk(R, "TBL", "执行率得分 10 x 95.26%", round(10 * 2940.15 / 3086.42, 2), "9.53", False)
chk(R, "TBL", "分值合计 10x10", 10 * 10, "100", False)
chk(R, "TBL", "得分合计", round(sum(scores), 2), "98.53", False)

for r in rows:
    print(" | ".join(str(x) for x in r))
print()
print("rows checking planted defects:", sum(1 for r in rows if r[5] == "DEFECT"), "(a finding may have 2 rows; text-only findings have none; 55 findings in the yaml files)", "| trap rows:", sum(1 for r in rows if r[5] == "trap-ok"))
