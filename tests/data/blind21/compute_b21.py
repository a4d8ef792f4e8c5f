#!/usr/bin/env python3
"""Re-run every computation planted in the blind21 reports (defects and traps) and check the gold.

NUM lines: the value computed from the operands, rounded half-up at the precision the report writes, is compared with the
written figure: a DEFECT must differ, a TRAP must agree. CMP lines: a python test that must hold as planted (met / not met,
part vs whole, repetition counts, absence of a topic). Every line's snippets must occur verbatim in its report (full-width
digits, 「．」 and 「％」 normalised on both sides). GOLD lines: 7 findings with 7 different codes per report, 1,500–6,000
characters per report, the code counts over the set. Exit 0 when every line is as planted.
"""
import os, re, sys
from collections import Counter
from decimal import Decimal, ROUND_HALF_UP
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FW = str.maketrans('０１２３４５６７８９．％', '0123456789.%')


def norm(s):
    return s.translate(FW)


def text(name):
    with open(os.path.join(HERE, name + '.txt'), encoding='utf-8') as f:
        return f.read()


def rnd(x, written):
    w = written.replace(',', '')
    places = len(w.split('.')[1]) if '.' in w else 0
    q = Decimal(1).scaleb(-places)
    return Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP), Decimal(w)


def para_with(t, snip):
    """the line (paragraph) holding snip"""
    for line in t.split('\n'):
        if snip in line:
            return line
    return ''


def section(t, start, end):
    a = t.index(start)
    b = t.index(end, a)
    return t[a:b]


# (kind, type, label, value-or-test, written, snippets)
C = {}

C['b21_tjzr'] = lambda t: [
    ('DEFECT', 'NUM', 'B 执行率 1,712.38 / 1,846.50', 1712.38 / 1846.50 * 100, '93.74', ['全年执行1,712.38万元，预算执行率93.74%']),
    ('TRAP', 'NUM', 'B 省级 + 县级 = 全年预算', 1286.00 + 560.50, '1,846.50', ['项目全年预算1,846.50万元，其中省级补助资金1,286.00万元、县级配套资金560.50万元']),
    ('TRAP', 'NUM', 'B 结余 = 预算 − 执行', 1846.50 - 1712.38, '134.12', ['结余134.12万元']),
    ('TRAP', 'NUM', 'O1 旱地 + 水田', 842.6 + 443.8, '1,286.4', ['新增耕地1,286.4亩，其中旱地842.6亩、水田443.8亩']),
    ('TRAP', 'NUM', 'O1 完成率 1,286.4 / 1,200 (uncapped, >100)', 1286.4 / 1200 * 100, '107.2', ['完成年度目标的107.2%']),
    ('TRAP', 'NUM', 'O1 亩均投资 1,712.38 / 1,286.4', 1712.38 / 1286.4, '1.33', ['亩均投资1.33万元']),
    ('TRAP', 'CMP', 'O1 亩均 1.33 ≤ 1.5 (≤ kind met)', 1.33 <= 1.5, None, ['低于每亩1.5万元的控制标准']),
    ('DEFECT', 'CMP', 'NC 新增耕地 O1 1,286.4 vs Q1 1,268.4', 1286.4 != 1268.4, None, ['新增耕地1,286.4亩，其中', '新增耕地1,268.4亩中约180亩']),
    ('DEFECT', 'CMP', 'CC P1 均已通过验收 vs O2 12 of 14', 12 + 2 == 14 and 12 < 14, None, ['14个片区均已通过县级竣工验收', '其中12个片区通过县级竣工验收，松木塘镇2个片区']),
    ('DEFECT', 'CMP', 'IS O3 0.42 < 0.5 yet 达到年度目标', 0.42 < 0.5, None, ['平均提升0.42个等别，达到年度目标', '不低于0.5个等别']),
    ('DEFECT', 'CMP', 'DO O5 2022 date in a 2023 project', '2022年12月20日' in t and '2023年11月底前全部完工' in t, None, ['已于2022年12月20日完成省级报备入库']),
    ('DEFECT', 'CMP', 'OR O4 plan wording, no count of checks', '按照年初计划，全年将开展卫片执法检查不少于4次' in t and not re.search(r'开展卫片执法检查\d+次', t), None, ['力争整改到位率达到95%以上']),
    ('DEFECT', 'CMP', 'CM doubled closing bracket', '〔2023〕〕18号' in t, None, ['益自然资发〔2023〕〕18号']),
    ('TRAP', 'CMP', 'well-formed citation', True, None, ['桃财资环〔2023〕11号']),
    ('TRAP', 'NUM', 'P1 score sum', 9.27 + 44 + 29 + 9.23, '91.5', ['项目综合得分91.5分']),
    ('TRAP', 'NUM', 'P1 预算执行得分 = 10 × true rate', 1712.38 / 1846.50 * 10, '9.27', ['预算执行9.27分']),
    ('TRAP', 'CMP', 'P1 优 fits 91.5 (≥90)', 91.5 >= 90, None, ['评价等级为“优”（90分及以上为优）']),
    ('TRAP', 'CMP', 'O2 合格率 100% = 100% (equality)', True, None, ['工程质量合格率100%']),
    ('TRAP', 'CMP', 'O2 late 验收 with its reason', True, None, ['因10月连续降雨导致田间道路基层返工，验收推迟至2024年3月']),
    ('TRAP', 'CMP', '2024 dates in measures', True, None, ['2024年6月底前完成首轮耕层土壤检测', '填报日期：2024年3月15日']),
]

