"""Copied paragraphs across the reports of a batch (and a reference set).

1. Every paragraph (indicator cells excepted: they are the form's own wording) is masked
   (names and figures as placeholders, see :mod:`.prepare`) and cut into units of whole
   sentences; each unit gets a MinHash signature of its character shingles.
2. Shingles found in a large share of all reports are boilerplate; they and mandated
   wording are left out of the signatures, so a template heading or a stock sentence
   never makes two reports collide.
3. MinHash-LSH (numpy, :mod:`.minhash`) proposes candidate paragraph pairs from different reports;
   nothing is compared all against all.
4. Each candidate pair is aligned character by character (difflib on the two masked
   paragraphs only); matching blocks separated by small gaps form a span, and a span that
   shares ``min_shared`` characters besides boilerplate and mandated wording is a copy.

Who is at fault: the same organisation in a later year repeats its earlier report
(REPEATED_FROM_EARLIER_YEAR, on the later report). Another organisation's text is
COPIED_FROM_OTHER_REPORT: on the later report when the years differ, on both when they
are the same or unknown (who copied whom cannot be told). Reference reports get no
findings; they are only compared against. Two reports of one organisation and one year
(a department's report and a project's report) may share their own text, and are not
compared.

Everything here is pure: reports in, results out, in an order that does not depend on
the order the engine finished the reports in.
"""
from __future__ import annotations

import functools
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Iterable

import numpy as np

from nlp_pipeline.crossdoc.minhash import LSH, signature
from nlp_pipeline.crossdoc.prepare import FIGURE, NAME, Masker, Prepared, prepare_paragraph
from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.model import Evidence, Finding, Paragraph, Report
from nlp_pipeline.text.normalize import normalize

COPIED = "COPIED_FROM_OTHER_REPORT"
REPEATED = "REPEATED_FROM_EARLIER_YEAR"
CODES = (COPIED, REPEATED)

# the masking rules and shingle hashing: an index file written under another version is
# prepared again from its texts
MASK_VERSION = 1

SKIP_KINDS = ("indicator",)  # indicator names and results: the form's wording, or one cell


def load_params(overrides: dict | None = None) -> dict:
    """The parameters of lexicons/crossdoc.yaml, with ``overrides`` on top."""
    params = dict(load_yaml("crossdoc.yaml"))
    params.update(overrides or {})
    return params


def _stock_phrases() -> list[str]:
    data = load_yaml("detect_boilerplate.yaml") or {}
    return list(data.get("phrases") or [])


# --- results --------------------------------------------------------------------------


@dataclass
class SpanPair:
    """One copied span: this report's side (offsets into its Report.text) and the other's
    (offsets into the other report's text)."""

    paragraph: str
    section: str
    start: int
    end: int
    quote: str
    other_paragraph: str
    other_section: str
    other_start: int
    other_end: int
    other_quote: str
    shared_chars: int  # matched characters besides boilerplate and mandated wording
    differs: str  # verbatim, names, figures, names_figures, wording

    # the two quotes cut into pieces, each [changed, text]: what the HTML marks. Made when
    # asked for (the index page), not kept: on a batch where many reports share text they
    # were the larger part of the driver's memory
    @property
    def diff(self) -> list[list]:
        return [list(x) for x in _diff(self.quote, self.other_quote)[0]]

    @property
    def other_diff(self) -> list[list]:
        return [list(x) for x in _diff(self.quote, self.other_quote)[1]]


@dataclass
class CopyPair:
    """All the text one report shares with one other report, seen from the first."""

    report: str
    other: str
    code: str  # COPIED_FROM_OTHER_REPORT or REPEATED_FROM_EARLIER_YEAR
    organisation: str | None
    other_organisation: str | None
    year: int | None
    other_year: int | None
    other_origin: str  # batch or reference
    shared_chars: int  # characters of this report inside the copied spans
    share: float  # of this report's compared characters
    differs: str
    spans: list[SpanPair] = field(default_factory=list)


