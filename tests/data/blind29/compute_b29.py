#!/usr/bin/env python3
"""Re-run every computation planted in the blind29 reports (defects and traps) and check that each
snippet occurs verbatim in its report (full-width digits, 「．」 and 「％」 normalised on both sides).

NUM lines: the computed value, rounded half-up at the written precision, is compared with the written
figure: a DEFECT line must differ, a TRAP line must agree.
CMP lines: a condition stated in words (met / not met, part vs whole, grade vs scale, repeats …):
a DEFECT line's condition must hold (the defect is there), a TRAP line's condition must hold (it is right).
Exit 0 when every line is as planted."""
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = {ord(c): ord(a) for c, a in zip('０１２３４５６７８９．％', '0123456789.%')}


def norm(s):
    return s.translate(FW)


def text(name):
    with open(os.path.join(HERE, name + '.txt'), encoding='utf-8') as f:
        return norm(f.read())


def rnd(x, nd):
    q = Decimal(1).scaleb(-nd)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)


def dec_places(s):
    s = s.replace(',', '')
    return len(s.split('.')[1]) if '.' in s else 0


LINES = []


def num(kind, rep, label, value, written, snippet):
    LINES.append(('NUM', kind, rep, label, value, written, snippet))


def cmp(kind, rep, label, cond, snippet):
    LINES.append(('CMP', kind, rep, label, cond, None, snippet))


# ---------------------------------------------------------------- b29_yxny (JSON open-data export)
R = 'b29_yxny'
num('DEFECT', R, 'O1 其中 parts 210+264+136 vs total 620', 210 + 264 + 136, '620', '其中经营管理型210人、专业生产型264人、技能服务型136人')
num('DEFECT', R, '总分 = 9.63+50+29.05+9.84', 9.63 + (10 + 10 + 10 + 10 + 5 + 5) + (10 + 9.05 + 10) + 9.84, '99.52', '"总分": "99.52"')
cmp('DEFECT', R, '培训合格率 93.6 < 95 but 得分 10 and 已达到年度目标', 93.6 < 95, '"实际完成值": "93.6%", "分值": "10", "得分": "10", "偏差原因": "已达到年度目标"')
cmp('DEFECT', R, '带动户数 1086 < 1200 with reason 无', 1086 < 1200, '"实际完成值": "1086户", "分值": "10", "得分": "9.05", "偏差原因": "无"')
num('TRAP', R, '带动户数 docked score 1086/1200*10', 1086 / 1200 * 10, '9.05', '"得分": "9.05"')
cmp('DEFECT', R, '田间实训课时 answered in words', True, '"实际完成值": "达到预期"')
cmp('DEFECT', R, '注册率 over 100', 102.4 > 100, '"实际完成值": "102.4%"')
cmp('DEFECT', R, '评价等级 still template text', True, '"评价等级": "（优/良/中/差，按总分所在区间选填）"')
num('TRAP', R, '年初 150+36', 150.00 + 36.00, '186.00', '"年初预算数": "186.00"')
num('TRAP', R, '全年预算 168+36', 168.00 + 36.00, '204.00', '"全年预算数": "204.00"')
num('TRAP', R, '执行 161.92+34.50', 161.92 + 34.50, '196.42', '"全年执行数": "196.42"')
num('TRAP', R, '执行率 196.42/204', 196.42 / 204.00 * 100, '96.28', '"执行率": "96.28%"')
num('TRAP', R, '中央执行率 161.92/168', 161.92 / 168.00 * 100, '96.38', '"执行率": "96.38%"')
num('TRAP', R, '县级执行率 34.50/36', 34.50 / 36.00 * 100, '95.83', '"执行率": "95.83%"')
num('TRAP', R, '资金得分 10*96.28%', 10 * 196.42 / 204.00, '9.63', '"得分": "9.63"')
num('TRAP', R, '补助 2860*620 元 -> 万元', 2860 * 620 / 10000, '177.32', '按人均2860元标准拨付培训补助177.32万元')
num('TRAP', R, '满意度 docked 88.6/90*10', 88.6 / 90 * 10, '9.84', '"得分": "9.84"')
cmp('TRAP', R, '满意度 docked WITH reason', True, '结业问卷中学员对集中培训期间食宿安排评价偏低')
cmp('TRAP', R, '培训班次 met on equality 12 = 12', 12 == 12, '"年度指标值": "=12期", "实际完成值": "12期"')
cmp('TRAP', R, '人均补助 2860 <= 3000', 2860 <= 3000, '"年度指标值": "≤3000元/人", "实际完成值": "2860元/人"')
cmp('TRAP', R, '人均增收 3420 >= 3000', 3420 >= 3000, '"实际完成值": "3420元"')
cmp('TRAP', R, '培育人数 620 >= 600', 620 >= 600, '"年度指标值": "≥600人", "实际完成值": "620人"')
cmp('TRAP', R, '完成时间 2023-11-24 before 11-30', (11, 24) <= (11, 30), '"实际完成值": "2023年11月24日"')
cmp('TRAP', R, '2024 dates in 改进措施', True, '1.2024年起每个培训班为55岁以上学员配备1名助学员')