C['b21_htz'] = lambda t: [
    ('TRAP', 'NUM', 'B1 收入 parts', 2846.32 + 1262.18, '4,108.50', ['全年预算收入4,108.50万元，其中一般公共预算拨款2,846.32万元、上级转移支付1,262.18万元']),
    ('TRAP', 'NUM', 'B1 支出 parts', 2216.45 + 1770.29, '3,986.74', ['全年支出3,986.74万元，其中基本支出2,216.45万元、项目支出1,770.29万元']),
    ('TRAP', 'NUM', 'B1 执行率', 3986.74 / 4108.50 * 100, '97.04', ['预算执行率97.04%']),
    ('TRAP', 'NUM', 'B1 三公 parts (justified 0)', 0 + 9.84 + 2.52, '12.36', ['“三公”经费支出12.36万元，其中因公出国（境）费0元（本镇全年无因公出国（境）任务）、公务用车运行维护费9.84万元、公务接待费2.52万元']),
    ('TRAP', 'NUM', 'O3 完成率 186 / 210 (with reason)', 186 / 210 * 100, '88.57', ['完成农村户厕改造186户，完成率88.57%，剩余24户因农户房屋所在片区拆迁规划调整']),
    ('TRAP', 'NUM', 'O3 remaining 210 − 186', 210 - 186, '24', ['剩余24户']),
    ('TRAP', 'CMP', 'O4 274.6 ≥ 260 (≥ met)', 274.6 >= 260, None, ['全年接待游客274.6万人次', '全年接待游客不少于260万人次']),
    ('TRAP', 'NUM', 'P1 score sum', 9.70 + 38 + 27.5 + 18, '93.2', ['综合得分93.2分']),
    ('TRAP', 'NUM', 'P1 预算执行得分 10 × 97.04%', 3986.74 / 4108.50 * 10, '9.70', ['预算执行9.70分（满分10分）']),
    ('DEFECT', 'CMP', 'CC P1 均已全面完成 vs 186 < 210', 186 < 210, None, ['镇级确定的年度绩效目标均已全面完成', '完成农村户厕改造186户']),
    ('DEFECT', 'CMP', 'UC P2 has no digit', not re.search(r'\d', para_with(t, '发展底气更足')[2:]), None, ['文旅融合发展势头强劲，群众口碑持续向好']),
    ('DEFECT', 'CMP', 'GW G4 topic absent from the outcomes and the rest after 二（三）', not re.search('安全|森林|火灾', section(t, '（三）目标完成情况', '各位代表！')), None, ['落实安全生产和森林防火责任']),
    ('DEFECT', 'CMP', 'PW item 3 has no 措施 part', '措施' not in para_with(t, '3.问题：'), None, ['3.问题：镇级可用财力有限']),
    ('DEFECT', 'CMP', 'PW topic 财力/配套 absent from 四、', not re.search('财力|配套资金', section(t, '四、2024年工作安排', '各位代表！')), None, []),
    ('DEFECT', 'CMP', 'VM I2 slogans only (no digit, no owner)', not re.search(r'\d', para_with(t, '进一步提高政治站位').split('措施：')[1]), None, ['措施：进一步提高政治站位，压紧压实各方责任，持续强化管护意识，推动道路管护工作取得更大实效。']),
    ('DEFECT', 'CMP', 'RT clause twice in O2', para_with(t, '2.民生保障').count('做到按月足额发放、不漏一户') == 2, None, ['做到按月足额发放、不漏一户']),
    ('DEFECT', 'CMP', 'NV 灰烫 once, 灰汤 elsewhere', t.count('灰烫') == 1 and t.count('灰汤') >= 3, None, ['灰烫温泉小镇']),
    ('TRAP', 'CMP', 'O1 8.6公里 / 3座 met on equality', True, None, ['提质改造村组道路8.6公里，3座病险山塘']),
    ('TRAP', 'CMP', 'P1 优 fits 93.2', 93.2 >= 90, None, ['评价等级为“优”（90分以上为优）']),
    ('TRAP', 'CMP', '2024 dates in measures / meeting date', True, None, ['2024年6月底前完成剩余24户改造', '2024年1月18日']),
]

