#!/usr/bin/env python3
"""Re-run every computation planted in blind22 (defects and traps) and check that each snippet
occurs verbatim in its report (full-width digits, 「．」「％」 normalised on both sides).
NUM lines: the computed value, rounded half-up at the written precision, against the written figure
(a DEFECT must differ, a TRAP must agree). CMP lines: a condition that must hold as planted.
Gold lines: 7 findings with 7 different codes per report, 1,500-6,000 characters, code counts over the set.
Exit 0 when every line is as planted."""
import os, sys, re
from decimal import Decimal, ROUND_HALF_UP
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％', '0123456789.%')
def norm(s): return s.translate(FW)
_cache = {}
def text(rep):
    if rep not in _cache:
        with open(os.path.join(HERE, rep + '.txt'), encoding='utf-8') as f:
            _cache[rep] = norm(f.read())
    return _cache[rep]

fails = 0; n = 0
def _snips(rep, snippets):
    bad = [s for s in snippets if norm(s) not in text(rep)]
    return bad
def report(ok, rep, kind, desc, extra=''):
    global fails, n
    n += 1
    if not ok: fails += 1
    print(f"{'ok  ' if ok else 'FAIL'} {rep} {kind} {desc} {extra}")

def rnd(x, nd):
    q = Decimal(1).scaleb(-nd)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP)

def NUM(rep, kind, desc, value, written, snippets):
    """written: the figure as the report writes it (string, may carry thousands separators)."""
    w = written.replace(',', '')
    nd = len(w.split('.')[1]) if '.' in w else 0
    same = rnd(value, nd) == Decimal(w)
    ok = same if kind == 'TRAP' else not same
    bad = _snips(rep, snippets + [written])
    report(ok and not bad, rep, kind, 'NUM ' + desc, f"computed={rnd(value, nd)} written={written}" + (f" missing={bad}" if bad else ''))

def CMP(rep, kind, desc, cond, snippets):
    bad = _snips(rep, snippets)
    report(bool(cond) and not bad, rep, kind, 'CMP ' + desc, (f" missing={bad}" if bad else ''))

def count(rep, s): return text(rep).count(norm(s))

