#!/usr/bin/env python3
"""Re-runs every computation planted in the blind24 reports (defects and traps) and checks that
each snippet occurs verbatim in its report (full-width digits, 「．」 and 「％」 normalised on both sides).
NUM lines: the computed value, rounded half-up at the written precision, must DIFFER from the written
figure for a DEFECT and EQUAL it for a TRAP. CMP lines: a condition that is True when the line is as planted.
Exits 0 when every line is as planted."""
import os, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％', '0123456789.%')

def norm(s):
    return s.translate(FW)

_cache = {}
def text(rep):
    if rep not in _cache:
        with open(os.path.join(HERE, rep + '.txt'), encoding='utf-8') as f:
            _cache[rep] = norm(f.read())
    return _cache[rep]

def q(value, written):
    w = written.replace(',', '')
    places = len(w.split('.')[1]) if '.' in w else 0
    exp = Decimal(1).scaleb(-places)
    return Decimal(repr(value)).quantize(exp, rounding=ROUND_HALF_UP), Decimal(w)

LINES = []
def NUM(rep, kind, label, value, written, *snips):
    LINES.append(('NUM', rep, kind, label, value, written, snips))
def CMP(rep, kind, label, cond, *snips):
    LINES.append(('CMP', rep, kind, label, cond, None, snips))

# ---------------- b24_mpzz (秭归县茅坪镇, e-mail) ----------------
R = 'b24_mpzz'
NUM(R, 'TRAP', 'B2 基本+项目 = 实际支出', 1986.40 + 932.32, '2,918.72', '其中基本支出1,986.40万元，项目支出932.32万元')
NUM(R, 'TRAP', 'B2 执行率 2,918.72/3,012.45', 2918.72 / 3012.45 * 100, '96.89', '预算执行率96.89%', '调整预算3,012.45万元')
NUM(R, 'TRAP', 'O2 参保率 18,436/18,902', 18436 / 18902 * 100, '97.53', '实际参保18,436人，参保率97.53%')
CMP(R, 'TRAP', 'O2 参保率 97.53 ≥ 97', 97.53 >= 97, '参保率不低于97%')
CMP(R, 'TRAP', 'O1 茶园 1,260 ≥ 1,200; 合作社 2 = 2', 1260 >= 1200 and 2 == 2, '改造1,260亩', '新培育九里、陈家坝2家')
CMP(R, 'TRAP', 'O2 培训 12期 = 12期 (met on equality)', 12 >= 12, '技能培训12期，培训农村劳动力648人次')
CMP(R, 'TRAP', 'O5 受害率 0.3‰ ≤ 0.8‰ (≤ kind)', 0.3 <= 0.8, '森林火灾受害率0.3‰', '控制在0.8‰以内')
CMP(R, 'TRAP', 'O4 10 合格 + 2 整改 = 12, with a reason', 10 + 2 == 12, '有10个考核合格，兰陵溪、月亮包2个村因垃圾收集点建设滞后')
CMP(R, 'TRAP', 'O3 户厕 212 ≥ 200 (target met, the conflict is with Q1)', 212 >= 200, '完成农村户厕改造212户')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O3 212 vs Q1 206 户', 212 != 206, '完成农村户厕改造212户', '已改造的206户中')
CMP(R, 'DEFECT', 'CLAIM_CONTRADICTED P2 均达到合格 vs O4 10 of 12', 10 < 12, '12个村（社区）人居环境整治年度考核均达到合格以上', '有10个考核合格')
CMP(R, 'DEFECT', 'DATE_OUT_OF_PERIOD O1 2022 acceptance in a 2023 report', 2022 < 2023, '已于2022年10月通过县农业农村局验收', '2023年度部门整体支出绩效自评报告')
CMP(R, 'DEFECT', 'GOAL_WITHOUT_OUTCOME G5 便民服务中心 named once (goal only)', text(R).count('便民服务中心') == 1, '完成镇便民服务中心标准化改造')
CMP(R, 'DEFECT', 'NAME_VARIANT 茅平镇 once', text(R).count('茅平镇') == 1, '茅平镇财政所牵头')
CMP(R, 'DEFECT', 'VAGUE_MEASURE I2 slogans only', True, '坚持高位推动，凝聚各方合力，以更高标准、更实举措推动茶叶产业提质增效')
CMP(R, 'DEFECT', 'UNSUPPORTED_CLAIM P3 no figure', not any(c.isdigit() for c in '通过一年的努力，群众获得感、幸福感、安全感显著增强，干群关系更加密切，全镇经济社会发展呈现稳中向好、活力迸发的良好态势。'), '群众获得感、幸福感、安全感显著增强')
CMP(R, 'TRAP', 'well-formed citation in the quoted mail', True, '秭财绩〔2024〕3号')