# ---------------------------------------------------------------- b29_txmz (2024 部门预算 with 2023 自评)
R = 'b29_txmz'
cmp('DEFECT', R, '互助养老服务点 18 (O3) vs 21 (Q1)', 18 != 21, '新建村级互助养老服务点18个，已全部挂牌运行')
cmp('DEFECT', R, 'Q1 side of the conflict', True, '2023年建成的21个村级互助养老服务点中')
cmp('DEFECT', R, 'P1 全部发放到位 vs 42人次 in 2024', True, '各项救助资金均已于年内足额发放到位')
cmp('DEFECT', R, 'O4 admits 2024 payment', True, '其中42人次因申请材料需补正，延至2024年1月发放')
cmp('DEFECT', R, 'P2 no figure', True, '全县民政服务能力和水平显著提升，困难群众获得感、幸福感、安全感持续增强，社会各界普遍好评')
cmp('DEFECT', R, 'O3 completion dated 2022 in a 2023 outcome', 2022 != 2023, '县殡仪馆火化炉尾气处理设施改造于2022年9月完工并投入使用')
cmp('DEFECT', R, 'G4 has no outcome (补录 absent from O)', '补录' not in text(R).split('2.目标完成情况')[1].split('3.部门整体绩效')[0], '（4）完成婚姻登记历史数据补录工作，补录率达到100%。')
cmp('DEFECT', R, 'I2 slogans only', True, '（2）进一步提高政治站位，持续强化绩效理念，切实把绩效管理要求贯穿民政工作全过程，不断提升基层民政服务水平。')
cmp('DEFECT', R, 'citation year two digits', True, '藤民发〔24〕3号')
cmp('TRAP', R, 'well-formed citation', True, '藤财绩〔2024〕4号')
num('TRAP', R, '2024 收入 5418.62+443.72', 5418.62 + 443.72, '5,862.34', '2024年收入预算总计5,862.34万元，其中：一般公共预算拨款收入5,418.62万元，上年结转443.72万元')
num('TRAP', R, '2024 支出 1236.58+4625.76', 1236.58 + 4625.76, '5,862.34', '其中：基本支出1,236.58万元')
num('TRAP', R, '三公 2.40+10.20+0', 2.40 + 10.20 + 0, '12.60', '2024年“三公”经费预算12.60万元，其中：公务接待费2.40万元，公务用车运行维护费10.20万元，因公出国（境）费0万元')
num('TRAP', R, '机关运行经费 减少 194.78-186.42', 194.78 - 186.42, '8.36', '比2023年的194.78万元减少8.36万元')
num('TRAP', R, '机关运行经费 下降率 8.36/194.78', 8.36 / 194.78 * 100, '4.29', '下降4.29%')
num('TRAP', R, '2023 执行率 6486.27/6812.40', 6486.27 / 6812.40 * 100, '95.21', '预算执行率95.21%')
num('TRAP', R, '特困 412+2318', 412 + 2318, '2,730', '全年救助供养特困人员2,730人，其中集中供养412人、分散供养2,318人')
cmp('TRAP', R, 'justified 无 (政府性基金 / 国有资本 空表)', True, '本部门2024年无政府性基金预算和国有资本经营预算收支，相关公开表以空表列示')
cmp('TRAP', R, '12个项目 4,625.76 = 项目支出 (same figure, same thing)', True, '涉及资金4,625.76万元')
cmp('TRAP', R, 'I1 next-year date', True, '（1）2024年6月底前，由养老服务股牵头')

