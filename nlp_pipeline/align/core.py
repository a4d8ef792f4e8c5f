"""Align sources (outcomes, tasks, problems) with targets (goals, measures).

Scores are standardised per alignment: a similarity matrix (sources x targets) becomes
``(sim - mean) / std`` over its cells, so 0 is this report's average pair and the unit is
one standard deviation. This makes the lexical cosine (small, length-dependent numbers)
and the cosine of any encoder (each with its own baseline) comparable, and lets the
no-match thresholds hold across encoders and report lengths. The fused score is
``w * dense_z + (1 - w) * lexical_z``.

Dense encoding is spent only where it can change the answer: the lexical decision is
taken first, and only sources whose lexical choice is close (small margin, or a best score
near the no-match threshold) and the likeliest sources of goals whose coverage is close
are encoded, together with the targets (shared by three alignments, and cached).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from nlp_pipeline.align.config import AlignConfig, Thresholds
from nlp_pipeline.align.texts import lexical_text, remove_pasted_siblings, section_items
from nlp_pipeline.model import AlignedPair, Alignment, Report
from nlp_pipeline.text.numbers import close_unit_gaps

# name -> (source section, target section, threshold family)
ALIGNMENTS: dict[str, tuple[str, str, str]] = {
    "outcomes_to_goals": ("O", "G", "goals"),
    "performance_to_goals": ("P", "G", "goals"),
    "tasks_to_goals": ("T", "G", "goals"),
    "problems_to_improvements": ("Q", "I", "measures"),
}
MODES = ("fused", "lexical", "dense")


_WHITE_SPACES = re.compile(r"\s\s+")


def _char_ngrams(doc: str, lo: int, hi: int) -> list[str]:
    """Character n-grams as scikit-learn's ``analyzer="char"`` makes them: lower case,
    runs of two or more white spaces made one space, no padding."""
    doc = _WHITE_SPACES.sub(" ", doc.lower())
    n_chars = len(doc)
    grams: list[str] = []
    if lo == 1:
        grams = list(doc)
        lo = 2
    for n in range(lo, min(hi + 1, n_chars + 1)):
        grams.extend(doc[i: i + n] for i in range(n_chars - n + 1))
    return grams


def lexical_matrix(src: list[str], tgt: list[str], cfg: AlignConfig) -> np.ndarray:
    """Cosine of TF-IDF vectors over character n-grams, fitted on these paragraphs only.

    The weights are scikit-learn's TfidfVectorizer (smooth idf, optional sublinear tf,
    l2 rows), computed here with numpy alone: importing scikit-learn took over a second
    of every cold start, and only the columns a source and a target share are needed
    for the products (norms come from every column)."""
    docs = [lexical_text(t, cfg.stop_lexicon) for t in src + tgt]
    if not any(d.strip() for d in docs):
        return np.zeros((len(src), len(tgt)))
    lo, hi = (int(v) for v in cfg.ngram_range)
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    for d, doc in enumerate(docs):
        for gram, k in Counter(_char_ngrams(doc, lo, hi)).items():
            rows.append(d)
            cols.append(vocab.setdefault(gram, len(vocab)))
            counts.append(k)
    if not vocab:
        return np.zeros((len(src), len(tgt)))
    n_docs, ns = len(docs), len(src)
    r = np.asarray(rows, dtype=np.intp)
    c = np.asarray(cols, dtype=np.intp)
    tf = np.asarray(counts, dtype=np.float64)
    if cfg.sublinear_tf:
        tf = np.log(tf) + 1.0
    df = np.bincount(c, minlength=len(vocab)).astype(np.float64)
    idf = np.log((n_docs + 1) / (df + 1)) + 1.0
    w = tf * idf[c]
    norms = np.sqrt(np.bincount(r, weights=w * w, minlength=n_docs))
    w /= norms[r]
    in_src = r < ns
    shared = np.intersect1d(c[in_src], c[~in_src])
    if shared.size == 0:
        return np.zeros((len(src), len(tgt)))
    col_of = np.full(len(vocab), -1, dtype=np.intp)
    col_of[shared] = np.arange(shared.size)
    keep = col_of[c] >= 0
    x = np.zeros((n_docs, shared.size))
    x[r[keep], col_of[c[keep]]] = w[keep]
    return x[:ns] @ x[ns:].T


def standardize(m: np.ndarray, mask: np.ndarray | None = None, *,
                prior: tuple[float, float] | None = None, min_cells: int = 0) -> np.ndarray:
    """(m - mean) / std over the cells in ``mask`` (all cells by default).

    With fewer than ``min_cells`` cells (one goal and one outcome, say) their statistics
    mean nothing, and ``prior`` (mean, std) is used instead when given.
    """
    vals = m[mask] if mask is not None else m.ravel()
    if prior is not None and vals.size < min_cells:
        mean, sd = prior
        return (m - mean) / sd
    if vals.size == 0:
        return np.zeros_like(m, dtype=float)
    sd = float(vals.std())
    if sd < 1e-9:
        return np.zeros_like(m, dtype=float)
    return (m - float(vals.mean())) / sd


def hub_penalty(f: np.ndarray, k: int, weight: float) -> np.ndarray:
    """Per-target penalty for "hub" targets: long, catch-all goals that are close to every
    source. A target's penalty is ``weight`` times how far the mean of its ``k`` best
    sources lies above that mean averaged over all targets (the CSLS idea of Conneau et
    al. 2018, applied to the target side)."""
    if weight == 0 or f.size == 0:
        return np.zeros(f.shape[1] if f.ndim == 2 else 0)
    kk = max(1, min(k, f.shape[0]))
    hub = np.sort(f, axis=0)[-kk:, :].mean(axis=0)
    return weight * (hub - hub.mean())


def hub_correct(f: np.ndarray, k: int, weight: float) -> np.ndarray:
    return f - hub_penalty(f, k, weight)[None, :]


def decide(f: np.ndarray, th: Thresholds) -> tuple[list[int | None], list[bool]]:
    """Best target per source (None under the source threshold), and which targets are
    reported on: chosen by a source, or scored at least ``th.cover`` by some source."""
    n_src, n_tgt = f.shape
    choice: list[int | None] = []
    covered = [False] * n_tgt
    for i in range(n_src):
        j = int(np.argmax(f[i]))
        if f[i, j] >= th.source:
            choice.append(j)
            covered[j] = True
        else:
            choice.append(None)
    if n_src:
        best = f.max(axis=0)
        for j in range(n_tgt):
            if best[j] >= th.cover:
                covered[j] = True
    return choice, covered


MIN_REFERENCE_PAIRS = 10


def _standardize_dense(dense: np.ndarray, e_tgt: np.ndarray, cfg: AlignConfig) -> np.ndarray:
    """Standardise encoder cosines against the cosines between the targets themselves.

    Two goals of one report are (nearly always) about different things, so their cosines
    show what "unrelated" looks like for this encoder on this report. The reference does
    not depend on which sources were encoded, so the selective default and the fully
    encoded dense mode give the same score to the same pair. With too few targets for a
    reference, the encoded cells themselves are used, and with too few of those the
    prior of the bundled encoder (an approximation for other encoders).
    """
    n = e_tgt.shape[0]
    ref = None
    if n * (n - 1) // 2 >= MIN_REFERENCE_PAIRS:
        sim = e_tgt @ e_tgt.T
        ref = sim[np.triu_indices(n, 1)]
    if ref is None or float(ref.std()) < 1e-9:
        ref = dense[~np.isnan(dense)]
    if ref.size < cfg.min_cells or float(ref.std()) < 1e-9:
        mean, sd = cfg.dense_prior
        return (np.nan_to_num(dense) - mean) / sd
    return (np.nan_to_num(dense) - float(ref.mean())) / float(ref.std())


MIN_FIT_CELLS = 6  # cells a line is fitted on; fewer (one encoded row of three) decide nothing


def _fit_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of y ~ x; the identity when x does not vary, when too few cells
    were encoded to fit a line, or when the fit runs backwards (a lexical match made a
    mismatch: one ambiguous row of three gave slope -11 and sank every clear pair)."""
    if x.size < MIN_FIT_CELLS or float(x.std()) < 1e-9:
        return 1.0, 0.0
    a, b = np.polyfit(x, y, 1)
    if a <= 0:
        return 1.0, 0.0
    return float(a), float(b)