# ---------------- b22_wyjs ----------------
R = 'b22_wyjs'
NUM(R, 'DEFECT', '结余 = 1260.00 - 1168.45', 1260.00 - 1168.45, '81.55', ['结余资金81.55万元', '实际支出1,168.45万元'])
CMP(R, 'DEFECT', 'citation 〔2023）mixed bracket', '〔2023）' in text(R), ['武建发〔2023）41号'])
NUM(R, 'DEFECT', '过程类 = 5+4.64+4+2+3', 5 + 4.64 + 4 + 2 + 3, '19.64', ['过程类指标得19.64分', '得分4.64/5', '得分4/5'])
NUM(R, 'DEFECT', '综合得分 = 14+18.64+38+25', 14 + 18.64 + 38 + 25, '96.64', ['综合得分96.64分'])
NUM(R, 'TRAP', 'C21 合格率 30/31 (written 96.8)', 30 / 31 * 100, '96.8', ['31个单体工程中30个通过竣工验收，合格率96.8%'])
CMP(R, 'DEFECT', 'C21 96.8 < 100 yet 达到目标 8/8', 96.8 < 100, ['合格率96.8%，达到目标，得分8/8'])
NUM(R, 'TRAP', 'C31 完工及时率 27/31', 27 / 31 * 100, '87.10', ['27个按期完工，完工及时率87.10%'])
CMP(R, 'DEFECT', 'C31 87.10 < 95 and no reason (only 未达目标值)', 87.10 < 95 and '按期' not in text(R).split('六、存在的主要问题')[1], ['完工及时率87.10%，未达目标值，得分6/8'])
CMP(R, 'DEFECT', 'C13 count answered in words', True, ['目标值≥5,000只，完成情况为“已按计划完成更换”，得分6/6'])
CMP(R, 'DEFECT', 'I3 vague: no digit, no 科', not re.search(r'\d|科|月', text(R).split('3.建议')[1].split('\n')[0]), ['3.建议进一步压实主体责任，切实加强项目全过程管理，不断提升财政资金使用效益。'])
NUM(R, 'TRAP', '其中 840+260+160', 840.00 + 260.00 + 160.00, '1,260.00', ['其中中央补助资金840.00万元、省级补助资金260.00万元、县级配套资金160.00万元'])
NUM(R, 'TRAP', '执行率 1168.45/1260', 1168.45 / 1260 * 100, '92.73', ['预算执行率92.73%'])
NUM(R, 'TRAP', 'B12 5 x 92.73%', 5 * 0.9273, '4.64', ['按“执行率×分值”计分，得分4.64/5'])
NUM(R, 'TRAP', 'A sum', 3 + 2 + 3 + 2 + 2 + 2, '14', ['决策类指标得14分'])
NUM(R, 'TRAP', 'C sum', 10 + 8 + 6 + 8 + 6, '38', ['产出类指标得38分'])
NUM(R, 'TRAP', 'D sum', 8 + 7 + 10, '25', ['效益类指标得25分'])
NUM(R, 'TRAP', 'D12 (146-112)/146', (146 - 112) / 146 * 100, '23.29', ['上年报修146次，本年112次，下降23.29%'])
NUM(R, 'TRAP', 'D21 374/400', 374 / 400 * 100, '93.5', ['表示满意的374份，满意度93.5%'])
NUM(R, 'TRAP', 'per km 1168.45/38.6', 1168.45 / 38.6, '30.27', ['平均每公里投入30.27万元'])
CMP(R, 'TRAP', 'met: 38.6>=38, 6420>=6400, 0<=0', 38.6 >= 38 and 6420 >= 6400 and 0 <= 0, ['实际完成38.6公里', '实际完成6,420户', '目标值0起，实际0起'])
CMP(R, 'TRAP', 'grade 优 fits 96.64 and 95.64', 96.64 >= 90 and 95.64 >= 90, ['评价等级为“优”（90分及以上为优'])
CMP(R, 'TRAP', 'docked with reasons (A22, B13)', True, ['未设定指标值，扣1分，得分2/3', '未附到货验收单，扣1分，得分4/5'])

# ---------------- b22_hzgj ----------------
R = 'b22_hzgj'
NUM(R, 'DEFECT', '三季度累计 = 596.40+612.80+618.20', 596.40 + 612.80 + 618.20, '1,872.40', ['三季度　使用618.20万元　累计1,872.40万元　累计进度73.69%'])
CMP(R, 'DEFECT', 'lines 38 vs 36', True, ['运营线路38条', '全年36条公交线路正常运营'])
CMP(R, 'DEFECT', 'claim 全部使用完毕 vs 结余 2480-2436.80 = 43.20 > 0', abs(2480.00 - 2436.80 - 43.20) < 1e-9 and 43.20 > 0, ['年末结余43.20万元', '补贴资金已全部拨付到企业并全部使用完毕'])
CMP(R, 'DEFECT', 'P2 no figure', not re.search(r'\d', [l for l in text(R).split('\n') if l.startswith('2.公交服务品质')][0][2:]), ['2.公交服务品质显著提升，市民绿色出行意愿明显增强，城市公共交通的社会效益十分突出。'])
NUM(R, 'DEFECT', 'UNIT 212.60万人次 x 0.50元 = 106.30万元 written 106.30元 (as 元: 1,063,000)', 212.60 * 10000 * 0.50, '106.30', ['学生优惠乘车212.60万人次，按每人次0.50元标准兑付补贴106.30元', '学生优惠乘车补贴106.30万元'])
CMP(R, 'DEFECT', 'coverage 100.6 > 100', 100.6 > 100, ['建成区公交站点500米覆盖率100.6%'])
CMP(R, 'DEFECT', '412 inspected > 386 fleet', 412 > 386, ['完成412辆营运车辆年度安全技术检验', '营运车辆386辆'])
NUM(R, 'TRAP', 'quarters sum', 596.40 + 612.80 + 618.20 + 609.40, '2,436.80', ['四季度　使用609.40万元　累计2,436.80万元'])
NUM(R, 'TRAP', 'Q2 累计', 596.40 + 612.80, '1,209.20', ['累计1,209.20万元'])
for cum, w in [(596.40, '24.05'), (1209.20, '48.76'), (1827.40, '73.69'), (2436.80, '98.26')]:
    NUM(R, 'TRAP', f'progress {cum}/2480', cum / 2480 * 100, w, [f'累计进度{w}%'])