# ---------------------------------------------------------------- b29_hzwl (OCR 评分表)
R = 'b29_hzwl'
num('DEFECT', R, '执行率 142.36/150', 142.36 / 150.00 * 100, '96.51', '执行142.36万元，执行率96.51%')
cmp('DEFECT', R, '档案管理 得分 3.5 > 分值 3', 3.5 > 3, '档案管理规范性丨3丨资料齐全、归档及时得满分丨规范丨规范丨3.5')
cmp('DEFECT', R, '传习场次 45 < 48 with full 10', 45 < 48, '传承人传习活动场次|10|完成得满分，未完成按比例计分|≥48场|45场|10|')
cmp('DEFECT', R, '受众 26400 < 30000 with non-reason', 26400 < 30000, '≥30000人次丨26400人次丨8.8丨受客观因素影响')
num('TRAP', R, '受众 docked 26400/30000*10', 26400 / 30000 * 10, '8.8', '26400人次丨8.8')
cmp('DEFECT', R, '评价结论 均已全面完成 vs misses', 45 < 48 and 26400 < 30000, '本项目各项绩效指标均已全面完成')
cmp('DEFECT', R, '拨付时间 date target answered in %', True, '2023年10月31日前丨100%')
cmp('DEFECT', R, '吸纳从业人员 1260 > 186 stated', 1260 > 186, '≥150人丨1260人')
cmp('DEFECT', R, 'header: 8家 186人', True, '非遗工坊8家，从业人员共186人')
num('TRAP', R, '资金 120+30', 120.00 + 30.00, '150.00', '全年预算150.00万元，其中中央补助资金120.00万元、省级补助资金30.00万元')
num('TRAP', R, '到位率 147/150', 147.00 / 150.00 * 100, '98.00', '到位147.00万元，到位率98.00%')
num('TRAP', R, '到位得分 5*98%', 5 * 147.00 / 150.00, '4.9', '到位率98.00%丨4.9')
num('TRAP', R, '分值 15+20+40+25', 15 + 20 + 40 + 25, '100', '合计丨丨丨100')
num('TRAP', R, '合计 = row scores', (3 + 4 + 3 + 4) + (4.9 + 5 + 5 + 3.5 + 2) + (10 + 8.8 + 10 + 5 + 5) + (10 + 5 + 10), '98.2', '合计丨丨丨100丨丨丨丨98.2')
num('TRAP', R, 'block weights 决策 3+4+4+4', 3 + 4 + 4 + 4, '15', '决策（15）')
num('TRAP', R, 'block weights 过程 5+5+5+3+2', 5 + 5 + 5 + 3 + 2, '20', '过程（20）')
num('TRAP', R, 'block weights 产出 10+10+10+5+5', 10 + 10 + 10 + 5 + 5, '40', '产出（40）')
num('TRAP', R, 'block weights 效益 10+5+10', 10 + 5 + 10, '25', '效益（25）')
cmp('TRAP', R, '指标明确性 docked with reason', True, '部分指标未细化量化，扣1分')
cmp('TRAP', R, '补助标准 0.6 <= 0.6 (met on equality)', 0.6 <= 0.6, '≤0.6万元/人·年丨0.6万元/人·年')
cmp('TRAP', R, '满意度 93.5 >= 90', 93.5 >= 90, '≥90%丨93.5%')
cmp('TRAP', R, '优 fits 98.2', 98.2 >= 90, '自评得分98.2分，评价等级为“优”')
cmp('TRAP', R, '执行率 true 94.91 still >= 90 so full 5 right', 142.36 / 150 * 100 >= 90, '≥90%得满分，每低1个百分点扣0.5分')