C['b21_lnfl'] = lambda t: [
    ('TRAP', 'NUM', 'B 年初 其中', 186.20 + 82.20, '268.40', ['268.40']),
    ('TRAP', 'NUM', 'B 全年 其中', 192.80 + 105.80, '298.60', ['298.60']),
    ('TRAP', 'NUM', 'B 执行 其中', 188.64 + 97.78, '286.42', ['286.42']),
    ('TRAP', 'NUM', 'B 执行率 total', 286.42 / 298.60 * 100, '95.92', ['95.92%']),
    ('TRAP', 'NUM', 'B 执行率 基本', 188.64 / 192.80 * 100, '97.84', ['97.84%']),
    ('TRAP', 'NUM', 'B 执行率 项目', 97.78 / 105.80 * 100, '92.42', ['92.42%']),
    ('TRAP', 'NUM', 'B 得分 10 × 95.92%', 286.42 / 298.60 * 10, '9.59', ['95.92%\t9.59']),
    ('TRAP', 'NUM', 'O1 126 × 5,000元 (万元)', 126 * 5000 / 10000, '63', ['每人发放救助金5,000元，共计63万元']),
    ('DEFECT', 'NUM', 'AM O2 培训 其中 parts', 628 + 574 + 682, '1,846', ['培训城乡妇女1,846人次，其中家政服务628人次、电商直播574人次、手工编织682人次']),
    ('TRAP', 'NUM', 'O3 办结率 155 / 168', 155 / 168 * 100, '92.26', ['受理妇女儿童维权案件168件，办结155件，办结率92.26%']),
    ('DEFECT', 'CMP', 'IS 办结率 92.26 < 95 with 「满足指标要求」', 92.26 < 95, None, ['维权案件办结率\t≥95%\t92.26%\t10\t9.71\t满足指标要求']),
    ('TRAP', 'NUM', 'IS row score follows the rule 92.26 / 95 × 10', 92.26 / 95 * 10, '9.71', ['10\t9.71']),
    ('DEFECT', 'CMP', 'DU 352 < 400, reason 不可控因素', 352 < 400, None, ['参训妇女就业创业人数\t≥400人\t352人\t10\t8.8\t不可控因素']),
    ('TRAP', 'NUM', 'DU row score 352 / 400 × 10 right', 352 / 400 * 10, '8.8', ['352人\t10\t8.8']),
    ('DEFECT', 'NUM', 'SM 2,236 / 2,500 × 10 by the 注 rule', 2236 / 2500 * 10, '9.6', ['2,236户\t10\t9.6', '按实际完成值÷年度指标值×分值计分']),
    ('TRAP', 'NUM', '总分 = 得分 column as written', 9.59 + 10 + 10 + 5 + 5 + 9.71 + 5 + 5 + 8.8 + 9.6 + 10 + 10, '97.70', ['100\t97.70']),
    ('TRAP', 'NUM', '分值 sum', 10 + 10 + 10 + 5 + 5 + 10 + 5 + 5 + 10 + 10 + 10 + 10, '100', ['总分\t\t\t\t\t\t100']),
    ('TRAP', 'CMP', '优 fits 97.70 and true 97.04', 97.70 >= 90 and 97.04 >= 90, None, ['评价等级\t\t\t\t\t\t\t优']),
    ('DEFECT', 'CMP', 'NF 走访人次 answered in words', True, None, ['留守儿童入户走访人次\t≥1,500人次\t全面完成\t5\t5']),
    ('DEFECT', 'CMP', 'UF XX placeholder as a scored target', True, None, ['“巾帼宣讲”进村（社区）场次\t≥XX场\t86场\t5\t5']),
    ('DEFECT', 'CMP', 'GW goal ④ 妇女之家 topic appears nowhere else', t.count('妇女之家') == 1, None, ['④推进基层妇联阵地建设，年内新建规范化“妇女之家”20个']),
    ('TRAP', 'CMP', 'met rows ≥ / ≤ / =', 1846 >= 1800 and 126 >= 120 and 742 <= 800 and 94.6 >= 90, None, ['1,846人次\t10\t10', '126人\t10\t10', '≤800元\t742元', '≥90%\t94.6%', '100%\t100%\t5\t5']),
    ('TRAP', 'CMP', 'SM row carries a real reason', True, None, ['家长学校校舍年内停课改造']),
    ('TRAP', 'CMP', '2024 dates in the 改进措施 cell / 填报日期', True, None, ['2024年3月起', '2024年2月26日']),
]