NUM(R, 'TRAP', '使用率 2436.80/2480', 2436.80 / 2480 * 100, '98.26', ['资金使用率98.26%'])
NUM(R, 'TRAP', '用途 sum', 486.20 + 106.30 + 1612.50 + 231.80, '2,436.80', ['老年人免费乘车补贴486.20万元，学生优惠乘车补贴106.30万元，线路运营亏损补贴1,612.50万元，车辆保险及安全检测补贴231.80万元'])
NUM(R, 'TRAP', '486.20万人次 x 1.00元', 486.20 * 1.00, '486.20', ['老年人免费乘车486.20万人次，按每人次1.00元核定补贴486.20万元'])
NUM(R, 'TRAP', '客运量 over target', 3712.6 - 3600, '112.6', ['完成客运量3,712.6万人次，较目标多112.6万人次'])
NUM(R, 'TRAP', 'daily ridership 3712.6/365', 3712.6 / 365, '10.2', ['日均客运量约10.2万人次'])
NUM(R, 'TRAP', '满意度 1096/1200', 1096 / 1200 * 100, '91.33', ['满意1,096份，满意度91.33%'])
CMP(R, 'TRAP', 'met: 93.6>=90, 95<=95, 91.33>=85, 352<386', 93.6 >= 90 and 95 <= 95 and 91.33 >= 85 and 352 < 386, ['公交准点率93.6%', '单车百公里电耗95千瓦时，与目标值持平', '其中新能源车辆352辆'])
CMP(R, 'TRAP', '结余 with its reason', True, ['系12月下旬发生的新能源车辆动力电池检测费用尚未完成结算'])