# ---------------- b24_yljy (沅陵县教育局, 会议纪要) ----------------
R = 'b24_yljy'
NUM(R, 'TRAP', 'B1 中央+省+县 = 预算', 448.60 + 131.40 + 132.00, '712.00', '2023年项目预算712.00万元，其中中央资金448.60万元、省级资金131.40万元、县级配套132.00万元')
NUM(R, 'TRAP', 'B1 执行率 689.35/712.00', 689.35 / 712.00 * 100, '96.82', '全年执行689.35万元，预算执行率96.82%')
NUM(R, 'TRAP', 'O1 小学+初中 = 寄宿生', 1412 + 1274, '2,686', '全年资助寄宿生2,686人，其中小学1,412人、初中1,274人')
NUM(R, 'DEFECT', 'ARITHMETIC_MISMATCH O1 1,412×1,000 + 1,274×1,250 元 → 万元', (1412 * 1000 + 1274 * 1250) / 10000, '310.45', '按标准发放补助310.45万元', '小学每生每年1,000元、初中每生每年1,250元')
NUM(R, 'TRAP', 'O2 认定差错率 2/300', 2 / 300 * 100, '0.67', '发现差错2份，认定差错率0.67%')
CMP(R, 'TRAP', 'O2 差错率 0.67 ≤ 1 (≤ kind)', 0.67 <= 1, '资助对象认定差错率不高于1%')
CMP(R, 'DEFECT', 'INDICATOR_SHORTFALL O2 及时率 96.8 < 98 yet 完成年度目标', 96.8 < 98, '发放及时率96.8%，完成年度目标', '资助资金发放及时率不低于98%')
NUM(R, 'TRAP', 'O3 高中 1,200 − 1,186 (deviation with its reason)', 1200 - 1186, '14', '实际资助1,186人次，较目标少14人次，原因是')
CMP(R, 'DEFECT', 'INDICATOR_NO_FIGURE O3 中职 ≥620人次 answered in words', True, '中职国家助学金已按政策全部落实到位', '中职国家助学金资助不少于620人次')
CMP(R, 'DEFECT', 'DEVIATION_UNEXPLAINED O5 家访 87.4 < 100, no reason (not in Q either)', 87.4 < 100 and '家访' not in text(R).split('五、关于存在的问题')[1], '家访覆盖率目标为100%，实际完成87.4%，会议同意按评分标准扣分')
CMP(R, 'TRAP', 'O5 满意度 93.2 ≥ 90', 93.2 >= 90, '满意度93.2%')
CMP(R, 'DEFECT', 'OUTCOME_RESTATES_GOAL O4 plan wording of G4', True, '项目将继续健全学生资助信息化管理，确保资助数据准确率达到100%', '健全学生资助信息化管理，资助数据准确率达到100%')
NUM(R, 'TRAP', 'P1 分值 15+20+40+15+10', 15 + 20 + 40 + 15 + 10, '100', '决策指标（15分）')
NUM(R, 'DEFECT', 'SCORE_MISMATCH P1 15+19+37.5+14+10 vs 合计', 15 + 19 + 37.5 + 14 + 10, '96.5', '合计96.5分')
NUM(R, 'TRAP', 'P1 产出 docking 2 + 0.5 = 40 − 37.5', 2 + 0.5, '2.5', '产出指标扣2.5分，为家访覆盖率未达目标扣2分、高中国家助学金资助人次未达目标扣0.5分')
CMP(R, 'TRAP', 'P1 优 fits 95.5 (true) and 96.5 (written) on 90+', 95.5 >= 90 and 96.5 >= 90, '评价等级为“优”（90分及以上为优）')
CMP(R, 'DEFECT', 'CITATION_MALFORMED three-digit year 〔223〕', True, '沅教发〔223〕7号')
CMP(R, 'TRAP', 'well-formed citation beside it', True, '沅财教〔2023〕21号')