def _close_rows(z: np.ndarray, th: Thresholds, cfg: AlignConfig) -> set[int]:
    """Sources whose lexical decision the encoder could change, and the likeliest
    sources of targets whose coverage is close to the threshold."""
    rows: set[int] = set()
    n_src, n_tgt = z.shape
    choice, covered = decide(z, th)
    for i in range(n_src):
        order = np.argsort(-z[i])
        best = z[i, order[0]]
        margin = best - z[i, order[1]] if n_tgt > 1 else best
        if margin < cfg.close_margin or abs(best - th.source) < cfg.close_band:
            rows.add(i)
    chosen = {c for c in choice if c is not None}
    for j in range(n_tgt):
        if j in chosen:
            continue
        col = z[:, j]
        if abs(col.max() - th.cover) < cfg.close_band or not covered[j]:
            rows.update(int(i) for i in np.argsort(-col)[: cfg.close_top_k])
    return rows


@dataclass
class Scores:
    """The matrices behind one alignment (sources x targets)."""

    lexical: np.ndarray  # raw TF-IDF cosine
    dense: np.ndarray  # raw encoder cosine, NaN where not encoded
    fused: np.ndarray  # standardised final score the decisions are taken on
    mode: str  # the mode actually used ("lexical" when no encoder was given)