# ---------------- b22_smyey ----------------
R = 'b22_smyey'
CMP(R, 'DEFECT', '在园幼儿 426 vs 438', 426 != 438, ['在园幼儿426名', '全年为438名在园幼儿提供保育教育服务'])
CMP(R, 'DEFECT', 'claim 均持有效健康证 vs 1 of 6 expired', 1 > 0, ['食堂从业人员均持有效健康证上岗', '食堂从业人员6名中有1名的健康证于2023年10月到期，至年底尚未完成复检换证'])
P2 = [l for l in text(R).split('\n') if l.startswith('从社会反响看')][0]
CMP(R, 'DEFECT', 'P2 no figure', not re.search(r'\d', P2), ['从社会反响看，家长对本园的认可度大幅提升，办园水平迈上新台阶，社会各界普遍给予好评。'])
O1 = [l for l in text(R).split('\n') if l.startswith('目标完成方面')][0]
CMP(R, 'DEFECT', 'clause twice in O1', O1.count('坚持以游戏为基本活动、保教并重') == 2, ['坚持以游戏为基本活动、保教并重'])
O2 = [l for l in text(R).split('\n') if l.startswith('安全工作中，')][0]
P3 = [l for l in text(R).split('\n') if l.startswith('在安全管理上，')][0]
CMP(R, 'DEFECT', 'P3 repeats O2 after its lead', O2[len('安全工作中，'):] == P3[len('在安全管理上，'):], [P3])
after_goals = text(R).split('目标完成方面')[1]
CMP(R, 'DEFECT', 'G4 师资 has no outcome (培训/骨干 absent after goals)', '培训' not in after_goals and '骨干' not in after_goals, ['组织教师参加市级以上业务培训不少于60人次，新增县级骨干教师3名'])
I1 = text(R).split('下一步，')[1]
CMP(R, 'DEFECT', 'Q1 third problem (场地) unanswered in I1', '场地' not in I1 and '户外' not in I1, ['户外活动场地生均面积不足'])
NUM(R, 'TRAP', 'staff sum', 36 + 12 + 6 + 4, '58', ['在职教职工58人，其中专任教师36人、保育员12人、食堂从业人员6人、其他工作人员4人'])
NUM(R, 'TRAP', '收入 sum', 712.40 + 286.30 + 37.88, '1,036.58', ['收入预算总额1,036.58万元，其中财政拨款收入712.40万元、事业收入（保教费）286.30万元、其他收入37.88万元'])
NUM(R, 'TRAP', '支出 sum', 748.15 + 238.57, '986.72', ['全年实际支出986.72万元，其中基本支出748.15万元、项目支出238.57万元'])
NUM(R, 'TRAP', '执行率', 986.72 / 1036.58 * 100, '95.19', ['预算执行率95.19%'])
NUM(R, 'TRAP', '项目支出 breakdown', 68.40 + 112.35 + 57.82, '238.57', ['保教设施设备购置68.40万元、园舍维修改造112.35万元、家庭经济困难幼儿资助57.82万元'])
NUM(R, 'TRAP', '生均公用经费 1265400/426', 1265400 / 426, '2,970.42', ['公用经费支出126.54万元，按在园幼儿计算生均2,970.42元'])
NUM(R, 'TRAP', '体质合格率 402/414', 402 / 414 * 100, '97.10', ['参测的414名幼儿合格402名，合格率97.10%'])
NUM(R, 'TRAP', '整改率 37/37', 37 / 37 * 100, '100', ['已整改37处，整改率100%'])
CMP(R, 'TRAP', 'met: 46>=40, 12 drills = 12 months, 伙食费 in = out', 46 >= 40 and 12 == 12, ['园本教研活动46次', '应急疏散演练12次', '全年收取伙食费86.70万元，支出86.70万元'])
CMP(R, 'TRAP', 'justified zero 三公', True, ['本园未配置公务用车，全年未发生因公出国（境）和公务接待，“三公”经费支出0元'])
CMP(R, 'TRAP', 'part < whole: 245.60 < 862.15, 414 <= 426', 245.60 < 862.15 and 414 <= 426, ['固定资产原值862.15万元，其中教学及保育设备原值245.60万元'])

# ---------------- b22_xsqx ----------------
R = 'b22_xsqx'
NUM(R, 'DEFECT', '执行率 score 10 x 94.12%', 10 * 0.9412, '10', ['执行率94.12%，按“执行率×分值”计分，得10分'])
CMP(R, 'DEFECT', '有效率 81.3 < 85 yet 达到预期', 81.3 < 85, ['人工增雨作业有效率81.3%，达到预期', '人工增雨作业有效率不低于85%'])
Q = text(R).split('■存在的问题')[1].split('◆县气象局召开')[0]
CMP(R, 'DEFECT', '防雹 10.6 < 12, no reason (防雹 absent from problems/measures)', 10.6 < 12 and '防雹' not in Q, ['人工防雹保护面积10.6万亩，全年未发生作业安全事故', '人工防雹保护面积不少于12万亩'])
P2 = [l for l in text(R).split('\n') if l.startswith('通过一年的努力')][0]
CMP(R, 'DEFECT', 'P2 no figure', not re.search(r'\d', P2), [P2])
CMP(R, 'DEFECT', '今年以来 in a 2024-dated bulletin on 2023', '2024年3月18日' in text(R), ['1.今年以来，全县共开展人工增雨（雪）作业26次'])
CMP(R, 'DEFECT', 'O2 restates G2 (plan wording 计划/确保, same objects)', True, ['新建标准化作业点2个，力争全县6个固定作业点全部达到标准化要求', '根据年初部署，计划新建标准化作业点2个，确保全县6个固定作业点全部达到标准化要求'])
CMP(R, 'DEFECT', 'name variant 气像局 once', count(R, '兴山县气像局') == 1 and count(R, '兴山县气象局') >= 2, ['兴山县气像局'])
NUM(R, 'TRAP', '其中 52+16', 52.00 + 16.00, '68.00', ['经费68.00万元，其中县财政预算52.00万元、宜昌市气象局补助16.00万元'])
NUM(R, 'TRAP', '执行率 64/68', 64 / 68 * 100, '94.12', ['全年支出64.00万元，预算执行率94.12%'])
NUM(R, 'TRAP', 'uses sum', 22.80 + 26.40 + 14.80, '64.00', ['全年支出64.00万元'])
NUM(R, 'TRAP', '60 x 0.38', 60 * 0.38, '22.80', ['火箭弹60枚22.80万元（每枚0.38万元）'])
NUM(R, 'TRAP', '满意度 186/200', 186 / 200 * 100, '93.0', ['表示满意的186份，满意度93.0%'])
NUM(R, 'TRAP', 'remaining 200-186', 200 - 186, '14', ['其余14份'])
NUM(R, 'TRAP', '合计 10+46+27+10', 10 + 46 + 27 + 10, '93', ['合计93分'])
CMP(R, 'TRAP', 'met: 26>=24, 58<=60, 0 accidents', 26 >= 24 and 58 <= 60, ['作业26次，发射火箭弹58枚', '全年未发生作业安全事故'])