# ---------------- b24_wgxs (武冈市供销社, tracked changes and comments) ----------------
R = 'b24_wgxs'
CMP(R, 'TRAP', 'B2 revision 1,286.40 deleted, 1,268.40 inserted (final state, no conflict)', text(R).count('1,286.40') == 1, '[删除：1,286.40][插入：1,268.40][W1]')
NUM(R, 'TRAP', 'B2 基本+项目 = 实际支出', 842.36 + 459.22, '1,301.58', '其中基本支出842.36万元，项目支出459.22万元')
NUM(R, 'TRAP', 'B2 执行率 1,301.58/1,352.76', 1301.58 / 1352.76 * 100, '96.22', '预算执行率96.22%', '调整预算1,352.76万元')
CMP(R, 'DEFECT', 'UNFILLED_FORM B1 blanks', text(R).count('____人') == 4, '单位编制数____人，实有人数____人')
CMP(R, 'TRAP', 'O1 3.62 ≥ 3.5万吨', 3.62 >= 3.5, '农资3.62万吨', '农资供应3.5万吨以上')
NUM(R, 'TRAP', 'O3 0.96亿元 = 9,600万元', 0.96 * 10000, '9,600', '0.96亿元（9,600万元）')
NUM(R, 'TRAP', 'O3 0.96/1.2 (the rate itself is right)', 0.96 / 1.2 * 100, '80.0', '完成年度目标的80.0%')
CMP(R, 'DEFECT', 'DEVIATION_UNEXPLAINED O3 80.0% of target, no reason anywhere', 0.96 < 1.2 and '上行' not in text(R).split('五、存在问题')[1], '全年上行销售额0.96亿元')
CMP(R, 'DEFECT', 'REPEATED_TEXT O4 clause twice', text(R).count('推广“供销社+合作社+农户”托管模式，带动农户节本增效') == 2, '推广“供销社+合作社+农户”托管模式，带动农户节本增效')
CMP(R, 'TRAP', 'O4 8.3 ≥ 8万亩', 8.3 >= 8, '全年托管耕地8.3万亩')
CMP(R, 'TRAP', 'O5 deviation with its reason, 2024 date admitted', True, '因项目用地手续于2023年11月才获批复，冷库设备安装顺延至2024年5月')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O2 18 vs P1 16 服务社', 18 != 16, '新建村级综合服务社18个', '新建村级综合服务社16个')
CMP(R, 'TRAP', 'P1/G2 16 and 18 both ≥ 15 (the defect is the conflict only)', 16 >= 15 and 18 >= 15, '新建村级综合服务社15个')
CMP(R, 'DEFECT', 'DUPLICATE_PARAGRAPH O1 text repeated as P3', text(R).count('全年供应化肥、农药、农膜等农资3.62万吨，在春耕和“双抢”两个用肥高峰期建立农资储备2,400吨，全市农资价格保持平稳，未出现断档脱销。') == 2, '在春耕和“双抢”两个用肥高峰期建立农资储备2,400吨')
CMP(R, 'DEFECT', 'PROBLEM_WITHOUT_MEASURE Q3 (资产/租赁) not answered', not any(w in text(R).split('六、改进措施')[1].split('────')[0] for w in ('资产', '出租', '租金', '合同')), '部分门面、仓库出租合同到期后未及时续签')
CMP(R, 'DEFECT', 'UNSUPPORTED_CLAIM P2 no figure', True, '农民群众满意度明显提高，社会效益和经济效益实现双提升')
CMP(R, 'TRAP', 'same figure, different things: 18 基层社 / 18 服务队', True, '下辖基层供销社18个', '组建托管服务队18支')