C['b21_dwzy'] = lambda t: [
    ('TRAP', 'NUM', 'B 收入 parts', 3862.40 + 28624.10, '32,486.50', ['全年预算收入32,486.50万元，其中财政拨款收入3,862.40万元、事业收入28,624.10万元']),
    ('TRAP', 'NUM', 'B 执行率', 31295.68 / 32486.50 * 100, '96.33', ['全年支出31,295.68万元，预算执行率96.33%']),
    ('TRAP', 'CMP', 'O1 met ≥ and ≤', 286412 >= 280000 and 14863 >= 14000 and 8.2 <= 9, None, ['全年完成门急诊286,412人次', '出院患者14,863人次，平均住院日8.2天', '平均住院日控制在9天以内']),
    ('DEFECT', 'CMP', 'NC 适宜技术 36 vs 32', 36 != 32, None, ['推广中医适宜技术36项', '全年推广中医适宜技术32项']),
    ('TRAP', 'CMP', 'O2 36 ≥ 30', 36 >= 30, None, ['推广中医适宜技术不少于30项']),
    ('DEFECT', 'NUM', 'SM ★ parts vs 综合得分', 14.2 + 13.6 + 37.5 + 28.4, '94.7', ['★综合得分94.7分', '得分14.2分', '得分13.6分', '得分37.5分', '得分28.4分']),
    ('TRAP', 'NUM', '分值 sum', 15 + 15 + 40 + 30, '100', ['★投入（15分）', '★过程（15分）', '★产出（40分）', '★效益（30分）']),
    ('TRAP', 'CMP', '优 fits 93.7 and 94.7', 93.7 >= 90, None, ['自评等级为“优”（90分以上为优）']),
    ('DEFECT', 'CMP', 'UC O7 has no digit', not re.search(r'\d', para_with(t, '群众就医获得感持续向好')), None, ['中医药特色优势进一步彰显']),
    ('DEFECT', 'CMP', 'IM 4.82万 served > 3.96万 aged 65+', 4.82 > 3.96, None, ['提供中医药健康管理服务4.82万人', '其中65岁以上老年人约3.96万人']),
    ('DEFECT', 'CMP', 'RO 覆盖率 102.6 > 100', 102.6 > 100, None, ['临床科室中医诊疗技术应用覆盖率达到102.6%']),
    ('DEFECT', 'CMP', 'RT 坚持中西医并重 twice in O5', para_with(t, '中西医联合会诊').count('坚持中西医并重') == 2, None, ['坚持中西医并重']),
    ('DEFECT', 'CMP', 'DP O6 repeated as I3', t.count('▲依托县域中医医共体，向乡镇卫生院派驻中医骨干28名，新建基层“中医馆”6个，基层中医药服务能力得到加强。') == 1 and t.count('●依托县域中医医共体，向乡镇卫生院派驻中医骨干28名，新建基层“中医馆”6个，基层中医药服务能力得到加强。') == 1, None, []),
    ('TRAP', 'CMP', 'O8 93.8 ≥ 90', 93.8 >= 90, None, ['综合满意度93.8%', '患者综合满意度不低于90%']),
    ('TRAP', 'CMP', 'G3 2.6万 target met by count (finding is magnitude)', 4.82 >= 2.6, None, ['服务不少于2.6万人']),
    ('TRAP', 'CMP', '2024 dates in measures / posting date', True, None, ['2024年9月底前完成中医电子病历系统升级', '2024-03-28']),
]