# ---------------- b22_fhljq ----------------
R = 'b22_fhljq'
NUM(R, 'DEFECT', '满意度 74/80', 74 / 80 * 100, '94.5', ['满意74份，满意度94.5%'])
CMP(R, 'DEFECT', 'claim 全部完成 vs 排水沟 3.1 < 3.6', 3.1 < 3.6, ['项目各项建设内容均已全部完成', '完成浆砌石排水沟3.1公里，较计划少0.5公里'])
NUM(R, 'TRAP', '压实度 116/120', 116 / 120 * 100, '96.67', ['合格116个，合格率96.67%，符合设计要求'])
CMP(R, 'DEFECT', '压实度 96.67 < 98 yet 符合', 96.67 < 98, ['路面压实度检测合格率不低于98%'])
CMP(R, 'DEFECT', '务工 48 < 60, no reason', 48 < 60, ['项目建设期间带动当地群众务工48人。发放务工工资', '带动当地群众务工不少于60人'])
CMP(R, 'DEFECT', 'template note in 项目编号', True, ['（二）项目编号：（填写项目库入库编号）'])
CMP(R, 'DEFECT', 'completion 2022 before 2023 start', 2022 < 2023, ['项目于2023年5月12日开工。2022年10月28日完工。'])
CMP(R, 'DEFECT', '2,160 beneficiaries > village 1,526', 2160 > 1526, ['惠及菖蒲塘村群众2,160人', '菖蒲塘村共412户1,526人'])
NUM(R, 'TRAP', '其中 170+16.40', 170.00 + 16.40, '186.40', ['项目总投资186.40万元，其中中央衔接资金170.00万元、镇级自筹资金16.40万元'])
NUM(R, 'TRAP', '支付率 178.60/186.40', 178.60 / 186.40 * 100, '95.82', ['已支付178.60万元，支付率95.82%'])
NUM(R, 'TRAP', '剩余 186.40-178.60', 186.40 - 178.60, '7.80', ['剩余7.80万元为排水沟未完工部分的工程款'])
NUM(R, 'TRAP', '每公里 178.60/4.8', 178.60 / 4.8, '37.21', ['每公里综合造价37.21万元，低于40万元的目标值'])
NUM(R, 'TRAP', '人均工资 21.60/48', 21.60 / 48, '0.45', ['发放务工工资21.60万元，人均0.45万元'])
CMP(R, 'TRAP', 'met on equality 4.8 / 12; 126 < 412', 4.8 == 4.8 and 12 == 12 and 126 < 412, ['完成产业路硬化4.8公里。设置错车道12处。', '其中脱贫户126户'])
CMP(R, 'TRAP', 'shortfall with reason and 2024 plan', True, ['原因是K3+600至K4+100段沿线农户对排水沟走向提出异议', '剩余部分于2024年4月前实施'])