# ---------------- b24_yzsw (鄞州区商务局, —— lead paragraphs) ----------------
R = 'b24_yzsw'
NUM(R, 'TRAP', 'B2 基本+项目 = 实际支出', 1268.45 + 7604.95, '8,873.40', '其中基本支出1,268.45万元，项目支出7,604.95万元')
NUM(R, 'TRAP', 'B2 执行率 8,873.40/9,215.66', 8873.40 / 9215.66 * 100, '96.29', '全年实际支出8,873.40万元，预算执行率96.29%')
NUM(R, 'TRAP', 'O1 出口+进口 = 进出口总额', 832.6 + 453.8, '1,286.4', '进出口总额1,286.4亿元，其中出口832.6亿元、进口453.8亿元')
NUM(R, 'DEFECT', 'ARITHMETIC_MISMATCH O1 growth 1,286.4/1,198.2 − 1', (1286.4 / 1198.2 - 1) * 100, '6.8', '较上年1,198.2亿元增长6.8%')
CMP(R, 'TRAP', 'O1 true growth 7.4 ≥ 5 (target met either way)', (1286.4 / 1198.2 - 1) * 100 >= 5, '同比增长5%以上')
NUM(R, 'TRAP', 'O2 163.2 − 150', 163.2 - 150, '13.2', '交易额163.2亿元，超过目标13.2亿元')
CMP(R, 'TRAP', 'O3 deviation 108 < 120 WITH its reason; 108 + 14 ≥ 120', 108 < 120 and 108 + 14 >= 120, '主要原因是第四季度有14家企业已达到入库标准')
CMP(R, 'DEFECT', 'CLAIM_CONTRADICTED P6 全部超额完成 vs O3 108 < 120', 108 < 120, '年度各项绩效目标全部超额完成', '全年新增限额以上商贸企业108家')
CMP(R, 'DEFECT', 'IMPLAUSIBLE_MAGNITUDE O4 26 covered of 24', 26 > 24, '全区24个镇（街道）中，“15分钟便民生活圈”已覆盖26个')
CMP(R, 'DEFECT', 'UNSUPPORTED_CLAIM O5 no figure', True, '消费者满意度大幅提升，营商环境持续向好')
CMP(R, 'TRAP', 'O6 0 ≤ 1 起 (≤ kind)', 0 <= 1, '全年商贸领域未发生安全生产事故', '商贸领域安全生产事故不超过1起')
NUM(R, 'TRAP', 'P weights 20+20+40+20', 20 + 20 + 40 + 20, '100', '——产出（40分）')
NUM(R, 'DEFECT', 'SCORE_MISMATCH P5 19.2+18.6+36.4+18.5 vs 合计', 19.2 + 18.6 + 36.4 + 18.5, '93.7', '以上四项合计93.7分')
CMP(R, 'TRAP', 'P5 优 fits 92.7 and 93.7', 92.7 >= 90, '评价等级为“优”（90分及以上为优）')
CMP(R, 'DEFECT', 'GOAL_WITHOUT_OUTCOME G5 公共服务中心 named once', text(R).count('公共服务中心') == 1, '完成区级电子商务公共服务中心迁建并投入运营')
CMP(R, 'DEFECT', 'NAME_VARIANT 银州区 once', text(R).count('银州区') == 1, '银州区商务局会同')
CMP(R, 'TRAP', 'same figure, different things: 12 菜市场 / 12 品牌', True, '新建改造社区菜市场12家', '培育跨境电商卖家品牌12个')

