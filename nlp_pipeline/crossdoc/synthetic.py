"""Invented corpora for copy detection, with gold pairs and spans.

For the tests and bench/bench_copy.py (it lives in the package so both can import it).
Every report is made of sentences of words drawn at random from jieba's dictionary, with
invented organisation, county and town names and figures in them, so two reports share
no run of text unless the generator put it there:

* ``names``: a paragraph of another unit's report with that unit's names replaced;
* ``names_figures``: the same, with the figures changed too;
* ``verbatim``: another unit's paragraph word for word, its names left in;
* ``wording``: names replaced and a few words changed;
* ``partial``: the unit's own sentence followed by another unit's sentences;
* ``repeat``: the unit's own paragraph of an earlier year, figures changed;
* mandated wording (a policy title, indicator names, stock sentences) in most reports.

Gold: any two reports holding text of one origin share it (a template copied by two
units makes those two a pair as well), with the span of that text in each report.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from itertools import combinations

from nlp_pipeline.model import SECTION_KINDS, Paragraph, Report, Section

UNIT_TYPES = ["水务局", "农业农村局", "交通运输局", "教育局", "卫生健康局", "民政局", "文化旅游局", "生态环境局",
              "自然资源局", "市场监督管理局", "人力资源和社会保障局", "住房和城乡建设局"]  # fmt: skip
NAME_CHARS = "青碧云石桥松柳梅兰竹溪泉峰岭川河湖岗坪塘源阳阴东西南北丰安宁平永兴隆昌盛泰康和华龙凤鹤鹿金银玉珠"
UNITS = ["万元", "个", "次", "人", "户", "公里", "亩", "家", "处", "座", "场", "吨"]

# mandated wording (the template's instruction, indicator names: the lexicon knows them)
# and stock sentences (boilerplate because most reports write them): never a copy
MANDATED = [
    "根据《关于开展{year}年度部门整体支出绩效自评工作的通知》要求，对照年初设定的绩效目标，对部门整体支出开展绩效自评。",
    "产出指标包括数量指标、质量指标、时效指标和成本指标，效益指标包括社会效益指标、可持续影响指标和服务对象满意度指标。",
]
STOCK = [
    "按照上级的统一部署，坚持以人民为中心，深入贯彻落实党中央、国务院决策部署，全面完成年度工作任务，群众满意度持续提升。",
    "严格执行预算管理制度，加强资金使用监管，确保资金使用安全规范有效，预算执行率达到序时进度要求。",
]

SECTIONS = [("G", "年度绩效目标"), ("O", "目标完成情况"), ("P", "部门整体绩效"), ("K", "重点项目绩效情况"),
            ("Q", "存在问题"), ("I", "改进措施")]  # fmt: skip
NUMERALS = "一二三四五六七八九十"
MIN_COPY = 60  # a copied paragraph is at least this long (two sentences): a shorter one is a phrase
_BAD = set("县市区镇乡村省州旗盟街道局委办站所院馆队厅处部会零〇一二两三四五六七八九十百千万亿其")


def _words() -> list[str]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w, f, t = line.split()
            if 2 <= len(w) <= 3 and int(f) >= 2000 and t in ("n", "v", "vn", "a", "ad", "d") and not (set(w) & _BAD):
                out.append(w)
    return sorted(set(out))


@dataclass
class Org:
    name: str
    county: str
    towns: list[str]

    def names(self) -> list[str]:
        return [self.name, self.county] + self.towns


@dataclass
class Piece:
    """A run of a paragraph's text and where it came from (None: its own)."""

    text: str
    origin: str | None = None


@dataclass
class SynthReport:
    id: str
    org: Org
    year: int
    sections: dict[str, list[list[Piece]]]
    role: str = "batch"  # batch or reference
    text: str = ""
    report: Report | None = None
    # origin -> (start, end) in text of the run holding it
    origins: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class GoldPair:
    a: str
    b: str
    code: str
    kind: str  # how the copy was made (names, verbatim, repeat, ...)
    spans: list[tuple[int, int, int, int]]  # (a_start, a_end, b_start, b_end)