# ---------------------------------------------------------------- b29_jssj (director's speech)
R = 'b29_jssj'
cmp('DEFECT', R, '食品抽检 2,860 (O1) vs 2,912 (P2)', 2860 != 2912, '全年抽检食品2,860批次')
cmp('DEFECT', R, 'P2 side', True, '全年共完成食品抽检2,912批次')
cmp('DEFECT', R, 'P1 全部完成 vs 1.13 < 1.2万台件', 1.13 < 1.2, '年初定的目标任务全部完成')
cmp('DEFECT', R, 'O3 the miss', True, '全年强制检定计量器具1.13万台件')
cmp('DEFECT', R, 'O6 no figure', True, '企业群众办事更便捷了、满意度大大提高了，社会反响非常好')
cmp('DEFECT', R, 'O4 clause twice', text(R).count('全年检验电梯1,286台、压力容器362台，督促整改隐患63处') == 2, '全年检验电梯1,286台、压力容器362台，督促整改隐患63处，全年检验电梯1,286台')
cmp('DEFECT', R, 'Q3 without measure (no 平台/网格 in 六、)', ('网格' not in text(R).split('六、下一步怎么改')[1]) and ('平台' not in text(R).split('六、下一步怎么改')[1]), '第三，智慧监管平台的数据共享不畅')
cmp('DEFECT', R, 'I2 slogans', True, '第二，要进一步提高认识、压实责任、强化担当，切实把绩效管理抓紧抓实抓出成效。')
cmp('DEFECT', R, 'name 管里', True, '江山市市场监督管里局')
num('TRAP', R, '执行率 8102.64/8426.35', 8102.64 / 8426.35 * 100, '96.16', '预算执行率96.16%')
num('TRAP', R, '支出 5318.20+2784.44', 5318.20 + 2784.44, '8,102.64', '基本支出5,318.20万元，项目支出2,784.44万元')
num('TRAP', R, '得分 18.6+19.2+38.4+18.4', 18.6 + 19.2 + 38.4 + 18.4, '94.6', '总分94.6分')
cmp('TRAP', R, '优 fits 94.6', 94.6 >= 90, '按90分以上为优的标准，等级为优')
cmp('TRAP', R, 'O3 shortfall WITH reason', True, '主要是部分加油站和集贸市场商户年内停业、转让，应检器具数量减少')
cmp('TRAP', R, '市场主体 4,235 >= 4,000', 4235 >= 4000, '全年新增市场主体4,235户')
cmp('TRAP', R, '合格率 97.8 >= 97', 97.8 >= 97, '抽检合格率97.8%')
cmp('TRAP', R, '按时办结率 99.2 >= 98', 99.2 >= 98, '按时办结率99.2%')
cmp('TRAP', R, '定期检验率 100 = 100, 事故 0', True, '定期检验率100%，全年未发生特种设备事故')
cmp('TRAP', R, 'I1 next-year date', True, '2024年二季度前由办公室牵头')