@dataclass
class CopyStats:
    """Per batch report: the columns of reports.csv."""

    copied_share: float = 0.0  # in spans copied from other organisations
    repeated_share: float = 0.0  # in spans repeated from the same organisation's earlier year
    boilerplate_share: float | None = None  # boilerplate and mandated wording
    yoy_similarity: float | None = None  # None where no earlier report of the organisation
    yoy_report: str | None = None  # the earlier report compared
    n_copy_partners: int = 0


@dataclass
class CopyResult:
    stats: dict[str, CopyStats]
    findings: dict[str, list[Finding]]
    pairs: list[CopyPair]
    groups: list[list[str]]  # reports connected by shared text, batch order
    n_candidates: int = 0  # candidate paragraph pairs aligned
    n_reports: int = 0
    n_reference: int = 0


# --- the collector --------------------------------------------------------------------


@dataclass
class _Doc:
    id: str
    organisation: str | None
    year: int | None
    origin: str
    source: str
    paras: list[Prepared]
    shingles: np.ndarray  # the report's distinct shingle hashes, sorted
    base_sigs: dict[tuple[int, int], np.ndarray] = field(default_factory=dict)
    org_key: str | None = None  # the organisation as compared: one name, one unit

    def __post_init__(self) -> None:
        self.org_key = normalize(self.organisation).strip() if self.organisation else None

    @property
    def content_chars(self) -> int:
        return int(sum(int(p.weights.sum()) for p in self.paras))