C['b21_sqwd'] = lambda t: [
    ('TRAP', 'NUM', 'B2 200 + 80 + 40 (大写 叁佰贰拾)', 200.00 + 80.00 + 40.00, '320.00', ['项目总投资叁佰贰拾万元（320.00万元），其中中央财政衔接资金贰佰万元（200.00万元）、省级财政衔接资金捌拾万元（80.00万元）、合作社自筹肆拾万元（40.00万元）']),
    ('TRAP', 'NUM', 'B2 到位 贰佰捌拾 = 200 + 80', 200.00 + 80.00, '280.00', ['财政衔接资金到位贰佰捌拾万元（280.00万元）']),
    ('TRAP', 'NUM', 'B2 支付进度 265.60 / 280', 265.60 / 280.00 * 100, '94.86', ['实际支付265.60万元，支付进度94.86%']),
    ('TRAP', 'NUM', 'B2 unpaid 280 − 265.60 (with reason)', 280.00 - 265.60, '14.40', ['剩余14.40万元为部分工程尾款及质保金']),
    ('TRAP', 'NUM', 'O2 120 × 1.08', 120 * 1.08, '129.60', ['引进能繁母牛120头，按每头1.08万元标准采购，采购金额129.60万元']),
    ('TRAP', 'NUM', 'O4 + O2 = 总投资', 190.40 + 129.60, '320.00', ['圈舍及配套工程结算190.40万元']),
    ('TRAP', 'NUM', 'O4 单方造价 1,904,000 / 2,460', 1904000 / 2460, '774', ['折合每平方米774元']),
    ('TRAP', 'CMP', 'O4 774 ≤ 1,100 (≤ kind)', 774 <= 1100, None, ['低于每平方米不超过1,100元的成本指标']),
    ('DEFECT', 'NUM', 'AM O5 86 × 1,200元 (万元)', 86 * 1200 / 10000, '10.8', ['带动脱贫户和监测户86户，合作社按每户每年1,200元标准分红，2023年共分红10.8万元']),
    ('DEFECT', 'CMP', 'NC 2,460 vs 二千六百四十 (2,640)', 2460 != 2640, None, ['建筑面积2,460平方米', '建筑面积二千六百四十平方米']),
    ('DEFECT', 'CMP', 'CC P2 均已通过验收 vs Q1 第6栋 未验收', True, None, ['项目6栋圈舍均已通过竣工验收并交付合作社使用', '第6栋圈舍屋面存在渗漏，施工单位正在整改，尚未通过竣工验收']),
    ('DEFECT', 'CMP', 'DU O6 31 < 40, nothing more', 31 < 40 and para_with(t, '实际带动周边群众务工31人').endswith('实际带动周边群众务工31人。'), None, ['项目带动就业年度指标值为不少于40人，实际带动周边群众务工31人。']),
    ('DEFECT', 'CMP', 'DU no cause of 务工 elsewhere', not re.search('务工', section(t, '四、自评结论', '石阡县五德镇人民政府\n')), None, []),
    ('DEFECT', 'CMP', 'UM 亩 target answered in 吨', True, None, ['年度指标值为不少于300亩，实际完成300吨']),
    ('DEFECT', 'CMP', 'DO O1 2022 date, project began 2023年4月', '于2023年4月开工建设' in t, None, ['截至2022年12月31日，项目完成新建标准化肉牛养殖圈舍6栋']),
    ('DEFECT', 'CMP', 'CM brackets around the serial', True, None, ['铜财农〔12〕2023号']),
    ('TRAP', 'CMP', 'well-formed citation', True, None, ['石衔领发〔2023〕6号']),
    ('TRAP', 'NUM', 'P1 score sum', 9 + 18.5 + 38 + 27, '92.5', ['项目综合得分92.5分，其中项目决策9分、项目过程18.5分、项目产出38分、项目效益27分']),
    ('TRAP', 'CMP', 'O7 96.5 ≥ 90; P1 优 fits', 96.5 >= 90 and 92.5 >= 90, None, ['受益群众满意度96.5%', '评价等级为“优”（90分及以上为优）']),
    ('TRAP', 'CMP', '2024 dates in measures / signature', True, None, ['2024年4月底前完成第6栋圈舍屋面整改', '2024年3月20日']),
]