# ---------------- b22_gdtsg ----------------
R = 'b22_gdtsg'
CMP(R, 'DEFECT', '纸质藏书 36.2 vs 34.6 (both year end)', 36.2 != 34.6, ['截至2023年末纸质藏书36.2万册', '截至年末馆藏纸质图书34.6万册'])
scores = [10, 10, 10, 10, 8, 10, 10, 10, 10, 9.52]
NUM(R, 'DEFECT', 'P1 总分 vs block scores', sum(scores), '98.52', ['本馆自评总分98.52分'])
NUM(R, 'TRAP', 'block 合计', sum(scores), '97.52', ['合计（100分）…………………………………………………97.52分'])
CMP(R, 'DEFECT', '满意度 93.8 < 95 with full 10', 93.8 < 95, ['读者满意度（≥95%，10分）……………………………………93.8%　10分'])
CMP(R, 'DEFECT', '活动 count answered 已完成', True, ['举办阅读推广活动（≥120场，10分）…………………………已完成　10分'])
CMP(R, 'DEFECT', 'coverage 100.8 > 100', 100.8 > 100, ['总分馆通借通还覆盖率（100%，10分）………………………100.8%'])
after = text(R).split('三、绩效指标完成情况')[1]
CMP(R, 'DEFECT', 'G4 地方文献数字化 has no outcome', '地方文献' not in after and '数字化' not in after, ['完成馆藏地方文献数字化加工不少于5,000页'])
I2 = [l for l in text(R).split('\n') if l.startswith('2.进一步加强分馆')][0]
CMP(R, 'DEFECT', 'I2 vague (no digit/time/owner)', not re.search(r'\d|月|部', I2[2:]), [I2])
NUM(R, 'TRAP', '收入 sum', 752.60 + 33.80, '786.40', ['收入786.40万元，其中财政拨款收入752.60万元、其他收入33.80万元'])
NUM(R, 'TRAP', '支出 sum', 562.18 + 186.74, '748.92', ['支出748.92万元，其中基本支出562.18万元、项目支出186.74万元'])
NUM(R, 'TRAP', '项目支出 breakdown', 55.80 + 38.60 + 62.34 + 30.00, '186.74', ['购书经费55.80万元、数字资源采购及平台运维38.60万元、分馆运行补助62.34万元、阅读推广经费30.00万元'])
NUM(R, 'TRAP', '执行率', 748.92 / 786.40 * 100, '95.23', ['预算执行率95.23%'])
NUM(R, 'TRAP', '执行率 score 10 x 95.23%', 10 * 0.9523, '9.52', ['95.23%　9.52分'])
NUM(R, 'TRAP', 'avg price 55.80/1.86', 55.80 / 1.86, '30.00', ['30.00元/册　10分'])
CMP(R, 'TRAP', 'met: 30<=32, 2.5<=3, 12==12, 33.6>=32, 1.86>=1.8', 30 <= 32 and 2.5 <= 3 and 33.6 >= 32 and 1.86 >= 1.8, ['2.5个工作日　10分', '12个　10分', '33.6万人次　10分', '1.86万册　10分'])
CMP(R, 'TRAP', '数字资源 52.4 < 60 docked with reason', 52.4 < 60, ['52.4万次　8分（电子阅览平台9月升级改造，停机45天）'])