# ---------------------------------------------------------------- b29_wysj (multi-year project)
R = 'b29_wysj'
num('DEFECT', R, '累计进度 12699.10/18600', 12699.10 / 18600.00 * 100, '70.27', '12,699.10	70.27%')
cmp('DEFECT', R, '片区 23 (O2) vs 27 (P1)', 23 != 27, '全年完成23个老旧片区雨污分流改造')
cmp('DEFECT', R, 'P1 side', True, '本项目2023年度完成27个老旧片区雨污分流改造')
cmp('DEFECT', R, '闭水 96.5 < 98 written 达到目标要求', 96.5 < 98, '一次合格率96.5%，达到目标要求')
cmp('DEFECT', R, '管网 27.3 < 32.0, no reason', 27.3 < 32.0, '全年新建改造雨污分流管网27.3公里，完成年度目标的85.31%。')
num('TRAP', R, '管网完成率 27.3/32', 27.3 / 32.0 * 100, '85.31', '完成年度目标的85.31%')
cmp('DEFECT', R, '2022 acceptance counted in 2023', True, '其中解放路片区于2022年12月20日通过竣工验收')
cmp('DEFECT', R, 'O4 restates G4', True, '按照年度目标，建立管网巡查养护机制，力争城区污水处理厂进水COD浓度提高到180mg/L以上。')
cmp('DEFECT', R, 'Q1 / Q3 near duplicate', True, '（三）部分标段隐蔽工程影像资料留存不完整，施工资料归档滞后于工程进度。')
num('TRAP', R, '计划 5200+7800+5600', 5200.00 + 7800.00 + 5600.00, '18,600.00', '合计	18,600.00')
num('TRAP', R, '累计 5046.30+7652.80', 5046.30 + 7652.80, '12,699.10', '7,652.80	12,699.10')
num('TRAP', R, '2022 累计进度 5046.30/18600', 5046.30 / 18600.00 * 100, '27.13', '5,046.30	27.13%')
num('TRAP', R, '2022 完成 5046.30/5200', 5046.30 / 5200.00 * 100, '97.04', '占当年计划的97.04%')
num('TRAP', R, '2023 资金 3000+2800+2000', 3000.00 + 2800.00 + 2000.00, '7,800.00', '2023年度项目资金7,800.00万元，其中中央预算内投资3,000.00万元、地方政府专项债券资金2,800.00万元、市级财政资金2,000.00万元')
num('TRAP', R, '执行率 7652.80/7800', 7652.80 / 7800.00 * 100, '98.11', '预算执行率98.11%')
num('TRAP', R, '管网 11.6+15.7', 11.6 + 15.7, '27.3', '其中雨水管网11.6公里、污水管网15.7公里')
num('TRAP', R, '得分 14+18.5+34.6+21.5', 14 + 18.5 + 34.6 + 21.5, '88.6', '自评得分88.6分，其中决策14分、过程18.5分、产出34.6分、效益21.5分')
cmp('TRAP', R, '良 fits 88.6', 80 <= 88.6 < 90, '评价等级为良')
cmp('TRAP', R, 'O5 shortfall WITH reason and admitted 2024 date', 92.0 < 95, '主要原因是12月开挖的3处路面因连续低温')
cmp('TRAP', R, '2024 plan row is another year', True, '2024年（计划）	5,600.00')
cmp('TRAP', R, 'I1 next-year date', True, '（一）2024年3月底前')

# ---------------------------------------------------------------- b29_cxfy (quarterly indicator table)
R = 'b29_cxfy'
num('DEFECT', R, '门诊 quarters sum', 21346 + 23108 + 24590 + 22781, '92,825', '21,346	23,108	24,590	22,781	92,825')
num('DEFECT', R, '表3 sum vs text 96.0', 19.2 + 18.6 + 33.8 + 23.4, '96.0', '综合自评得分96.0分')
num('TRAP', R, '表3 合计 row', 19.2 + 18.6 + 33.8 + 23.4, '95.0', '合计	100	95.0')
cmp('DEFECT', R, 'O2 未发生医疗纠纷 vs O4 2起', True, '全年未发生医疗纠纷和安全事故')
cmp('DEFECT', R, 'O4 side', True, '调解处理医疗纠纷2起')
cmp('DEFECT', R, 'O6 no figure', True, '我院妇幼健康服务水平大幅提升，群众就医体验明显改善，社会满意度显著提高')
cmp('DEFECT', R, '筛查率 全年 > 100', 100.3 > 100, '99.6%	100%	100%	99.8%	100.3%')
cmp('DEFECT', R, '产前筛查率 in words', True, '产前筛查率目标≥85%，完成情况：已达到预期目标')
cmp('DEFECT', R, '平均住院日 in %', True, '平均住院日目标≤5天，实际为4.6%')
num('TRAP', R, '收入 1346.20+6386.75+129.50', 1346.20 + 6386.75 + 129.50, '7,862.45', '本年收入合计	7,862.45')
num('TRAP', R, '财政拨款执行率 1346.20/1380', 1346.20 / 1380.00 * 100, '97.55', '执行率97.55%')
num('TRAP', R, '住院 quarters', 1236 + 1318 + 1402 + 1294, '5,250', '1,236	1,318	1,402	1,294	5,250')
num('TRAP', R, '分娩 quarters', 386 + 402 + 451 + 417, '1,656', '386	402	451	417	1,656')
num('TRAP', R, '两癌 quarters', 1420 + 1586 + 1734 + 1512, '6,252', '1,420	1,586	1,734	1,512	6,252')
cmp('TRAP', R, 'rate row 全年 not a sum (within quarter range)', 93.2 <= 94.0 <= 94.6, '93.2%	94.0%	94.6%	94.1%	94.0%')
cmp('TRAP', R, '孕产妇死亡 0 = 0', True, '孕产妇死亡（例）	0	0	0	0	0	0	完成')
cmp('TRAP', R, '次均门诊费用 168.4 <= 180', 168.4 <= 180, '次均门诊费用168.4元，低于180元的控制目标')
num('TRAP', R, '表3 分值', 20 + 20 + 35 + 25, '100', '合计	100')
cmp('TRAP', R, '优 fits 95.0', 95.0 >= 90, '按90分（含）以上为优的标准，评价等级为优')
cmp('TRAP', R, 'I2 next-year date', True, '2.2024年9月底前完成院内信息系统与区域平台接口改造')