C['b21_ysyz'] = lambda t: [
    ('TRAP', 'NUM', 'B1 1,286 × 2,000元 (万元)', 1286 * 2000 / 10000, '257.20', ['国家助学金257.20万元（1,286人，平均每生每年2,000元）']),
    ('TRAP', 'NUM', 'B1 580 × 1,200元 (万元)', 580 * 1200 / 10000, '69.60', ['免学杂费补助69.60万元（580人，每生每年1,200元）']),
    ('TRAP', 'NUM', 'B1 sum', 257.20 + 69.60, '326.80', ['资金共计326.80万元']),
    ('TRAP', 'NUM', 'B1 执行率', 318.42 / 326.80 * 100, '97.44', ['全年执行318.42万元，预算执行率97.44%']),
    ('TRAP', 'NUM', 'B1 受助占比 1,286 / 3,126', 1286 / 3126 * 100, '41.14', ['受助学生占在校学生的41.14%', '在校学生3,126人']),
    ('TRAP', 'NUM', 'P1 资金执行 10 × 97.44%', 318.42 / 326.80 * 10, '9.74', ['资金执行9.74分']),
    ('DEFECT', 'NUM', 'SM 产出 runs sum vs 「产出指标45分」', 10 + 10 + 5 + 4 + 5 + 5 + 5, '45', ['产出指标45分（分值45分）']),
    ('TRAP', 'NUM', 'P1 total = written parts', 9.74 + 45 + 35 + 9, '98.74', ['合计98.74分']),
    ('TRAP', 'NUM', '效益 runs sum = 35', 10 + 10 + 10 + 5, '35', ['效益指标35分（分值35分）']),
    ('TRAP', 'NUM', '分值 sum', 10 + 45 + 35 + 10, '100', ['满意度指标9分（分值10分）']),
    ('DEFECT', 'CMP', 'IS 34 > 30 个工作日 on a ≤ target, full 5', 34 > 30, None, ['指标值：≤30个工作日；完成值：34个工作日；得分：5分（分值5分）；说明：按时发放，已达标。']),
    ('DEFECT', 'CMP', 'DU 96.4 < 98, 说明 no cause', 96.4 < 98 and '认定' not in section(t, '伍、存在问题', '陆、改进措施'), None, ['指标值：≥98%；完成值：96.4%；得分：4分（分值5分）；说明：已按程序认定。']),
    ('DEFECT', 'CMP', 'UC O6 has no digit', not re.search(r'\d', para_with(t, '（六）综合成效')), None, ['资助育人成效显著，学生感恩意识和学习内生动力明显增强']),
    ('DEFECT', 'CMP', 'NF 人次 answered in words', True, None, ['指标值：≥3,000人次；完成值：已全覆盖；得分：5分（分值5分）']),
    ('DEFECT', 'CMP', 'VM I2 has no digit', not re.search(r'\d', para_with(t, '进一步强化资助育人理念')[2:]), None, ['2.进一步强化资助育人理念，持续提升精准资助水平，切实把党和政府的好事办好、实事办实。']),
    ('DEFECT', 'CMP', 'OR O5 plan wording, no survey result', not re.search(r'\d+(\.\d+)?%', para_with(t, '（五）满意度指标').replace('95%以上', '')), None, ['按照年度目标，将组织开展受助学生满意度问卷调查，力争受助学生满意度达到95%以上。', '3.受助学生满意度达到95%以上。']),
    ('TRAP', 'CMP', 'met runs ≥ / = / ≤', 1286 >= 1260 and 580 >= 580 and 99.2 >= 98 and 1 <= 3 and 99.6 >= 99, None, ['完成值：1,286人', '指标值：≥580人；完成值：580人', '完成值：99.2%', '指标值：≤3人；完成值：1人', '完成值：99.6%', '指标值：100%；完成值：100%', '完成值：2,000元/生·年']),
    ('TRAP', 'CMP', '优 fits 98.74 and 97.74', 97.74 >= 90, None, ['评价等级为“优”（90分及以上为优）']),
    ('TRAP', 'CMP', '2024 dates in measures / signature', True, None, ['2024年5月底前', '2024年3月12日']),
]