# ---------------- b24_fszx (分水镇中心卫生院, year-on-year table) ----------------
R = 'b24_fszx'
NUM(R, 'TRAP', 'B2 医疗+财政+其他 = 总收入', 1862.35 + 1318.60 + 105.47, '3,286.42', '其中医疗收入1,862.35万元、财政补助收入1,318.60万元、其他收入105.47万元')
NUM(R, 'TRAP', 'B2 执行率 1,318.60/1,362.50', 1318.60 / 1362.50 * 100, '96.78', '实际执行1,318.60万元，执行率96.78%')
NUM(R, 'DEFECT', 'ARITHMETIC_MISMATCH 门诊 52,418/48,632 − 1', (52418 / 48632 - 1) * 100, '8.78', '1\t门诊人次\t48,632\t≥50,000\t52,418\t+8.78%')
NUM(R, 'TRAP', '住院 1,936/1,862 − 1', (1936 / 1862 - 1) * 100, '3.97', '住院人次\t1,862\t≥1,900\t1,936\t+3.97%')
NUM(R, 'TRAP', '手术 214/238 − 1 (未完成 with its reason)', (214 / 238 - 1) * 100, '-10.08', '住院手术例数\t238\t≥260\t214\t-10.08%\t未完成', '住院手术例数未完成，主要原因是')
CMP(R, 'DEFECT', 'INDICATOR_NO_FIGURE 体检人数 answered 按计划完成', True, '65岁以上老年人健康体检人数\t2,716\t≥2,800\t按计划完成')
NUM(R, 'TRAP', '高血压 62.4 − 63.1 pp', 62.4 - 63.1, '-0.7', '63.1%\t≥65%\t62.4%\t-0.7个百分点')
CMP(R, 'DEFECT', 'INDICATOR_SHORTFALL 高血压 62.4 < 65 yet 已完成', 62.4 < 65, '高血压患者规范管理率\t63.1%\t≥65%\t62.4%\t-0.7个百分点\t已完成')
CMP(R, 'DEFECT', 'RATE_OVER_100 儿童健康管理率 100.7%', 100.7 > 100, '0—6岁儿童健康管理率\t98.6%\t≥90%\t100.7%')
NUM(R, 'TRAP', '儿童 100.7 − 98.6 pp (difference itself right)', 100.7 - 98.6, '2.1', '+2.1个百分点')
NUM(R, 'TRAP', '签约 41.2 − 42.0 pp', 41.2 - 42.0, '-0.8', '42.0%\t≥45%\t41.2%\t-0.8个百分点')
CMP(R, 'DEFECT', 'DEVIATION_UNEXPLAINED 签约 41.2 < 45, 未完成, reason absent (说明 covers 手术 only)', 41.2 < 45 and '签约' not in text(R).split('说明：')[1].split('四、')[0] and '签约' not in text(R).split('五、存在问题')[1], '家庭医生签约服务覆盖率\t42.0%\t≥45%\t41.2%\t-0.8个百分点\t未完成')
CMP(R, 'DEFECT', 'UNIT_MISMATCH 讲座 ≥12次 answered 100%', True, '健康教育讲座\t12次\t≥12次\t100%')
NUM(R, 'TRAP', '药占比 36.8 − 38.5 pp; 36.8 ≤ 40 (≤ kind)', 36.8 - 38.5, '-1.7', '药占比\t38.5%\t≤40%\t36.8%\t-1.7个百分点')
CMP(R, 'TRAP', '急救设备完好率 100 = 100 (met on equality)', 100 >= 100, '急救设备完好率\t100%\t100%\t100%\t持平')
NUM(R, 'TRAP', '满意度 96.2 − 95.8 pp; 96.2 ≥ 95', 96.2 - 95.8, '0.4', '95.8%\t≥95%\t96.2%\t+0.4个百分点')
NUM(R, 'TRAP', '表2 预算执行 96.78% × 10', 96.78 / 100 * 10, '9.68', '预算执行\t10\t9.68\t财政补助执行率96.78%')
NUM(R, 'TRAP', '表2 分值 10+50+30+10', 10 + 50 + 30 + 10, '100', '合计\t100\t94.68')
NUM(R, 'TRAP', '表2 产出 50 − 2×2', 50 - 2 * 2, '46', '产出指标\t50\t46\t住院手术例数、家庭医生签约服务覆盖率未达目标，各扣2分')
NUM(R, 'DEFECT', 'SCORE_MISMATCH 表2 9.68+46+28+10 vs 合计', 9.68 + 46 + 28 + 10, '94.68', '合计\t100\t94.68', '自评得分94.68分')
CMP(R, 'TRAP', '优 fits 93.68 and 94.68', 93.68 >= 90, '90分及以上为优')