# ---------------------------------------------------------------- b29_pdly (提要 + endnotes)
R = 'b29_pdly'
cmp('DEFECT', R, '抚育 3.2 (O2) vs 2.8 (P2)', 3.2 != 2.8, '完成中幼林抚育3.2万亩，涉及9个乡镇（街道）[3]')
cmp('DEFECT', R, 'P2 side', True, '中幼林抚育2.8万亩[3]')
cmp('DEFECT', R, 'P3 no figure', True, '林业改革发展成效显著，生态优势持续转化为发展优势，群众生态获得感明显增强')
cmp('DEFECT', R, '石漠化 1.18 < 1.5 (78.67%), no reason', 1.18 < 1.5 and rnd(1.18 / 1.5 * 100, 2) == Decimal('78.67'), '完成石漠化综合治理1.18万亩[4]。')
cmp('DEFECT', R, 'endnote [4] is a source, not a reason', True, '[4] 数据来源：普定县2023年度石漠化综合治理工程检查验收报告。')
cmp('DEFECT', R, 'G5 古树名木 absent from O', '古树' not in text(R).split('三、目标完成情况')[1].split('四、部门整体绩效')[0], '5.古树名木挂牌保护不少于420株')
cmp('DEFECT', R, 'Q4 without measure (no 执法 in 六、)', '执法' not in text(R).split('六、改进措施')[1].split('注释')[0], '全局持证执法人员仅9人')
cmp('DEFECT', R, 'O3 restates G3', True, '3.森林防火。全年力争实现森林火灾受害率控制在0.9‰以内')
cmp('DEFECT', R, 'Q2 clause twice', text(R).count('护林员队伍年龄结构偏大，平均年龄54.6岁') == 2, '护林员队伍年龄结构偏大，平均年龄54.6岁，巡护手段')
num('TRAP', R, '执行率 3518.06/3642.18', 3518.06 / 3642.18 * 100, '96.59', '预算执行率96.59%；其中')
num('TRAP', R, '支出 1126.40+2391.66', 1126.40 + 2391.66, '3,518.06', '其中基本支出1,126.40万元，项目支出2,391.66万元')
num('TRAP', R, '得分 19+18.5+35.3+18.5', 19 + 18.5 + 35.3 + 18.5, '91.3', '合计91.3分')
num('TRAP', R, '营造林 0.84+1.52', 0.84 + 1.52, '2.36', '其中人工造林0.84万亩、封山育林1.52万亩')
cmp('TRAP', R, '提要 repeats body figures', True, '实际支出3,518.06万元，预算执行率96.59%[1]；全年完成营造林2.36万亩[2]、中幼林抚育3.2万亩[3]')
cmp('TRAP', R, '成灾率 1.2 <= 3 per mille', 1.2 <= 3, '成灾率1.2‰')
cmp('TRAP', R, '营造林 2.36 >= 2.3', 2.36 >= 2.3, '全年完成营造林2.36万亩，其中')
cmp('TRAP', R, '优 fits 91.3', 91.3 >= 90, '等级为优（90分及以上为优）')
cmp('TRAP', R, 'I1 next-year date', True, '1.2024年争取省级林区道路项目资金')