class CopyDetector:
    """Collects reports one at a time (memory: their compared paragraphs, not the whole
    analysis), then finds the copies among them in :meth:`run`.

        det = CopyDetector()
        for rid, report in batch: det.add(rid, report)
        det.add_index_rows(rows_of_last_years_index)     # optional reference set
        result = det.run()
    """

    def __init__(self, params: dict | None = None):
        self.params = load_params(params)
        self.masker = Masker.from_params(self.params, _stock_phrases())
        self.docs: list[_Doc] = []
        self._ids: set[tuple[str, str]] = set()

    # -- input --

    def add(self, rid: str, report: Report, origin: str = "batch") -> None:
        own = self.masker.own_names(report.organisation)
        paras = []
        for p in report.paragraphs():
            if p.kind in SKIP_KINDS or not p.text.strip():
                continue
            prep = prepare_paragraph(p, report.text[p.start : p.end], self.masker, own, self.params)
            if prep.masked:
                paras.append(prep)
        self._add_doc(rid, report.organisation, report.year, origin, report.source, paras)

    def _add_doc(self, rid, organisation, year, origin, source, paras) -> _Doc:
        if (origin, rid) in self._ids:
            raise ValueError(f"report id {rid!r} added twice")
        self._ids.add((origin, rid))
        hs = [p.hashes for p in paras if len(p.hashes)]
        shingles = np.unique(np.concatenate(hs)) if hs else np.zeros(0, dtype=np.uint32)
        doc = _Doc(rid, organisation, year, origin, source, paras, shingles)
        self.docs.append(doc)
        return doc

    def add_index_rows(self, rows: Iterable[dict]) -> int:
        """Reference reports from the rows of an index file a previous batch wrote
        (:meth:`index_rows`); returns how many reports. Stored signatures are reused
        where the parameters that made them are the same as now."""
        by_report: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            by_report[str(r["report_id"])].append(r)
        same = None
        for rid, rs in by_report.items():
            first = rs[0]
            if same is None:
                same = first.get("params") == self._sig_params()
            org = first.get("organisation") or None
            year = first.get("year")
            year = None if year is None or (isinstance(year, float) and math.isnan(year)) else int(year)
            own = self.masker.own_names(org)
            paras, sigs = [], {}
            for r in sorted(rs, key=lambda r: int(r["start"])):
                para = Paragraph(
                    id=r["paragraph"], section=r["section"], kind=r.get("kind") or "", number=None,
                    text=r["text"], start=int(r["start"]), end=int(r["end"]),
                    segments=[tuple(s) for s in json.loads(r.get("segments") or "[]")],
                )
                prep = prepare_paragraph(para, r.get("raw") or r["text"], self.masker, own, self.params)
                if not prep.masked:
                    continue
                blob = r.get("signatures")
                if same and blob:
                    arr = np.frombuffer(bytes(blob), dtype="<u4").reshape(-1, int(self.params["num_perm"]))
                    stored_units = [tuple(u) for u in json.loads(r.get("units") or "[]")]
                    if stored_units == prep.units and len(arr) == len(stored_units):
                        for u in range(len(stored_units)):
                            if arr[u].any():
                                sigs[(len(paras), u)] = arr[u].astype(np.uint32)
                paras.append(prep)
            doc = self._add_doc(rid, org, year, "reference", first.get("source") or rid, paras)
            doc.base_sigs.update(sigs)
        return len(by_report)

    def _sig_params(self) -> str:
        p = self.params
        return f"mask{MASK_VERSION}/k{p['shingle']}/perm{p['num_perm']}/seed{p['seed']}/unit{p['unit_min_chars']}"

    # -- output: the index a later batch can compare against --

    def index_rows(self) -> list[dict]:
        """One row per compared paragraph of the batch reports: what a later batch needs
        to compare against them without reading them again (the texts, the offsets into
        each report's text, and the MinHash signature of each unit). Call after
        :meth:`run`."""
        rows = []
        k = int(self.params["num_perm"])
        for doc in self.docs:
            if doc.origin != "batch":
                continue
            for pi, p in enumerate(doc.paras):
                sig = np.zeros((len(p.units), k), dtype="<u4")
                for u in range(len(p.units)):
                    s = doc.base_sigs.get((pi, u))
                    if s is not None:
                        sig[u] = s
                rows.append({
                    "report_id": doc.id, "organisation": doc.organisation, "year": doc.year,
                    "source": doc.source, "paragraph": p.para.id, "section": p.para.section,
                    "kind": p.para.kind, "start": p.para.start, "end": p.para.end, "text": p.para.text,
                    "raw": p.raw, "segments": json.dumps([list(s) for s in p.para.segments]),
                    "units": json.dumps([list(u) for u in p.units]), "signatures": sig.tobytes(),
                    "params": self._sig_params(),
                })  # fmt: skip
        return rows

    # -- the work --

    def _minhash(self, values: np.ndarray) -> np.ndarray:
        # numpy, the same signatures as datasketch's affine32 MinHash (see .minhash)
        return signature(values, int(self.params["num_perm"]), int(self.params["seed"]))

    def _boilerplate(self) -> np.ndarray:
        n = len(self.docs)
        need = max(int(self.params["boilerplate_min_reports"]), math.ceil(float(self.params["boilerplate_share"]) * n))
        if n < int(self.params["boilerplate_min_reports"]) or not n:
            return np.zeros(0, dtype=np.uint32)
        allh = np.concatenate([d.shingles for d in self.docs])
        vals, counts = np.unique(allh, return_counts=True)
        return vals[counts >= need]

    def run(self) -> CopyResult:
        P = self.params
        k = int(P["shingle"])
        # reports arrive in the order the engine finishes them: every result below
        # follows this order instead
        self.docs.sort(key=lambda d: (d.origin != "batch", d.id))
        bset = self._boilerplate()
        for doc in self.docs:
            for p in doc.paras:
                hit = _member(p.hashes, bset)
                p.generic = p.mandated | _cover(hit, len(p.masked), k)

        # signatures per unit, and the LSH index over all of them
        lsh = LSH(threshold=float(P["lsh_threshold"]), num_perm=int(P["num_perm"]))
        keys: list[tuple[int, int]] = []
        query: list[tuple[int, np.ndarray]] = []
        for di, doc in enumerate(self.docs):
            for pi, p in enumerate(doc.paras):
                base_ok = _clean_starts(p.mandated, len(p.hashes), k)
                now_ok = _clean_starts(p.generic, len(p.hashes), k)
                for ui, (a, b) in enumerate(p.units):
                    base = _in_unit(base_ok, a, b, k)
                    now = _in_unit(now_ok, a, b, k)
                    if len(np.unique(p.hashes[now])) < int(P["min_unit_shingles"]):
                        continue
                    sig = doc.base_sigs.get((pi, ui))
                    if sig is None and base.any():
                        sig = self._minhash(np.unique(p.hashes[base]))
                        doc.base_sigs[(pi, ui)] = sig
                    if not np.array_equal(base, now):
                        sig = self._minhash(np.unique(p.hashes[now]))
                    key = len(keys)
                    keys.append((di, pi))
                    lsh.insert(key, sig)
                    if doc.origin == "batch":
                        query.append((key, sig))

        candidates: set[tuple[tuple[int, int], tuple[int, int]]] = set()
        for key, lm in query:
            di, pi = keys[key]
            for other in lsh.query(lm):
                dj, pj = keys[other]
                if dj == di or not self._compared(self.docs[di], self.docs[dj]):
                    continue
                candidates.add(((di, pi), (dj, pj)) if (di, pi) < (dj, pj) else ((dj, pj), (di, pi)))

        spans: dict[tuple[int, int], list[tuple]] = defaultdict(list)
        for (di, pi), (dj, pj) in sorted(candidates):
            for run in self._align(self.docs[di].paras[pi], self.docs[dj].paras[pj]):
                spans[(di, dj)].append((pi, pj, *run))
        return self._results(spans, len(candidates))

    @staticmethod
    def _compared(a: _Doc, b: _Doc) -> bool:
        if a.origin == "reference" and b.origin == "reference":
            return False
        if a.org_key and a.org_key == b.org_key and (a.year is None or b.year is None or a.year == b.year):
            return False
        return True

    def _align(self, A: Prepared, B: Prepared) -> list[tuple]:
        """Copied spans of a paragraph pair: ``(a0, a1, b0, b1, shared, differs)`` in
        masked positions."""
        P = self.params
        every = [b for b in SequenceMatcher(None, A.masked, B.masked, autojunk=False).get_matching_blocks() if b.size]
        blocks = [b for b in every if b.size >= int(P["min_block"])]
        runs: list[list] = []
        gap = int(P["max_gap"])

        def near(x, y) -> bool:  # block y follows block x closely on both sides
            da, db = y.a - (x.a + x.size), y.b - (x.b + x.size)
            return 0 <= da <= gap and 0 <= db <= gap

        for blk in blocks:
            if runs and near(runs[-1][-1], blk):
                runs[-1].append(blk)
                continue
            runs.append([blk])
        out = []
        edge = int(P["edge_block"])
        for run in runs:
            # a copy's first or last words next to a changed word are still the copy's:
            # short blocks close to the run's ends extend it
            k = every.index(run[0])
            while k > 0 and every[k - 1].size >= edge and near(every[k - 1], run[0]):
                k -= 1
                run.insert(0, every[k])
            k = every.index(run[-1])
            while k + 1 < len(every) and every[k + 1].size >= edge and near(run[-1], every[k + 1]):
                k += 1
                run.append(every[k])
            shared = 0
            for blk in run:
                # the words tell a copy: a name or figure placeholder matches any name or
                # figure, so a list of scores in the form's wording (预算执行指标10分，得9.7分；…)
                # shares placeholders with every other report and is no copy
                ga = A.generic[blk.a : blk.a + blk.size] | A.placeholder[blk.a : blk.a + blk.size]
                gb = B.generic[blk.b : blk.b + blk.size]
                shared += int(np.count_nonzero(~(ga | gb)))
            if shared < int(P["min_shared"]):
                continue
            a0, b0 = run[0].a, run[0].b
            a1, b1 = run[-1].a + run[-1].size, run[-1].b + run[-1].size
            out.append((a0, a1, b0, b1, shared, _differs(A, B, run)))
        return out

    def _results(self, spans: dict, n_candidates: int) -> CopyResult:
        docs = self.docs
        batch = [d for d in docs if d.origin == "batch"]
        stats = {d.id: CopyStats() for d in batch}
        findings: dict[str, list[Finding]] = {d.id: [] for d in batch}
        pairs: list[CopyPair] = []
        covered: dict[tuple[str, str], dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        partners: dict[str, set[str]] = defaultdict(set)
        for (di, dj) in sorted(spans):
            a, b = docs[di], docs[dj]
            for this, other, flip in ((a, b, False), (b, a, True)):
                code = _blame(this, other)
                if code is None:
                    continue
                sp = [(s[1], s[0], s[4], s[5], s[2], s[3], s[6], s[7]) if flip else s for s in spans[(di, dj)]]
                pair = self._pair(this, other, code, sp)
                pairs.append(pair)
                partners[this.id].add(other.id)
                for pi, _pj, a0, a1, *_ in sp:
                    covered[(this.id, code)][pi].append((a0, a1))
                findings[this.id].append(_finding(pair, self.params))
        by_id = {d.id: d for d in batch}
        for (rid, code), per_para in covered.items():
            doc = by_id[rid]
            chars = 0
            for pi, ivs in per_para.items():
                mask = np.zeros(len(doc.paras[pi].masked), dtype=bool)
                for s, e in ivs:
                    mask[s:e] = True
                chars += int(doc.paras[pi].weights[mask].sum())
            share = _share(chars, doc.content_chars)
            if code == COPIED:
                stats[rid].copied_share = share
            else:
                stats[rid].repeated_share = share
        by_org: dict[str, list[_Doc]] = defaultdict(list)
        for d in docs:
            if d.org_key:
                by_org[d.org_key].append(d)
        for doc in batch:
            st = stats[doc.id]
            st.n_copy_partners = len(partners.get(doc.id, ()))
            total = doc.content_chars
            if total:
                st.boilerplate_share = _share(sum(int(p.weights[p.generic].sum()) for p in doc.paras), total)
            earlier = self._earlier(doc, by_org)
            if earlier is not None and total:
                st.yoy_report = earlier.id
                st.yoy_similarity = _share(self._covered_by(doc, earlier.shingles), total)
        for rid in findings:
            findings[rid].sort(key=lambda f: (-f.values["share"], f.values["other_report"]))
        return CopyResult(stats, findings, pairs, self._groups(pairs), n_candidates,
                          len(batch), len(docs) - len(batch))  # fmt: skip

    def _pair(self, this: _Doc, other: _Doc, code: str, sp: list[tuple]) -> CopyPair:
        out = []
        chars_mask: dict[int, np.ndarray] = {}
        for pi, pj, a0, a1, b0, b1, shared, differs in sorted(sp, key=lambda s: (this.paras[s[0]].para.start, s[2])):
            A, B = this.paras[pi], other.paras[pj]
            s, e = A.report_span(a0, a1)
            os_, oe = B.report_span(b0, b1)
            q, oq = A.quote(s, e), B.quote(os_, oe)
            out.append(SpanPair(A.para.id, A.para.section, s, e, q, B.para.id, B.para.section, os_, oe, oq,
                                shared, differs))  # fmt: skip
            m = chars_mask.setdefault(pi, np.zeros(len(A.masked), dtype=bool))
            m[a0:a1] = True
        chars = sum(int(this.paras[pi].weights[m].sum()) for pi, m in chars_mask.items())
        kinds = {s.differs for s in out}
        return CopyPair(this.id, other.id, code, this.organisation, other.organisation, this.year, other.year,
                        other.origin, chars, _share(chars, this.content_chars), _merge_differs(kinds), out)  # fmt: skip

    def _earlier(self, doc: _Doc, by_org: dict[str, list[_Doc]]) -> _Doc | None:
        """The latest report of the same organisation from an earlier year."""
        if not doc.org_key or doc.year is None:
            return None
        best = None
        for d in by_org.get(doc.org_key, ()):
            if d is doc or d.year is None or d.year >= doc.year:
                continue
            if best is None or d.year > best.year:
                best = d
        return best

    def _covered_by(self, doc: _Doc, shingles: np.ndarray) -> int:
        k = int(self.params["shingle"])
        chars = 0
        for p in doc.paras:
            if not len(p.hashes):
                continue
            mask = _cover(_member(p.hashes, shingles), len(p.masked), k)
            chars += int(p.weights[mask].sum())
        return chars

    def _groups(self, pairs: list[CopyPair]) -> list[list[str]]:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for p in pairs:
            ra, rb = find(p.report), find(p.other)
            if ra != rb:
                parent[rb] = ra
        order = {d.id: i for i, d in enumerate(self.docs)}
        groups: dict[str, list[str]] = defaultdict(list)
        for x in parent:
            groups[find(x)].append(x)
        out = [sorted(g, key=lambda x: (order.get(x, 1 << 30), x)) for g in groups.values() if len(g) > 1]
        return sorted(out, key=lambda g: (-len(g), order.get(g[0], 1 << 30)))


def find_copies(reports: Iterable[tuple[str, Report]], reference: Iterable[tuple[str, Report]] = (),
                params: dict | None = None) -> CopyResult:  # fmt: skip
    """Copies among ``(id, report)`` pairs, and from them to a reference set."""
    det = CopyDetector(params)
    for rid, r in reports:
        det.add(rid, r)
    for rid, r in reference:
        det.add(rid, r, origin="reference")
    return det.run()


# --- helpers --------------------------------------------------------------------------


def _member(x: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """``x`` in ``sorted_values`` (sorted, distinct), by binary search: O(len(x) log m)
    per paragraph, where np.isin would sort the whole boilerplate set each time."""
    if not len(sorted_values) or not len(x):
        return np.zeros(len(x), dtype=bool)
    idx = np.minimum(np.searchsorted(sorted_values, x), len(sorted_values) - 1)
    return sorted_values[idx] == x


def _cover(hit_starts: np.ndarray, n: int, k: int) -> np.ndarray:
    """Characters covered by a shingle whose start is flagged."""
    if not len(hit_starts) or not hit_starts.any():
        return np.zeros(n, dtype=bool)
    delta = np.zeros(n + 1, dtype=np.int32)
    idx = np.flatnonzero(hit_starts)
    np.add.at(delta, idx, 1)
    np.add.at(delta, np.minimum(idx + k, n), -1)
    return np.cumsum(delta[:n]) > 0


def _clean_starts(generic: np.ndarray, n_shingles: int, k: int) -> np.ndarray:
    """Per shingle start: the shingle touches no generic character."""
    if n_shingles <= 0:
        return np.zeros(0, dtype=bool)
    g = np.concatenate([[0], np.cumsum(generic, dtype=np.int32)])
    return (g[k : k + n_shingles] - g[:n_shingles]) == 0


def _in_unit(clean: np.ndarray, a: int, b: int, k: int) -> np.ndarray:
    """The clean shingle starts whose shingle lies inside masked range [a, b)."""
    out = np.zeros(len(clean), dtype=bool)
    last = min(b - k + 1, len(clean))
    if last > a:
        out[a:last] = clean[a:last]
    return out


def _share(chars: int, total: int) -> float:
    return round(chars / total, 4) if total else 0.0


def _differs(A: Prepared, B: Prepared, run: list) -> str:
    """What differs inside a copied span: the words, or only names and/or figures."""
    names = figures = wording = False
    ta, tb = normalize(A.para.text), normalize(B.para.text)
    for x, y in zip(run, run[1:]):
        if x.a + x.size != y.a or x.b + x.size != y.b:
            wording = True
    for blk in run:
        for off in range(blk.size):
            ia, ib = blk.a + off, blk.b + off
            ch = A.masked[ia]
            if ch not in (NAME, FIGURE):
                continue
            if ta[A.starts[ia] : A.ends[ia]] != tb[B.starts[ib] : B.ends[ib]]:
                if ch == NAME:
                    names = True
                else:
                    figures = True
    if wording:
        return "wording"
    if names and figures:
        return "names_figures"
    return "names" if names else "figures" if figures else "verbatim"


def _merge_differs(kinds: set[str]) -> str:
    if "wording" in kinds:
        return "wording"
    names = bool(kinds & {"names", "names_figures"})
    figures = bool(kinds & {"figures", "names_figures"})
    if names and figures:
        return "names_figures"
    return "names" if names else "figures" if figures else "verbatim"


@functools.lru_cache(maxsize=64)
def _diff(a: str, b: str) -> tuple[tuple[tuple[bool, str], ...], tuple[tuple[bool, str], ...]]:
    """The two quotes cut into (changed, text) pieces (memoised for the two sides of a
    span, which ask one after the other)."""
    da: list[tuple[bool, str]] = []
    db: list[tuple[bool, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        same = tag == "equal"
        if i2 > i1:
            da.append((not same, a[i1:i2]))
        if j2 > j1:
            db.append((not same, b[j1:j2]))
    return tuple(da), tuple(db)


def _blame(this: _Doc, other: _Doc) -> str | None:
    """The finding ``this`` gets for sharing text with ``other``, or None."""
    if this.origin != "batch":
        return None
    if this.org_key and this.org_key == other.org_key:
        return REPEATED if (this.year is not None and other.year is not None and this.year > other.year) else None
    if this.year is not None and other.year is not None and this.year < other.year:
        return None  # the later report took it from this one
    return COPIED


DIFFERS_TEXT = {
    "verbatim": ("文字完全相同", "word for word"),
    "names": ("仅单位或地名不同", "only the names differ"),
    "figures": ("仅数字不同", "only the figures differ"),
    "names_figures": ("仅单位或地名和数字不同", "only the names and figures differ"),
    "wording": ("措辞有改动", "with some wording changed"),
}


def _severity(share: float, params: dict) -> str:
    sev = params.get("severity") or {}
    if share >= float(sev.get("high", 0.3)):
        return "high"
    if share >= float(sev.get("medium", 0.1)):
        return "medium"
    return "low"


def _finding(pair: CopyPair, params: dict) -> Finding:
    zh_d, en_d = DIFFERS_TEXT[pair.differs]
    n = len(pair.spans)
    pct = f"{pair.share * 100:.0f}%"
    if pair.code == REPEATED:
        msg = (f"与本单位{pair.other_year}年的报告（{pair.other}）有{n}处文字相同，共{pair.shared_chars}字，"
               f"占本报告的{pct}（{zh_d}）：照搬往年报告。")
        msg_en = (f"{n} passage(s), {pair.shared_chars} characters ({pct} of this report), repeat the unit's "
                  f"{pair.other_year} report ({pair.other}), {en_d}.")
    else:
        who = pair.other_organisation or pair.other
        msg = (f"与{who}的报告（{pair.other}）有{n}处文字相同，共{pair.shared_chars}字，占本报告的{pct}"
               f"（{zh_d}）：照搬其他单位报告。")
        msg_en = (f"{n} passage(s), {pair.shared_chars} characters ({pct} of this report), are the text of "
                  f"another unit's report ({who}, {pair.other}), {en_d}.")
    evidence = [Evidence(s.section, s.paragraph, s.start, s.end, s.quote) for s in pair.spans]
    values: dict[str, Any] = {
        "other_report": pair.other,
        "other_organisation": pair.other_organisation,
        "other_year": pair.other_year,
        "other_origin": pair.other_origin,
        "shared_chars": pair.shared_chars,
        "share": pair.share,
        "differs": pair.differs,
        "other_spans": [
            {"paragraph": s.other_paragraph, "section": s.other_section, "start": s.other_start,
             "end": s.other_end, "quote": s.other_quote, "differs": s.differs}  # fmt: skip
            for s in pair.spans
        ],
    }
    return Finding(pair.code, _severity(pair.share, params), msg, msg_en, evidence, values)