# ---------------- b22_lscg ----------------
R = 'b22_lscg'
NUM(R, 'DEFECT', '日均 61200/365', 61200 / 365, '176.7', ['全年清运处置生活垃圾6.12万吨，日均清运176.7吨'])
CMP(R, 'DEFECT', '公厕 18 vs 16', 18 != 16, ['新建改造城市公厕18座，其中新建6座、改造12座', '全年新建改造城市公厕16座'])
NUM(R, 'TRAP', '公厕 6+12', 6 + 12, '18', ['新建改造城市公厕18座，其中新建6座、改造12座'])
CMP(R, 'DEFECT', 'claim 全部办结 vs 28640-27915 = 725 open', 28640 - 27915 == 725 and 725 > 0, ['全区数字城管案件全部办结', '立案28,640件，结案27,915件'])
P3 = [l for l in text(R).split('\n') if l.startswith('3.城市管理精细化')][0]
CMP(R, 'DEFECT', 'P3 no figure', not re.search(r'\d', P3[2:]), [P3])
tz = text(R).split('六、整改措施')[1]
CMP(R, 'DEFECT', 'Q3 has no 台账 row (问题3 absent)', '问题3' not in tz and all(f'问题{i}' in tz for i in (1, 2, 4)), ['3.环卫作业车辆老化'])
CMP(R, 'TRAP', 'Q3 old vehicles part of whole 31 <= 86', 31 <= 86, ['全局86辆环卫作业车辆中使用超过8年的有31辆'])
CMP(R, 'DEFECT', 'name variant 漂水区 once', count(R, '漂水区') == 1 and count(R, '溧水区') >= 5, ['漂水区城区数字城管案件结案率'])
CMP(R, 'DEFECT', 'two-digit year in 〔〕', bool(re.search(r'〔\d{2}〕', text(R))), ['溧城管委〔23〕2号'])
NUM(R, 'TRAP', '收入 sum', 9406.15 + 456.20, '9,862.35', ['收入预算9,862.35万元，其中一般公共预算拨款9,406.15万元、政府性基金预算拨款456.20万元'])
NUM(R, 'TRAP', '执行率', 9514.68 / 9862.35 * 100, '96.47', ['全年支出9,514.68万元', '预算执行率96.47%'])
NUM(R, 'TRAP', '结案率 27915/28640', 27915 / 28640 * 100, '97.47', ['结案率97.47%'])
NUM(R, 'TRAP', '按期办结率 486/486', 486 / 486 * 100, '100', ['按期办结486件，按期办结率100%'])
CMP(R, 'TRAP', 'met: 18 == 18, 26 >= 24, 97.47 >= 95', 26 >= 24 and 97.47 >= 95, ['新建改造城市公厕18座。'.replace('。', '，'), '完成背街小巷整治26条', '溧财绩〔2024〕4号'])

# ---------------- b22_aydh ----------------
R = 'b22_aydh'
CMP(R, 'DEFECT', 'score above weight 16 > 15', 16 > 15, ['资金管理（15分）得16分'])
NUM(R, 'TRAP', 'P1 sum as written', 15 + 16 + 38 + 16 + 10, '95', ['合计95分'])
NUM(R, 'TRAP', '经营性收入 64800+18800 (元 -> 万元)', (64800 + 18800) / 10000, '8.36', ['全年村集体经营性收入8.36万元'])
CMP(R, 'DEFECT', '8.36 < 10 with a non-reason', 8.36 < 10, ['受多种因素影响，未达到年度目标', '村集体经营性收入达到10万元以上'])
CMP(R, 'DEFECT', 'template note in 确权 line', True, ['项目资产移交及确权情况：（请说明资产登记入账及确权颁证情况）'])
CMP(R, 'DEFECT', 'head-count target answered in 万元', True, ['年度指标值15人，实际完成值3.60万元'])
CMP(R, 'DEFECT', 'O4 restates G4', True, ['4.群众满意度达到90%以上。', '按照年度目标，确保群众满意度达到90%以上。'])
O1 = [l for l in text(R).split('\n') if l.startswith('1.厂房建设。')][0]
CMP(R, 'DEFECT', 'P2 repeats O1 after its lead', count(R, O1[len('1.厂房建设。'):]) == 2, [O1])
Q1 = [l for l in text(R).split('\n') if l.startswith('1.收入来源单一')][0]
CMP(R, 'DEFECT', 'clause twice in Q1', Q1.count('村集体收入主要依靠厂房租金') == 2, [Q1])
NUM(R, 'TRAP', '资金 其中 (元)', 800000 + 200000 + 200000, '1,200,000', ['120万元（1,200,000元），其中中央财政扶持资金800,000元、县级财政配套资金200,000元、村集体自筹200,000元'])
NUM(R, 'TRAP', '执行率 1168600/1200000', 1168600 / 1200000 * 100, '97.38', ['实际支出1,168,600元，执行率97.38%'])
NUM(R, 'TRAP', '质保金 1200000-1168600', 1200000 - 1168600, '31,400', ['剩余31,400元为工程质保金'])
NUM(R, 'TRAP', 'three payments', 360000 + 480000 + 328600, '1,168,600', ['分别为360,000元、480,000元和328,600元'])
NUM(R, 'TRAP', '年租金 1200 x 4.5 x 12', 1200 * 4.5 * 12, '64,800', ['租金每平方米每月4.5元，按年预付，年租金64,800元'])
NUM(R, 'TRAP', '分红 386 x 50', 386 * 50, '19,300', ['按每户50元标准向386户分红，共计19,300元'])
CMP(R, 'TRAP', 'met: 64800>=60000, 1200==1200, 58<386', 64800 >= 60000 and 58 < 386, ['建成钢结构厂房1,200平方米', '年租金收入不低于6万元'])
# ---------------- extra traps added at read-through ----------------
NUM('b22_lscg', 'TRAP', '支出 基本+项目', 4236.52 + 5278.16, '9,514.68', ['全年支出9,514.68万元，其中基本支出4,236.52万元、项目支出5,278.16万元'])
NUM('b22_aydh', 'TRAP', '中标价 + 设计监理', 1152000 + 16600, '1,168,600', ['中标价1,152,000元，另支付设计、监理及检测费用16,600元'])