# ---------------------------------------------------------------- b29_xczq (专项债券)
R = 'b29_xczq'
num('TRAP', R, '得分 14+23.5+31.0+18.0', 14 + 23.5 + 31.0 + 18.0, '86.5', '自评总分86.5分')
cmp('DEFECT', R, '优 for 86.5 against 优 >= 90', not (86.5 >= 90), '评价等级为优')
cmp('DEFECT', R, '出租率 72.6 < 80 达到预期目标', 72.6 < 80, '厂房出租率72.6%，达到预期目标')
num('TRAP', R, '出租率 4.68/6.45', 4.68 / 6.45 * 100, '72.6', '厂房出租率72.6%')
cmp('DEFECT', R, '债券 part 1.46 > whole 1.20', 1.46 > 1.20, '其中厂房主体工程使用债券资金1.46亿元')
cmp('DEFECT', R, '债券代码 template text', True, '债券代码：（按财政部门转贷文件填写）')
cmp('DEFECT', R, 'name 开法区', True, '孝昌经济开法区')
cmp('DEFECT', R, 'citation bracket pair broken', True, '孝昌发改审〔2023）36号')
cmp('TRAP', R, 'well-formed citation', True, '鄂财债发〔2023〕18号')
cmp('DEFECT', R, 'P2 repeated as I3', text(R).count('总体来看，项目按照专项债券资金管理要求规范使用债券资金，厂房主体已全部封顶，招商入驻工作有序推进，债券利息按期足额支付，未发生资金挪用情况。') == 2, '（三）总体来看，项目按照专项债券资金管理要求')
num('TRAP', R, '总投资 1.20+0.36+0.30', 1.20 + 0.36 + 0.30, '1.86', '项目总投资1.86亿元，其中专项债券资金1.20亿元、县级财政配套资金0.36亿元、开发区自筹资金0.30亿元')
num('TRAP', R, '1.20亿元 = 12,000万元', 1.20 * 10000, '12,000', '1.20亿元（12,000万元）')
num('TRAP', R, '利息 12000*3.05%/2', 12000 * 0.0305 / 2, '183.00', '按期支付首次利息183.00万元')
num('TRAP', R, '本息 1.20+1.20*3.05%*10', 1.20 + 1.20 * 0.0305 * 10, '1.566', '本息合计1.566亿元')
num('TRAP', R, '覆盖倍数 3.46/1.566', 3.46 / (1.20 + 1.20 * 0.0305 * 10), '2.21', '本息覆盖倍数2.21倍')
num('TRAP', R, '分值 15+25+35+25', 15 + 25 + 35 + 25, '100', '项目决策15分')
cmp('TRAP', R, '入驻 16 >= 15, 就业 642 >= 600', 16 >= 15 and 642 >= 600, '企业16家入驻')
cmp('TRAP', R, '9 of 12 accepted (part of whole)', 9 <= 12, '其中9栋已完成竣工验收')
cmp('TRAP', R, '2033 is the bond term', True, '10年（2033年6月到期）')
cmp('TRAP', R, 'I1 next-year date', True, '（一）2024年对剩余3栋厂房')


def main():
    bad = 0
    cache = {}
    for kind_line, kind, rep, label, value, written, snippet in LINES:
        t = cache.setdefault(rep, text(rep))
        ok_snip = norm(snippet) in t
        if kind_line == 'NUM':
            w = Decimal(written.replace(',', ''))
            got = rnd(value, dec_places(written))
            equal = (got == w)
            ok = (not equal) if kind == 'DEFECT' else equal
            detail = 'computed %s, written %s' % (got, written)
        else:
            ok = bool(value)
            detail = 'condition %s' % value
        status = 'ok' if (ok and ok_snip) else 'FAIL'
        if status == 'FAIL':
            bad += 1
        print('%-4s %s %-6s %-9s %s | %s%s' % (status, kind_line, kind, rep, label, detail,
                                             '' if ok_snip else ' | SNIPPET NOT FOUND: ' + snippet))
    n_def = sum(1 for l in LINES if l[1] == 'DEFECT')
    n_trap = sum(1 for l in LINES if l[1] == 'TRAP')
    print('%d lines (%d DEFECT, %d TRAP), %d failing' % (len(LINES), n_def, n_trap, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