# ---------------- b24_dzny (丹寨县 衔接资金, one line per project) ----------------
R = 'b24_dzny'
plan = [268.00, 186.00, 420.00, 560.00, 238.00, 356.00, 612.00, 426.00, 420.00]
act = [262.40, 181.30, 412.60, 546.80, 231.70, 349.20, 498.60, 426.00, 379.05]
NUM(R, 'TRAP', 'B1 中央+省+县', 2416.00 + 680.00 + 390.00, '3,486.00', '衔接资金3,486.00万元，其中中央资金2,416.00万元、省级资金680.00万元、县级资金390.00万元')
NUM(R, 'TRAP', 'K 计划投资合计', sum(plan), '3,486.00', '以上9个项目计划投资合计3,486.00万元')
NUM(R, 'TRAP', 'K 实际支出合计', sum(act), '3,287.65', '实际支出合计3,287.65万元')
NUM(R, 'TRAP', 'B1/O4 支出进度 3,287.65/3,486.00', 3287.65 / 3486.00 * 100, '94.31', '实际支出3,287.65万元，支出进度94.31%', '衔接资金支出进度94.31%，高于90%的目标')
NUM(R, 'TRAP', 'K9 2,527人次 × 1,500元', 2527 * 1500 / 10000, '379.05', '实际支出379.05万元；按每人每学期1,500元标准补助中高职在校学生2,527人次')
NUM(R, 'TRAP', 'K9 结余 420.00 − 379.05 (with its reason)', 420.00 - 379.05, '40.95', '因部分学生毕业离校，结余资金40.95万元')
CMP(R, 'TRAP', 'K8 426.00 = 426.00 (equality)', 426.00 == 426.00, '计划投资426.00万元，实际支出426.00万元')
CMP(R, 'DEFECT', 'IMPLAUSIBLE_MAGNITUDE K3 脱贫户 312 > 农户 286', 312 > 286, '惠及全村农户286户，其中脱贫户312户')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT K4 546.80 vs Q2 564.80', 546.80 != 564.80, '计划投资560.00万元，实际支出546.80万元', '王家村蔬菜保供基地项目实际支出564.80万元')
CMP(R, 'DEFECT', 'CLAIM_CONTRADICTED O1 均已按期完工 vs K7 85% / 2024年4月', 85 < 100, '9个项目均已按期完工并投入使用', '目前完成主体工程的85%，制冷设备安装预计2024年4月完工')
CMP(R, 'DEFECT', 'INDICATOR_SHORTFALL O2 572 < 600 yet 完成年度目标', 572 < 600, '带动脱贫户（监测户）572户，完成年度目标', '项目带动脱贫户（监测户）不少于600户')
NUM(R, 'TRAP', 'O3 10 − 8.6 (the difference itself is right)', 10 - 8.6, '1.4', '与目标相差1.4个百分点')
CMP(R, 'DEFECT', 'DEVIATION_UNEXPLAINED O3 8.6 < 10, no reason (P1 only docks)', 8.6 < 10 and '收入' not in text(R).split('六、存在问题')[1], '较上年增长8.6%', '全县脱贫人口人均纯收入增长10%以上')
CMP(R, 'DEFECT', 'DATE_OUT_OF_PERIOD G3 到2022年底 in the 2023 goals', 2022 < 2023, '3.到2022年底，全县脱贫人口人均纯收入增长10%以上。')
CMP(R, 'TRAP', 'O4 满意度 95.5 ≥ 90', 95.5 >= 90, '满意度95.5%')
NUM(R, 'TRAP', 'P1 15+19+37+12.5+10 (docking with reasons)', 15 + 19 + 37 + 12.5 + 10, '93.5', '合计93.5分')
CMP(R, 'DEFECT', 'CITATION_MALFORMED closing bracket lost', True, '丹财农〔2023 18号')
CMP(R, 'TRAP', 'well-formed citation beside it', True, '黔财农〔2023〕31号')

