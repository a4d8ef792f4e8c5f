"""Builders of test reports in every supported format, made from the seed's content and
from small reports written here (no binary files of unknown origin in the repository).

Each builder writes into a directory it is given and returns the path.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the seed and its gold travel with the tests (tests/data/seed), so a clone checks them
SEED = ROOT / "tests" / "data" / "seed" / "000_addc822f361de425.txt"
SEED_COPY = ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"
GOLD = ROOT / "tests" / "data" / "seed" / "seed_expected.yaml"

_P_RE = re.compile(r"<p>(.*?)</p>", re.S)


def seed_path() -> Path:
    return SEED if SEED.exists() else SEED_COPY


def seed_text() -> str:
    return seed_path().read_text(encoding="utf-8-sig")


def seed_table() -> list[list[str]]:
    """The seed form as rows of raw cell strings (with its <p> markup)."""
    return [line.split("\t") for line in seed_text().split("\n")]


def cell_paragraphs(cell: str) -> list[str]:
    """A seed cell's paragraphs: its <p> items, or the cell as one paragraph."""
    items = _P_RE.findall(cell)
    return items if items else ([cell] if cell else [])


# -- a small narrative report written for these tests -----------------------------------

NARRATIVE = """某某县水务局2022年度部门整体支出绩效自评报告
单位：万元
一、部门基本情况
（一）部门职能
本局负责全县水利工程建设与管理。
（二）预算情况
2022年年初预算数为1,234.56万元，调整预算数为1,300.00万元，全年实际支出1,250.20万元，
预算执行率为96.17%，预算调整率为5.30%。其中一般公共预算1,100.00万元。
二、年度绩效目标
1.完成农村饮水安全巩固提升工程10处，受益人口2.5万人。
2、开展河道清淤30公里；
（1）城区河道10公里；
（2）乡镇河道20公里。
3. 水质达标率达到95%以上。
三、目标完成情况
1.完成农村饮水工程10处，受益人口2.6万人。
2.完成河道清淤28公里。
四、部门整体绩效
部门整体运行平稳，各项工作有序推进。
全年未发生水利安全事故。
五、重点项目绩效情况
（一）农村饮水安全项目
1.项目预算300万元，实际支出290万元。
2.工程验收合格率100%。
（二）河道清淤项目
1.完成清淤28公里。
六、存在的问题
（一）项目前期工作不够扎实，部分工程进度滞后。
（二）绩效目标设置不够细化
七、改进措施
①加强项目前期论证。
②细化绩效目标，强化过程监控。
八、其他需要说明的情况
无。
"""
# what NARRATIVE must parse to
NARRATIVE_COUNTS = {"G": 3, "O": 2, "K": 3, "P": 2, "Q": 2, "I": 2}
NARRATIVE_BUDGET = {"initial_budget": 1234.56, "adjusted_budget": 1300.0, "actual_spending": 1250.2,
                    "completion_rate": 96.17, "adjustment_rate": 5.3, "general_public_budget": 1100.0}

# headings of other shapes: 第一部分, bare heading lines, heading with inline item
NARRATIVE_VARIANT = """XX市教育局2023年度部门整体支出绩效自评报告
第一部分 部门概况
部门名称：XX市教育局
第二部分 年度绩效目标
（1）新建幼儿园3所。
（2）教师培训2000人次。
目标完成情况
（1）新建幼儿园3所，已投入使用。
（2）培训教师2100人次。
第三部分 存在问题：资金拨付进度偏慢。
下一步计划
一是加快资金拨付。
二是加强项目监管。
"""
VARIANT_COUNTS = {"G": 2, "O": 2, "Q": 1, "I": 2}


def write_text(tmp: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = Path(tmp) / name
    p.write_bytes(text.encode(encoding))
    return p


# -- HTML -------------------------------------------------------------------------------


def seed_html(tmp: Path) -> Path:
    """The seed form as an HTML table; runs of empty trailing cells become colspans."""
    rows = []
    for cells in seed_table():
        tds = []
        k = 0
        while k < len(cells):
            span = 1
            if cells[k] and k + 1 < len(cells) and all(not c for c in cells[k + 1:]):
                span = len(cells) - k
            content = "".join(f"<p>{html.escape(x)}</p>" for x in cell_paragraphs(cells[k])) \
                if "<p>" in cells[k] else html.escape(cells[k])
            tds.append(f'<td colspan="{span}">{content}</td>' if span > 1 else f"<td>{content}</td>")
            k += span
        rows.append("<tr>" + "".join(tds) + "</tr>")
    doc = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>自评表</title>"
           "<style>td{border:1px}</style></head><body><table>\n" + "\n".join(rows) + "\n</table></body></html>")
    return write_text(tmp, "seed.html", doc)