class Generator:
    def __init__(self, seed: int = 0, words: list[str] | None = None):
        self.rng = random.Random(seed)
        self.words = words or _words()
        self._used: set[str] = set()

    # -- names and text --

    def stem(self) -> str:
        # fresh names while there are any (2,652 two-character stems); a corpus of
        # thousands of reports reuses them, as real place names repeat
        for _ in range(50):
            s = "".join(self.rng.sample(NAME_CHARS, 2))
            if s not in self._used:
                self._used.add(s)
                return s
        return s

    def org(self) -> Org:
        # organisations must differ: one name is one organisation
        while True:
            county = self.stem() + "县"
            name = county + self.rng.choice(UNIT_TYPES)
            if name not in self._used:
                self._used.add(name)
                return Org(name, county, [self.stem() + "镇" for _ in range(3)])

    def figure(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return f"{self.rng.randint(2, 999)}{self.rng.choice(UNITS)}"
        if r < 0.6:
            return f"{self.rng.randint(10, 9999):,}.{self.rng.randint(10, 99)}万元"
        if r < 0.8:
            return f"{self.rng.randint(50, 99)}.{self.rng.randint(1, 9)}%"
        return f"{self.rng.randint(2, 60)}{self.rng.choice(UNITS)}"

    def clause(self, org: Org, name: bool = False, figure: bool = False) -> str:
        ws = [self.rng.choice(self.words) for _ in range(self.rng.randint(3, 6))]
        if name:
            ws.insert(self.rng.randint(0, 1), self.rng.choice(["在" + self.rng.choice(org.towns), org.name, org.county]))
        if figure:
            ws.insert(self.rng.randint(1, len(ws)), self.figure())
        return "".join(ws)

    def sentence(self, org: Org) -> str:
        n = self.rng.randint(2, 3)
        cl = [self.clause(org, name=(i == 0), figure=(i == n - 1)) for i in range(n)]
        return "，".join(cl) + "。"

    def paragraph(self, org: Org, n: int | None = None) -> list[Piece]:
        return [Piece("".join(self.sentence(org) for _ in range(n or self.rng.randint(1, 3))))]

    def report(self, rid: str, org: Org, year: int, mandated: float = 0.7, stock: float = 0.7) -> SynthReport:
        secs: dict[str, list[list[Piece]]] = {}
        for sid, _ in SECTIONS:
            count = {"G": 4, "O": 4, "P": 3, "K": 2, "Q": 2, "I": 2}[sid] + self.rng.randint(0, 1)
            secs[sid] = [self.paragraph(org) for _ in range(count)]
        # mandated wording inside paragraphs, as reports write it
        for k, m in enumerate(MANDATED + STOCK):
            if self.rng.random() < (mandated if k < len(MANDATED) else stock):
                sid = "OPIO"[k]
                para = secs[sid][self.rng.randrange(len(secs[sid]))]
                para.insert(0, Piece(m.format(year=year)))
        return SynthReport(rid, org, year, secs)

    # -- copies --

    def swap_names(self, text: str, src: Org, dst: Org) -> str:
        for a, b in zip([src.name, src.county] + src.towns, [dst.name, dst.county] + dst.towns):
            text = text.replace(a, b)
        return text

    def swap_figures(self, text: str) -> str:
        import re

        return re.sub(r"\d+(?:,\d{3})*(?:\.\d+)?", lambda m: str(self.rng.randint(2, 999)), text)

    def reword(self, text: str, org: Org) -> str:
        # a word changed every 25 characters or so, away from the names and figures and
        # from both ends, as an editor would
        import re

        fixed = [m.span() for n in org.names() for m in re.finditer(re.escape(n), text)]
        fixed += [m.span() for m in re.finditer(r"[\d,.%]+", text)]
        chars = list(text)
        for pos in range(10, len(chars) - 10, 25):
            if any(a - 2 <= pos <= b for a, b in fixed) or not all("\u4e00" <= c <= "\u9fff" for c in chars[pos : pos + 2]):
                continue
            chars[pos : pos + 2] = list(self.rng.choice([w for w in self.words if len(w) == 2][:400]))
        return "".join(chars)

    def copy_into(self, src: SynthReport, dst: SynthReport, kind: str, key: str, n_paras: int = 2) -> None:
        """Put ``n_paras`` paragraphs of ``src`` into ``dst`` the way ``kind`` says."""
        sids = [s for s, _ in SECTIONS]
        for k in range(n_paras):
            sid = self.rng.choice(sids)
            sp = self.rng.randrange(len(src.sections[sid]))
            origin = f"{key}:{sid}{sp}"
            pieces = src.sections[sid][sp]
            own = [p for p in pieces if p.origin is None and not _is_mandated(p.text)]
            if not own or len(own[-1].text) < MIN_COPY:
                continue
            text = own[-1].text
            # the source's run is now an origin both reports hold
            own[-1].origin = origin
            if kind in ("names", "names_figures", "wording", "partial"):
                text = self.swap_names(text, src.org, dst.org)
            if kind in ("names_figures", "repeat"):
                text = self.swap_figures(text)
            if kind == "wording":
                text = self.reword(text, dst.org)
            target = dst.sections[sid]
            tp = min(sp, len(target) - 1)
            if kind == "partial":
                target[tp] = [Piece(self.sentence(dst.org)), Piece(text, origin)]
            else:
                target[tp] = [Piece(text, origin)]


def _is_mandated(text: str) -> bool:
    return any(text == m or text.endswith(m[-20:]) for m in MANDATED + STOCK)


def render(sr: SynthReport) -> SynthReport:
    """The report's text in the plain narrative layout, and its Report built alongside
    (the narrative reader gives the same paragraphs; a test checks it)."""
    lines = [f"{sr.org.name}{sr.year}年度部门整体支出绩效自评报告", "单位：万元", "一、部门基本情况",
             f"{sr.org.name}负责全县相关工作。"]  # fmt: skip
    text = "\n".join(lines) + "\n"
    sections: dict[str, Section] = {}
    for k, (sid, title) in enumerate(SECTIONS, start=1):
        text += f"{NUMERALS[k]}、{title}\n"
        sec = Section(sid, SECTION_KINDS[sid], title)
        for n, pieces in enumerate(sr.sections[sid], start=1):
            number = f"{n}."
            text += number
            start = len(text)
            for pc in pieces:
                if pc.origin is not None:
                    body = pc.text.rstrip("。")
                    sr.origins[pc.origin] = (len(text), len(text) + len(body))
                text += pc.text
            end = len(text)
            sec.paragraphs.append(Paragraph(f"{sid}{n}", sid, SECTION_KINDS[sid], number, text[start:end], start, end,
                                            [(0, start, end - start)]))  # fmt: skip
            text += "\n"
        sections[sid] = sec
    sr.text = text
    sr.report = Report(source=f"{sr.id}.txt", reader="narrative", encoding="utf-8", text=text,
                       organisation=sr.org.name, year=sr.year, title=lines[0], sections=sections)  # fmt: skip
    return sr


def gold_pairs(reports: list[SynthReport]) -> list[GoldPair]:
    """Every two reports holding text of one origin, with that text's spans."""
    from nlp_pipeline.crossdoc.core import COPIED, REPEATED

    holders: dict[str, list[SynthReport]] = {}
    kinds: dict[str, str] = {}
    for r in reports:
        for o in r.origins:
            holders.setdefault(o, []).append(r)
    pairs: dict[tuple[str, str], GoldPair] = {}
    for o, rs in sorted(holders.items()):
        for a, b in combinations(sorted(rs, key=lambda r: r.id), 2):
            if a.role == "reference" and b.role == "reference":
                continue
            same = a.org.name == b.org.name
            if same and a.year == b.year:
                continue
            code = REPEATED if same else COPIED
            kind = o.split(":")[0].split("-")[0]
            kinds[o] = kind
            gp = pairs.setdefault((a.id, b.id), GoldPair(a.id, b.id, code, kind, []))
            sa, sb = a.origins[o], b.origins[o]
            gp.spans.append((sa[0], sa[1], sb[0], sb[1]))
    return list(pairs.values())


@dataclass
class Corpus:
    reports: list[SynthReport]
    gold: list[GoldPair]
    controls: list[str]  # reports that share only mandated wording with the others

    def batch(self) -> list[SynthReport]:
        return [r for r in self.reports if r.role == "batch"]

    def reference(self) -> list[SynthReport]:
        return [r for r in self.reports if r.role == "reference"]


KINDS = ("names", "names_figures", "verbatim", "wording", "partial")


def make_corpus(n_orgs: int = 40, seed: int = 0, *, earlier_as_reference: bool = False,
                copy_groups: int | None = None, repeats: int | None = None, words: list[str] | None = None) -> Corpus:  # fmt: skip
    """``n_orgs`` organisations with a 2022 report each; some copy paragraphs from one
    another (groups of two or three), some repeat their 2021 report (in the batch, or in
    a reference set with ``earlier_as_reference``), the rest are controls that share
    only mandated wording."""
    g = Generator(seed, words)
    orgs = [g.org() for _ in range(n_orgs)]
    reps = [g.report(f"r{i:05d}_{2022}", o, 2022) for i, o in enumerate(orgs)]
    order = list(range(n_orgs))
    g.rng.shuffle(order)
    copy_groups = n_orgs // 8 if copy_groups is None else copy_groups
    repeats = n_orgs // 8 if repeats is None else repeats
    involved: set[str] = set()
    pos = 0
    for k in range(copy_groups):
        size = 2 if k % 3 else 3
        members = [reps[i] for i in order[pos : pos + size]]
        pos += size
        src = members[0]
        for j, dst in enumerate(members[1:]):
            kind = KINDS[(k + j) % len(KINDS)]
            g.copy_into(src, dst, kind, f"{kind}-{k}-{j}", n_paras=g.rng.randint(1, 3))
        involved.update(m.id for m in members)
    earlier = []
    for k in range(repeats):
        i = order[pos]
        pos += 1
        cur = reps[i]
        old = g.report(f"r{i:05d}_2021", cur.org, 2021)
        old.role = "reference" if earlier_as_reference else "batch"
        g.copy_into(old, cur, "repeat", f"repeat-{k}", n_paras=g.rng.randint(2, 4))
        earlier.append(old)
        involved.add(cur.id)
    # an earlier year with nothing repeated: a yoy row, never a pair
    for k in range(max(1, repeats // 2)):
        if pos >= n_orgs:
            break
        i = order[pos]
        pos += 1
        old = g.report(f"r{i:05d}_2021", reps[i].org, 2021)
        old.role = "reference" if earlier_as_reference else "batch"
        earlier.append(old)
    allr = [render(r) for r in reps + earlier]
    controls = [r.id for r in reps if r.id not in involved]
    return Corpus(allr, gold_pairs(allr), controls)


# --- scoring ----------------------------------------------------------------------------


def score(result, corpus: Corpus, tolerance: int = 5) -> dict:
    """Pair precision and recall against the gold, span accuracy (every gold span of a
    found pair has a predicted span with all four boundaries within ``tolerance``), and
    the controls found in any pair."""
    gold = {(min(g.a, g.b), max(g.a, g.b)): g for g in corpus.gold}
    pred: dict[tuple[str, str], list] = {}
    codes: dict[tuple[str, str], str] = {}
    for p in result.pairs:
        key = (min(p.report, p.other), max(p.report, p.other))
        pred.setdefault(key, [])
        codes[key] = p.code
        for s in p.spans:
            if p.report == key[0]:
                pred[key].append((s.start, s.end, s.other_start, s.other_end))
            else:
                pred[key].append((s.other_start, s.other_end, s.start, s.end))
    tp = [k for k in pred if k in gold and gold[k].code == codes[k]]
    span_ok = 0
    for k in tp:
        g = gold[k]
        if g.a != k[0]:
            spans = [(c, d, a, b) for a, b, c, d in g.spans]
        else:
            spans = g.spans
        if all(any(all(abs(x - y) <= tolerance for x, y in zip(gs, ps)) for ps in pred[k]) for gs in spans):
            span_ok += 1
    ctrl = set(corpus.controls)
    return {
        "gold": len(gold),
        "predicted": len(pred),
        "true_positive": len(tp),
        "precision": len(tp) / len(pred) if pred else 1.0,
        "recall": len(tp) / len(gold) if gold else 1.0,
        "span_accuracy": span_ok / len(tp) if tp else 1.0,
        "controls_paired": sorted({x for k in pred for x in k if x in ctrl}),
        "missed": sorted(k for k in gold if k not in tp),
        "spurious": sorted(k for k in pred if k not in gold),
    }


def parse_only(path, **_):
    """A stand-in analyser for batch tests of copy detection: the report read, nothing
    analysed (importable by name, so worker processes on any engine can run it)."""
    from nlp_pipeline.ingest import read_report
    from nlp_pipeline.model import Analysis

    return Analysis(report=read_report(path))