C['b21_rymz'] = lambda t: [
    ('TRAP', 'NUM', 'B1 集中 + 分散', 328 + 1534, '1,862', ['共有特困人员1,862人，其中集中供养328人、分散供养1,534人']),
    ('TRAP', 'NUM', 'B2 budget parts', 1486.20 + 512.60 + 287.60, '2,286.40', ['全年预算2,286.40万元，其中中央补助资金1,486.20万元、省级补助资金512.60万元、县级配套资金287.60万元']),
    ('TRAP', 'NUM', 'B2 执行率', 2231.52 / 2286.40 * 100, '97.60', ['全年执行2,231.52万元，预算执行率97.60%']),
    ('TRAP', 'NUM', 'B2 结余 (with reason)', 2286.40 - 2231.52, '54.88', ['年末结余54.88万元，主要为年内死亡、退出人员停发形成的资金']),
    ('TRAP', 'NUM', 'O1 1,862 × 6,240元 (万元)', 1862 * 6240 / 10000, '1,161.89', ['发放基本生活费1,161.89万元']),
    ('DEFECT', 'NUM', 'AM O1 人均 1,161.89万 / 1,862', 11618900 / 1862, '6,350', ['人均每年6,350元']),
    ('TRAP', 'NUM', 'O2 486 × 240 × 12 (万元)', 486 * 240 * 12 / 10000, '139.97', ['为486名生活不能自理的特困人员发放照料护理补贴139.97万元']),
    ('TRAP', 'NUM', 'O3 1,862 × 100元 (万元)', 1862 * 100 / 10000, '18.62', ['支出保费18.62万元']),
    ('DEFECT', 'CMP', 'IM 18,620 insured > 1,862 特困人员', 18620 > 1862, None, ['参保18,620人']),
    ('DEFECT', 'CMP', 'NC 集中供养 328 vs 382', 328 != 382, None, ['集中供养328人全部由敬老院提供食宿', '集中供养的382名特困人员']),
    ('DEFECT', 'CMP', 'CC O2 按月及时 vs Q1 滞后', True, None, ['均按月及时足额发放到位', '3个乡镇存在滞后1至2个月发放的情况']),
    ('DEFECT', 'CMP', 'UC P3 has no digit', not re.search(r'\d', para_with(t, '兜底保障网织得更密更牢')), None, ['困难群众幸福指数节节攀升']),
    ('DEFECT', 'CMP', 'PW Q2 消防 topic absent from measures', not re.search('消防|设施', section(t, '问七：', '相关链接')), None, ['消防设施老化，个别院消防通道被杂物占用']),
    ('DEFECT', 'CMP', 'DP O4 repeated as P2', t.count('联合乡镇卫生院对全县特困人员逐人开展生活自理能力评估，评估覆盖率100%，根据评估结果动态调整照料护理等级，做到应评尽评、评用结合。') == 2, None, []),
    ('TRAP', 'NUM', 'O5 满意度 1,158 / 1,200', 1158 / 1200 * 100, '96.5', ['表示满意的1,158份，满意度96.5%']),
    ('TRAP', 'NUM', 'P1 score sum', 9.76 + 46 + 28.5 + 9, '93.26', ['综合得分93.26分，其中预算执行9.76分、产出指标46分、效益指标28.5分、满意度指标9分']),
    ('TRAP', 'NUM', 'P1 预算执行 10 × 97.60%', 2231.52 / 2286.40 * 10, '9.76', ['预算执行9.76分']),
    ('TRAP', 'CMP', '优 fits; 0起 met on equality; 100% = 100%', 93.26 >= 90, None, ['评价等级为“优”（90分以上为优）', '安全责任事故0起', '评估覆盖率100%']),
    ('TRAP', 'CMP', '2024 dates in measures / 发布时间', True, None, ['2024年6月底前通过政府购买服务', '2024-04-12']),
]

C['b21_lgwj'] = lambda t: [
    ('TRAP', 'NUM', '年初 2,360 × 960元 (万元)', 2360 * 960 / 10000, '226.56', ['年度资金总额\t226.56']),
    ('TRAP', 'NUM', '全年 2,410 × 960元 (万元)', 2410 * 960 / 10000, '231.36', ['226.56\t231.36', '全年预算按2,410人安排']),
    ('TRAP', 'NUM', '执行 2,380 × 960元 (万元)', 2380 * 960 / 10000, '228.48', ['231.36\t228.48']),
    ('TRAP', 'NUM', '其中 rows', 185.09 + 23.14 + 23.13, '231.36', ['185.09', '23.14', '23.13']),
    ('TRAP', 'NUM', '执行率', 228.48 / 231.36 * 100, '98.76', ['98.76%\t9.88']),
    ('TRAP', 'NUM', '得分 10 × 98.76%', 228.48 / 231.36 * 10, '9.88', ['98.76%\t9.88']),
    ('TRAP', 'NUM', '结余 (with reason)', 231.36 - 228.48, '2.88', ['年内30人因死亡、迁出等原因停发，结余2.88万元']),
    ('TRAP', 'NUM', '结余 = 30 × 960元', 30 * 960 / 10000, '2.88', ['结余2.88万元']),
    ('TRAP', 'NUM', '追加 = 231.36 − 226.56', 231.36 - 226.56, '4.80', ['追加预算4.80万元']),
    ('DEFECT', 'NUM', 'SM 总分 vs 9.88 + 得分 line', 9.88 + 10 + 10 + 9 + 10 + 10 + 15 + 15 + 10, '99.88', ['得分\t10\t10\t9\t10\t10\t15\t15\t10', '总分\t99.88']),
    ('TRAP', 'NUM', '分值 line + 10', 10 + 10 + 10 + 10 + 10 + 10 + 15 + 15 + 10, '100', ['分值\t10\t10\t10\t10\t10\t15\t15\t10']),
    ('DEFECT', 'CMP', 'IS 知晓率 92.6 < 95 scored full, 「符合年度要求」', 92.6 < 95, None, ['≥95%', '92.6%', '符合年度要求']),
    ('DEFECT', 'CMP', 'DU 及时率 96.8 < 100, 「已整改」', 96.8 < 100, None, ['奖扶金发放及时率', '96.8%', '已整改']),
    ('DEFECT', 'CMP', 'UM date target answered in %', True, None, ['资金发放时间', '6月30日前', '98.6%']),
    ('DEFECT', 'CMP', 'RO 到位率 101.2 > 100', 101.2 > 100, None, ['奖扶金发放到位率', '101.2%']),
    ('DEFECT', 'CMP', 'UF template note in 实际完成情况', True, None, ['（简要说明年度目标完成情况，与绩效指标对应）']),
    ('DEFECT', 'CMP', 'NV 蓝皋 once, 岚皋 elsewhere', t.count('蓝皋') == 1 and t.count('岚皋') >= 2, None, ['蓝皋县部分边远村组']),
    ('TRAP', 'CMP', 'met columns ≥ / = ', 2380 >= 2360 and 94.2 >= 90, None, ['≥2,360人', '2,380人', '960元/人·年\t92.6%', '94.2%']),
    ('TRAP', 'CMP', '优 fits 99.88 and 98.88', 98.88 >= 90, None, ['评价等级\t优']),
    ('TRAP', 'CMP', 'justified 无; 2024 dates; 填报日期', True, None, ['无（年中追加预算及资金结余原因已在资金情况注中说明，无其他需要说明的事项）', '2024年4月底前', '填报日期：2024年2月28日']),
]