def narrative_html(tmp: Path, text: str = NARRATIVE) -> Path:
    """A report page as government sites publish it: headings and paragraphs."""
    parts = ["<!DOCTYPE html><html><head><meta charset='gbk'><title>绩效自评报告</title></head><body>",
             "<div class='nav'><a href='/'>首页</a></div><div class='article'>"]
    for k, line in enumerate(text.strip().split("\n")):
        esc = html.escape(line)
        if k == 0:
            parts.append(f"<h1>{esc}</h1>")
        elif re.match(r"[一二三四五六七八九十]+、", line):
            parts.append(f"<h2>{esc}</h2>")
        else:
            parts.append(f"<p style='text-indent:2em'>&nbsp;&nbsp;{esc}</p>")
    parts.append("</div><script>var x = '<p>存在问题</p>';</script></body></html>")
    return write_text(tmp, "narrative.html", "\n".join(parts), "gbk")


# -- Word -------------------------------------------------------------------------------


def seed_docx(tmp: Path) -> Path:
    """The seed form as a Word table (a cell's <p> items become cell paragraphs)."""
    import docx

    table = seed_table()
    width = max(len(r) for r in table)
    doc = docx.Document()
    title = [r for r in table if any(r)][:2]
    for r in title:
        doc.add_paragraph(r[0])
    body = table[table.index(title[-1]) + 1:]
    t = doc.add_table(rows=len(body), cols=width)
    for i, cells in enumerate(body):
        for j, cell in enumerate(cells):
            paras = cell_paragraphs(cell)
            if not paras:
                continue
            c = t.cell(i, j)
            c.text = paras[0]
            for x in paras[1:]:
                c.add_paragraph(x)
    path = Path(tmp) / "seed.docx"
    doc.save(path)
    return path


def narrative_docx(tmp: Path, text: str = NARRATIVE) -> Path:
    import docx

    doc = docx.Document()
    for k, line in enumerate(text.strip().split("\n")):
        if k == 0:
            doc.add_heading(line, level=1)
        else:
            doc.add_paragraph(line)
    path = Path(tmp) / "narrative.docx"
    doc.save(path)
    return path


# -- spreadsheets -----------------------------------------------------------------------


def _sheet_value(cell: str):
    """Numbers as numbers, percentages as fractions (like a real sheet), text as text."""
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(%?)", cell)
    if not m:
        return "\n".join(cell_paragraphs(cell)) if "<p>" in cell else cell, None
    v = float(m.group(1).replace(",", ""))
    if m.group(2):
        return v / 100, "0.00%"
    return v, None


def seed_xlsx(tmp: Path) -> Path:
    return table_xlsx(tmp, seed_table(), "seed.xlsx")


def table_xlsx(tmp: Path, table: list[list[str]], name: str) -> Path:
    """Rows of raw cells into a sheet; <p> items become lines inside the cell."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    for i, cells in enumerate(table, 1):
        for j, cell in enumerate(cells, 1):
            if not cell:
                continue
            v, fmt = _sheet_value(cell)
            c = ws.cell(row=i, column=j, value=v)
            if fmt:
                c.number_format = fmt
    path = Path(tmp) / name
    wb.save(path)
    return path


def seed_xls(tmp: Path) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("sheet1")
    pct = xlwt.easyxf(num_format_str="0.00%")
    for i, cells in enumerate(seed_table()):
        for j, cell in enumerate(cells):
            if not cell:
                continue
            v, fmt = _sheet_value(cell)
            if fmt:
                ws.write(i, j, v, pct)
            else:
                ws.write(i, j, v)
    path = Path(tmp) / "seed.xls"
    wb.save(str(path))
    return path


# -- PDF --------------------------------------------------------------------------------


def narrative_pdf(tmp: Path, text: str = NARRATIVE, name: str = "narrative.pdf") -> Path:
    """A text-layer PDF; reportlab's built-in CID font STSong-Light maps to Unicode, so
    pdfplumber gets the Chinese back. Lines are short enough not to wrap."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = Path(tmp) / name
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in text.strip().split("\n"):
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("STSong-Light", 9)
        c.drawString(30, y, line)
        y -= 14
    c.save()
    return path


def table_pdf(tmp: Path, table: list[list[str]], name: str) -> Path:
    """Rows of raw cells as a ruled table in a landscape PDF; cells wrap in their column."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    width = max(len(r) for r in table)
    data = []
    for row in table:
        row = row + [""] * (width - len(row))
        data.append([Paragraph("<br/>".join(html.escape(x) for x in cell_paragraphs(c)), style) for c in row])
    grid = Table(data, colWidths=[(landscape(A4)[0] - 80) / width] * width)
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = Path(tmp) / name
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([grid])
    return path


def image_pdf(tmp: Path) -> Path:
    """A PDF with a drawing and no text: what a scan looks like to a text extractor."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = Path(tmp) / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for k in range(40):
        c.rect(50 + k * 5, 700 - k * 10, 300, 4, fill=1)
    c.save()
    return path


