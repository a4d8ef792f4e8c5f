"""NUMBER_CONFLICT: the same metric written with different values in two places.

Numbers are compared only when they are of the same kind and base unit, play the same
role (a result against a result, a target against a target: a result that differs from
its target is a shortfall, not a conflict), and their metric phrases are each other's best
match across the two paragraphs. Values agree when the intervals their wording allows
overlap (约, 以上, the rounding of the last digit), so 12100万元 and 约1.21亿元 agree.
"""
from __future__ import annotations

from itertools import combinations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, make_finding, register

CODE = "NUMBER_CONFLICT"
_SKIP_SCOPES = {"per", "change"}


def _comparable(a: M.Num, b: M.Num, cfg: dict) -> float:
    """Similarity of two numbers' metrics, 0 when they cannot be the same metric."""
    if a.role != b.role or a.role not in ("target", "actual"):
        return 0.0
    ka, kb = a.m.kind, b.m.kind
    sim_cfg = cfg.get("similarity", {})
    thr = float(sim_cfg.get("threshold", 0.6))
    if a.unitless or b.unitless:
        if a.unitless and b.unitless:
            pass
        elif {ka, kb} - {"COUNT", "QUANTITY", "RANGE"}:
            return 0.0
        thr = float(sim_cfg.get("threshold_unitless", 0.75))
    else:
        if ka != kb and {ka, kb} - {"COUNT", "RANGE"}:
            return 0.0
        if (a.m.base_unit or "") != (b.m.base_unit or ""):
            return 0.0
    # a cumulative figure and a yearly one, or a new one and a stock, are different metrics
    for s in ("cumulative", "new", "subperiod"):
        if (s in a.scopes) != (s in b.scopes):
            return 0.0
    if M.place(a.para.id) == M.place(b.para.id):
        return 0.0  # two indicators of one task are different indicators
    sim = M.similarity(a.key, b.key)
    A, B = set(a.key), set(b.key)
    jac = len(A & B) / len(A | B) if A | B else 0.0
    if jac < float(sim_cfg.get("min_jaccard", 0.45)):
        return 0.0
    return sim if sim >= thr else 0.0


def _candidates(nums: list[M.Num], cfg: dict) -> list[M.Num]:
    kinds = set(cfg.get("compared_kinds") or [])
    generic = set(cfg.get("metric", {}).get("generic") or [])
    min_chars = int(cfg.get("similarity", {}).get("min_chars", 2))
    out = []
    for n in nums:
        if n.m.kind not in kinds or n.interval is None or n.other_year:
            continue
        if n.scopes & _SKIP_SCOPES or len(n.key) < min_chars or n.key in generic:
            continue
        out.append(n)
    return out


def _best(x: M.Num, others: list[M.Num], cfg: dict) -> tuple[M.Num | None, float]:
    best, best_s = None, 0.0
    for y in others:
        s = _comparable(x, y, cfg)
        # among equally good matches prefer one that agrees: no conflict is claimed
        # while an agreeing reading exists
        if s > best_s + 1e-9 or (best is not None and abs(s - best_s) <= 1e-9 and s > 0
                                 and M.disjoint(x.interval, best.interval)
                                 and not M.disjoint(x.interval, y.interval)):
            best, best_s = y, s
    return best, best_s


def conflict_edges(nums: list[M.Num], cfg: dict) -> list[tuple[M.Num, M.Num, float]]:
    by_para: dict[str, list[M.Num]] = {}
    for n in _candidates(nums, cfg):
        by_para.setdefault(n.para.id, []).append(n)
    edges = []
    for pa, pb in combinations(sorted(by_para, key=lambda k: by_para[k][0].m.start), 2):
        A, B = by_para[pa], by_para[pb]
        for a in A:
            b, s = _best(a, B, cfg)
            if b is None:
                continue
            back, _ = _best(b, A, cfg)
            if back is not a:
                continue
            if M.disjoint(a.interval, b.interval):
                edges.append((a, b, s))
    return edges


def _components(edges):
    """Edges that share a number or a pair of paragraphs make one finding."""
    parent = list(range(len(edges)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: dict[object, int] = {}
    for k, (a, b, _) in enumerate(edges):
        for token in (id(a), id(b), ("pair", a.para.id, b.para.id)):
            if token in seen:
                parent[find(k)] = find(seen[token])
            else:
                seen[token] = k
    groups: dict[int, list] = {}
    for k in range(len(edges)):
        groups.setdefault(find(k), []).append(edges[k])
    return list(groups.values())


def _part_of(n: M.Num, nums: list[M.Num], cfg: dict) -> bool:
    """The number, or a number of the same metric in its paragraph, is a part (第二批)."""
    if "part" in n.scopes:
        return True
    thr = float(cfg.get("similarity", {}).get("threshold", 0.6))
    return any(
        o.para.id == n.para.id and "part" in o.scopes and M.similarity(o.key, n.key) >= thr
        for o in nums
    )


@register(CODE)
def detect(ctx: Context):
    cfg = M.config()
    report = ctx.report
    nums = M.enrich(report, ctx.mentions, cfg)
    edges = conflict_edges(nums, cfg)
    findings = []
    for comp in _components(edges):
        members: list[M.Num] = []
        for a, b, _ in comp:
            for n in (a, b):
                if all(n is not x for x in members):
                    members.append(n)
        members.sort(key=lambda n: n.m.start)
        part = any(_part_of(n, nums, cfg) for n in members)
        approx = any((n.m.qualifier or "exact") != "exact" for n in members)
        severity = "low" if part else ("medium" if approx else "high")
        pairs_zh, pairs_en, vals = [], [], []
        for a, b, _ in sorted(comp, key=lambda e: e[0].m.start):
            name = a.key if len(a.key) >= len(b.key) else b.key
            pairs_zh.append(f"{name}：{a.m.text}（{a.para.id}）与{b.m.text}（{b.para.id}）")
            pairs_en.append(f"{name}: {a.m.text} ({a.para.id}) vs {b.m.text} ({b.para.id})")
            vals.append({"metric": name, "a": a.m.base_value, "b": b.m.base_value,
                         "unit": a.m.base_unit or b.m.base_unit})
        note_zh = "（其中一处为部分/分批数，请核实口径）" if part else ""
        note_en = " (one figure is a part or batch; check the scope)" if part else ""
        findings.append(
            make_finding(
                CODE,
                severity,
                "同一指标在不同位置数值不一致：" + "；".join(pairs_zh) + note_zh,
                "The same metric has different values in different places: "
                + "; ".join(pairs_en) + note_en,
                [n.evidence(report) for n in members],
                {"metrics": vals, "role": comp[0][0].role},
            )
        )
    return findings