def score_sections(s_texts: list[str], t_texts: list[str], *, family: str, mode: str,
                   encoder, cfg: AlignConfig) -> Scores:
    """Similarity matrices for two lists of texts; see the module docstring."""
    s_texts = remove_pasted_siblings(list(s_texts), cfg.pasted_min_share)
    t_texts = remove_pasted_siblings(list(t_texts), cfg.pasted_min_share)
    lex = lexical_matrix(s_texts, t_texts, cfg)
    z_lex = standardize(lex, prior=cfg.lexical_prior, min_cells=cfg.min_cells)
    dense = np.full(lex.shape, np.nan)
    eff_mode = "lexical" if (mode == "lexical" or encoder is None) else mode
    fused = z_lex.copy()
    if eff_mode != "lexical":
        if eff_mode == "dense":
            rows = set(range(len(s_texts)))
        else:
            rows = _close_rows(z_lex, cfg.threshold("lexical", family), cfg)
        if rows:
            idx = sorted(rows)
            e_src = encoder.encode([s_texts[i] for i in idx])
            e_tgt = encoder.encode(list(t_texts))
            dense[idx, :] = e_src @ e_tgt.T
            z_dense = _standardize_dense(dense, e_tgt, cfg)
            if eff_mode == "dense":
                fused = z_dense
            else:
                w = cfg.dense_weight
                fused[idx, :] = w * z_dense[idx, :] + (1 - w) * z_lex[idx, :]
                rest = [i for i in range(len(s_texts)) if i not in rows]
                if rest:
                    # rows left lexical get the fused score predicted from their lexical
                    # score (least squares on the encoded rows), so that both kinds of row
                    # share one scale
                    a, b = _fit_line(z_lex[idx, :].ravel(), fused[idx, :].ravel())
                    fused[rest, :] = a * z_lex[rest, :] + b
    # the hub term of the fused mode is measured on the lexical matrix, which is complete,
    # so that it does not depend on which rows the selective default encoded
    hub_base = fused if eff_mode == "dense" else z_lex
    fused = fused - hub_penalty(hub_base, cfg.hub_k, cfg.hub(eff_mode))[None, :]
    return Scores(lex, dense, fused, eff_mode)


def align_sections(src: list[tuple[str, str]], tgt: list[tuple[str, str]], *, name: str,
                   source_section: str, target_section: str, family: str, mode: str,
                   encoder, cfg: AlignConfig) -> Alignment:
    """Align two lists of (id, text); see the module docstring for the scores."""
    al = Alignment(name=name, source_section=source_section, target_section=target_section)
    if not src or not tgt:
        return al
    s_ids, s_texts = zip(*src)
    t_ids, t_texts = zip(*tgt)
    # 「25 个」 in one paragraph and 「25个」 in the other are the same words
    s_texts = tuple(close_unit_gaps(t) for t in s_texts)
    t_texts = tuple(close_unit_gaps(t) for t in t_texts)
    sc = score_sections(list(s_texts), list(t_texts), family=family, mode=mode,
                        encoder=encoder, cfg=cfg)
    fused, lex, dense = sc.fused, sc.lexical, sc.dense
    choice, covered = decide(fused, cfg.threshold(sc.mode, family))
    for i, sid in enumerate(s_ids):
        order = np.argsort(-fused[i])
        top = int(order[0])
        nxt = float(fused[i, order[1]]) if len(order) > 1 else 0.0
        j = choice[i]
        al.pairs.append(AlignedPair(
            source=sid,
            target=t_ids[j] if j is not None else None,
            score=round(float(fused[i, top]), 4),
            margin=round(float(fused[i, top]) - nxt, 4),
            lexical=round(float(lex[i, top]), 4),
            dense=None if np.isnan(dense[i, top]) else round(float(dense[i, top]), 4),
        ))
        if j is None:
            al.unmatched_sources.append(sid)
    al.unmatched_targets = [t_ids[j] for j in range(len(t_ids)) if not covered[j]]
    return al


def align_report(report: Report, *, encoder=None, mode: str = "fused",
                 cfg: AlignConfig | None = None) -> dict[str, Alignment]:
    """All four alignments of a report (see nlp_pipeline.align)."""
    from nlp_pipeline.align.config import load_config
    from nlp_pipeline.align.encoders import load_encoder

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    cfg = cfg or load_config()
    if mode != "lexical" and (encoder is None or isinstance(encoder, str)):
        encoder = _LazyEncoder(encoder, load_encoder)
    out: dict[str, Alignment] = {}
    for name, (s, t, family) in ALIGNMENTS.items():
        out[name] = align_sections(section_items(report, s), section_items(report, t), name=name,
                                   source_section=s, target_section=t, family=family, mode=mode,
                                   encoder=encoder if mode != "lexical" else None, cfg=cfg)
    return out


class _LazyEncoder:
    """Loads the encoder on first use, so a report that needs no dense score loads none."""

    def __init__(self, name: str | None, loader):
        self._name = name
        self._loader = loader
        self._enc = None

    @property
    def name(self) -> str:
        return self._get().name

    def _get(self):
        if self._enc is None:
            self._enc = self._loader(self._name)
        return self._enc

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._get().encode(texts)