# -- a small form, not the seed: other labels, numbering and a lost merge ---------------

SMALL_FORM = "\n".join([
    "XX县农业农村局2022年度部门整体支出绩效自评表",
    "金额单位：元",
    "单位名称\tXX县农业农村局\t\t评价年度\t2022",
    "年度预算情况\t年初预算\t2,000,000.00\t调整预算\t2,200,000.00",
    "\t实际支出\t2,090,000.00\t预算调整数\t200,000.00",
    "\t预算执行率\t95.00%\t预算调整率\t10.00%",
    "年度绩效目标\t<p>（一）完成高标准农田建设1万亩。</p><p>（二）培训农民500人次。</p>\t实际完成情况\t<p>（一）建成高标准农田1.02万亩。</p><p>（二）培训农民520人次。</p>",
    "主要任务\t任务目标\t完成情况\t绩效指标\t实际完成值\t涉及资金",
    "任务一\t高标准农田建设\t已完成\t<p>建设面积</p><p>验收合格率</p>\t<p>1.02万亩</p><p>100%</p>\t1500000",
    "\t\t\t农田灌溉保证率\t90%\t",
    "",
    "耕地质量等级提升\t0.2等\t200000",
    "任务二\t农民培训\t已完成\t培训人次\t520人次\t",
    "存在的主要问题\t<p>1.项目进度前慢后快。</p><p>2.绩效目标不够细化。</p>",
    "下一步工作计划",
    "1.加快项目实施进度。",
    "2.细化绩效目标。",
    "3.加强培训效果跟踪。",
])
SMALL_FORM_COUNTS = {"G": 2, "O": 2, "Q": 2, "I": 3}
SMALL_FORM_INDICATORS = [4, 1]


# -- checks shared by the tests ---------------------------------------------------------


def assert_offsets(report) -> int:
    """Every paragraph maps back into Report.text; returns how many were checked."""
    n = 0
    for p in report.paragraphs():
        assert p.text, p.id
        assert 0 <= p.start <= p.end <= len(report.text), p.id
        covered = 0
        for ts, os_, ln in p.segments:
            assert p.text[ts:ts + ln] == report.text[os_:os_ + ln], (p.id, ts, os_, ln)
            assert p.start <= os_ and os_ + ln <= p.end, p.id
            covered += ln
        # cleaning only drops markup and joins lines: most characters are verbatim
        assert covered >= 0.9 * len(p.text.replace("\n", "")), p.id
        assert report.text[p.start] == p.text[0] and report.text[p.end - 1] == p.text[-1], p.id
        n += 1
    return n


def section_counts(report) -> dict[str, int]:
    # the basic part (B, 部门概况) is no section of the seven a report is checked for
    out = {sid: len(sec.paragraphs) for sid, sec in report.sections.items() if sec.paragraphs and sid != "B"}
    if report.tasks:
        out["T"] = len(report.tasks)
    return out


def budget_values(report) -> dict[str, float]:
    import dataclasses

    return {f.name: getattr(report.budget, f.name).value for f in dataclasses.fields(report.budget)
            if f.name != "parts" and getattr(report.budget, f.name) is not None}


# -- the Ministry of Finance layout of the form: columnar budget, goals under a header
# row, an indicator table (一级/二级/三级指标, 年度指标值, 实际完成值) and named tasks -------

NATIONAL_FORM = "\n".join([
    "部门（单位）整体支出绩效自评表",
    "（2023年度）",
    "部门（单位）名称\tYY市文化旅游局",
    "年度预算执行情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "\t年度资金总额\t1000.00\t1200.00\t1140.00\t10\t95.00%\t9.5",
    "年度主要任务\t任务名称\t主要内容",
    "\t公共文化服务\t<p>1.举办群众文化活动40场；</p><p>2.送戏下乡60场。</p>",
    "\t文物保护\t完成2处文物修缮。",
    "年度总体目标\t预期目标\t\t实际完成情况",
    "\t<p>1.举办群众文化活动40场。</p><p>2.完成文物修缮2处。</p>\t\t"
    "<p>1.举办群众文化活动42场。</p><p>2.完成文物修缮1处，另1处进行中。</p>",
    "年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "\t产出指标\t数量指标\t群众文化活动场次\t≥40场\t42场\t10\t10\t",
    "\t\t质量指标\t文物修缮验收合格率\t100%\t100%\t10\t10\t",
    "\t效益指标\t社会效益指标\t群众满意度\t≥90%\t93%\t10\t10\t",
    "存在问题\t1.文物修缮进度滞后。",
    "改进措施\t1.加快文物修缮进度。",
])