# ---------------- b24_bdzj (巴东县职业教育中心, Roman headings, 问题 | 措施 table) ----------------
R = 'b24_bdzj'
NUM(R, 'TRAP', 'B 基本+项目 = 实际支出', 2215.40 + 1097.24, '3,312.64', '其中基本支出2,215.40万元，项目支出1,097.24万元')
NUM(R, 'TRAP', 'B 执行率 3,312.64/3,408.55', 3312.64 / 3408.55 * 100, '97.19', '实际支出3,312.64万元，预算执行率97.19%', '调整预算3,408.55万元')
NUM(R, 'TRAP', 'B 三个年级 = 在校生', 812 + 752 + 754, '2,318', '全日制在校生2,318人，其中一年级812人、二年级752人、三年级754人')
NUM(R, 'DEFECT', 'ARITHMETIC_MISMATCH B 生均公用经费 486.72万元/2,318人', 486.72 * 10000 / 2318, '2,190', '全年公用经费支出486.72万元，生均公用经费2,190元')
CMP(R, 'DEFECT', 'OUTCOME_RESTATES_GOAL O1 plan wording', True, '全年计划招收中职新生800人以上', '全年完成中职招生不少于800人')
NUM(R, 'TRAP', 'O2 双证书 680/768; ≥85', 680 / 768 * 100, '88.5', '“双证书”的680人，获取率88.5%')
CMP(R, 'TRAP', 'O2 就业 93.8 < 95 WITH its reason', 93.8 < 95, '未达到95%的目标，主要原因是县内两家合作电子企业2023年下半年停产')
NUM(R, 'TRAP', 'O3 1+1+3+4+5 awards = 14 ≥ 10', 1 + 1 + 3 + 4 + 5, '14', '获奖14项，其中国家级二等奖1项、三等奖1项，省级一等奖3项、二等奖4项、三等奖5项')
CMP(R, 'DEFECT', 'DUPLICATE_PARAGRAPH O3 = O6', text(R).count('组织学生参加省级以上职业院校技能大赛，获奖14项') == 2, 'F.技能竞赛。组织学生参加省级以上职业院校技能大赛')
CMP(R, 'DEFECT', 'UNSUPPORTED_CLAIM O4 no figure', True, '学校社会美誉度不断提升，毕业生深受用人单位好评')
CMP(R, 'TRAP', 'O5 事故 0起 = 0', True, '校园安全责任事故为0起')
NUM(R, 'DEFECT', 'SCORE_MISMATCH P1 管理效率 20 − 2.5 vs 得17', 20 - 2.5, '17', '管理效率（20分）扣2.5分，得17分')
NUM(R, 'TRAP', 'P1 履职效能 30 − 3', 30 - 3, '27', '履职效能（30分）扣3分，得27分')
NUM(R, 'TRAP', 'P1 20+17+27+20+10 = 合计 (total consistent with the written parts)', 20 + 17 + 27 + 20 + 10, '94', '以上合计94分')
CMP(R, 'DEFECT', 'VAGUE_MEASURE I2 slogans only', True, '坚持以人为本，强化队伍建设，切实提升教师综合素质，努力打造一支高水平的教师队伍')
def _measure_cells(rep):
    rows = [l.split('\t') for l in text(rep).split('存在问题\t整改措施\n')[1].split('\n\nⅥ')[0].split('\n') if '\t' in l]
    return [r[1] for r in rows]
CMP(R, 'DEFECT', 'PROBLEM_WITHOUT_MEASURE Q3 资产台账 answered by no measure cell (I3 is about 招生)', len(_measure_cells(R)) == 3 and not any(w in c for c in _measure_cells(R) for w in ('资产', '台账', '核销', '报废')), '3.资产管理台账更新不及时，部分报废设备未及时办理核销手续。\t3.2024年春季学期起组织开展“职教宣传周”')
CMP(R, 'TRAP', 'same figure, different things: 编制186人 / 投入186万元', True, '核定编制186人', '计划投入186万元')
CMP(R, 'TRAP', 'justified 无 in Ⅵ', True, '无。本年度未发生预算调剂以外的重大资金变动事项')