FOUR = ['ARITHMETIC_MISMATCH', 'NUMBER_CONFLICT', 'SCORE_MISMATCH', 'CLAIM_CONTRADICTED', 'INDICATOR_SHORTFALL',
        'DEVIATION_UNEXPLAINED', 'UNSUPPORTED_CLAIM']
TWO = ['INDICATOR_NO_FIGURE', 'UNIT_MISMATCH', 'IMPLAUSIBLE_MAGNITUDE', 'RATE_OVER_100', 'DATE_OUT_OF_PERIOD',
       'UNFILLED_FORM', 'GOAL_WITHOUT_OUTCOME', 'PROBLEM_WITHOUT_MEASURE', 'VAGUE_MEASURE', 'REPEATED_TEXT',
       'OUTCOME_RESTATES_GOAL', 'DUPLICATE_PARAGRAPH', 'NAME_VARIANT', 'CITATION_MALFORMED']


def main():
    bad = 0
    n = 0
    allcodes = Counter()
    for name, make in C.items():
        t = text(name)
        nt = norm(t)
        for kind, typ, label, val, written, snips in make(t):
            n += 1
            ok = True
            msg = ''
            if typ == 'NUM':
                got, w = rnd(val, written)
                ok = (got != w) if kind == 'DEFECT' else (got == w)
                msg = 'computed %s, written %s' % (got, w)
            else:
                ok = bool(val)
                msg = 'test %s' % bool(val)
            missing = [s for s in snips if norm(s) not in nt]
            if missing:
                ok = False
                msg += '; snippet missing: %r' % missing
            print('%-4s %-6s %-3s %-9s %s: %s' % ('ok' if ok else 'FAIL', kind, typ, name, label, msg))
            bad += not ok
        with open(os.path.join(HERE, name + '.yaml'), encoding='utf-8') as f:
            g = yaml.safe_load(f)
        codes = [x['code'] for x in g['findings']]
        allcodes.update(codes)
        ok = len(codes) == 7 and len(set(codes)) == 7 and all(x.get('why') and x.get('where') for x in g['findings'])
        ok = ok and 1500 <= len(t) <= 6000 and 'clean' in g
        n += 1
        bad += not ok
        print('%-4s GOLD   %s: %d findings, %d codes, %d chars' % ('ok' if ok else 'FAIL', name, len(codes), len(set(codes)), len(t)))
    want = {c: 4 for c in FOUR}
    want.update({c: 2 for c in TWO})
    ok = dict(allcodes) == want and sum(allcodes.values()) == 56
    n += 1
    bad += not ok
    print('%-4s GOLD   set: %d findings; code counts %s' % ('ok' if ok else 'FAIL', sum(allcodes.values()),
                                                        'as required' if ok else dict(allcodes)))
    print('%d lines, %d failing' % (n, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