# ---------------- gold ----------------
import yaml
FIRST7 = ['ARITHMETIC_MISMATCH', 'NUMBER_CONFLICT', 'SCORE_MISMATCH', 'CLAIM_CONTRADICTED', 'INDICATOR_SHORTFALL',
          'DEVIATION_UNEXPLAINED', 'UNSUPPORTED_CLAIM']
TWICE = ['INDICATOR_NO_FIGURE', 'UNIT_MISMATCH', 'IMPLAUSIBLE_MAGNITUDE', 'RATE_OVER_100', 'DATE_OUT_OF_PERIOD', 'UNFILLED_FORM',
         'GOAL_WITHOUT_OUTCOME', 'PROBLEM_WITHOUT_MEASURE', 'VAGUE_MEASURE', 'REPEATED_TEXT', 'OUTCOME_RESTATES_GOAL',
         'DUPLICATE_PARAGRAPH', 'NAME_VARIANT', 'CITATION_MALFORMED']
REPORTS = sorted(f[:-4] for f in os.listdir(HERE) if f.startswith('b22_') and f.endswith('.txt'))
total = Counter()
for rep in REPORTS:
    with open(os.path.join(HERE, rep + '.yaml'), encoding='utf-8') as f:
        g = yaml.safe_load(f)
    codes = [x['code'] for x in g['findings']]
    total.update(codes)
    report(len(codes) == 7 and len(set(codes)) == 7, rep, 'GOLD', '7 findings, 7 different codes', str(codes))
    report(all(x.get('where') and x.get('why') for x in g['findings']), rep, 'GOLD', 'every finding has where and why')
    L = len(open(os.path.join(HERE, rep + '.txt'), encoding='utf-8').read())
    report(1500 <= L <= 6000, rep, 'GOLD', f'length {L}')
    report(set(g['clean']).isdisjoint({w for x in g['findings'] for w in x['where']}), rep, 'GOLD', 'clean controls carry no finding place')
report(len(REPORTS) == 8, 'set', 'GOLD', f'{len(REPORTS)} reports')
report(all(total[c] == 4 for c in FIRST7) and all(total[c] == 2 for c in TWICE) and sum(total.values()) == 56,
       'set', 'GOLD', 'code counts 4 x 7 + 2 x 14 = 56', dict(total))

print(f"\n{n} lines, {fails} failed")
sys.exit(1 if fails else 0)