# ---------------- b24_wlkx (五莲县科协, watermark lines, arrow results) ----------------
R = 'b24_wlkx'
NUM(R, 'TRAP', 'B2 基本+项目 = 实际支出', 262.18 + 136.58, '398.76', '其中基本支出262.18万元，项目支出136.58万元')
NUM(R, 'TRAP', 'B2/P1 执行率 398.76/412.30', 398.76 / 412.30 * 100, '96.72', '全年实际支出398.76万元，预算执行率96.72%', '我会预算执行率96.72%')
CMP(R, 'TRAP', 'O1 64 ≥ 60', 64 >= 60, '目标≥60场 → 完成64场（达标）')
CMP(R, 'TRAP', 'O2 46 ≥ 40 (the defect is the conflict with P2)', 46 >= 40, '目标≥40场 → 完成46场（达标）')
CMP(R, 'DEFECT', 'NUMBER_CONFLICT O2 46 vs P2 48 场', 46 != 48, '科普大篷车进校园：目标≥40场 → 完成46场', '全年组织科普大篷车进校园48场')
CMP(R, 'DEFECT', 'INDICATOR_SHORTFALL O3 142 < 150 marked 达标', 142 < 150, '目标≥150件 → 完成142件（达标）')
CMP(R, 'TRAP', 'O4 12.4 < 13 marked 未达标 WITH its reason', 12.4 < 13, '完成12.4%（未达标。2023年省级抽样调查中农村居民样本占比较上年提高')
CMP(R, 'DEFECT', 'CLAIM_CONTRADICTED P1 10项全部达标 vs O4 未达标', True, '年初确定的10项绩效指标全部达标', '完成12.4%（未达标')
CMP(R, 'DEFECT', 'RATE_OVER_100 O5 覆盖率 100.8%', 100.8 > 100, '科普e站覆盖率：目标100% → 完成100.8%')
CMP(R, 'DEFECT', 'UNIT_MISMATCH O6 ≥20处 answered 36平方米', True, '新建科普画廊：目标≥20处 → 完成36平方米')
CMP(R, 'DEFECT', 'UNFILLED_FORM O7 template instruction left', True, '完成（此处填写实际完成值）人次')
CMP(R, 'TRAP', 'O8 0 = 0 (≤/equality); O9 1 = 1', True, '目标0起 → 完成0起（达标）', '目标1个 → 完成1个（达标）')
CMP(R, 'TRAP', 'O10 94.3 ≥ 90', 94.3 >= 90, '目标≥90% → 完成94.3%（达标）')
CMP(R, 'DEFECT', 'REPEATED_TEXT P3 clause twice', text(R).count('依托“科普中国”平台开展线上科普') == 2, '依托“科普中国”平台开展线上科普')
CMP(R, 'TRAP', 'watermark lines (furniture) with a 2024 date', text(R).count('五莲县财政局绩效审核专用　2024-03-21') == 5, '五莲县财政局绩效审核专用　2024-03-21')


def main():
    bad = 0
    nd = nt = 0
    for typ, rep, kind, label, val, written, snips in LINES:
        t = text(rep)
        missing = [s for s in snips if norm(s) not in t]
        if typ == 'NUM':
            got, w = q(val, written)
            ok = (got != w) if kind == 'DEFECT' else (got == w)
            detail = f'computed {got} written {w}'
        else:
            ok = bool(val)
            detail = f'condition {bool(val)}'
        if missing:
            ok = False
            detail += f'; snippet missing: {missing}'
        nd += kind == 'DEFECT'
        nt += kind == 'TRAP'
        status = 'ok ' if ok else 'BAD'
        print(f'{status} {rep} {kind:6} {typ} {label}: {detail}')
        bad += not ok
    print(f'{len(LINES)} lines ({nd} DEFECT, {nt} TRAP), {bad} not as planted')
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
