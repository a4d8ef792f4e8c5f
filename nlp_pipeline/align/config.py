"""Weights and thresholds of the alignment, read from lexicons/align.yaml."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from nlp_pipeline.lexicons import load_yaml


@dataclass
class Thresholds:
    source: float  # a source whose best score is below this matches nothing
    cover: float  # a target no source chose still counts as reported on at or above this


@dataclass
class AlignConfig:
    ngram_range: tuple[int, int] = (1, 3)
    sublinear_tf: bool = True
    stop_lexicon: str | None = "align_stop_phrases.yaml"
    pasted_min_share: float = 0.7
    dense_weight: float = 0.5
    hub_k: int = 3
    hub_weight: dict[str, float] = field(default_factory=lambda: {"lexical": 0.0, "fused": 0.8, "dense": 0.8})
    # small matrices: below min_cells cells the (mean, std) priors replace the statistics
    min_cells: int = 9
    lexical_prior: tuple[float, float] = (0.05, 0.08)
    dense_prior: tuple[float, float] = (0.24, 0.09)
    # selective dense: a row is re-scored with the encoder when its lexical margin is
    # below ``close_margin`` or its best score is within ``close_band`` of a threshold
    close_margin: float = 1.0
    close_band: float = 1.0
    close_top_k: int = 3
    # thresholds by mode ("lexical", "dense", "fused") and family ("goals", "measures")
    thresholds: dict[str, dict[str, Thresholds]] = field(default_factory=dict)

    def hub(self, mode: str) -> float:
        return float(self.hub_weight.get(mode, 0.0))

    def threshold(self, mode: str, family: str) -> Thresholds:
        by_family = self.thresholds.get(mode) or self.thresholds.get("fused") or {}
        return by_family.get(family) or by_family.get("goals") or Thresholds(1.0, 2.0)


def load_config(name: str = "align.yaml", **overrides) -> AlignConfig:
    data = load_yaml(name) or {}
    lex = data.get("lexical", {})
    fus = data.get("fusion", {})
    sel = data.get("selective", {})
    thresholds = {
        mode: {fam: Thresholds(float(v["source"]), float(v["cover"])) for fam, v in fams.items()}
        for mode, fams in (data.get("thresholds") or {}).items()
    }
    cfg = AlignConfig(
        ngram_range=tuple(lex.get("ngram_range", (1, 3))),
        sublinear_tf=bool(lex.get("sublinear_tf", True)),
        stop_lexicon=lex.get("stop_lexicon", "align_stop_phrases.yaml"),
        pasted_min_share=float(lex.get("pasted_min_share", 0.7)),
        dense_weight=float(fus.get("dense_weight", 0.5)),
        hub_k=int(fus.get("hub_k", 3)),
        hub_weight={k: float(v) for k, v in (fus.get("hub_weight") or {}).items()}
        or {"lexical": 0.0, "fused": 0.8, "dense": 0.8},
        min_cells=int((data.get("small_matrix") or {}).get("min_cells", 9)),
        lexical_prior=tuple((data.get("small_matrix") or {}).get("lexical_prior", (0.05, 0.08))),
        dense_prior=tuple((data.get("small_matrix") or {}).get("dense_prior", (0.24, 0.09))),
        close_margin=float(sel.get("margin", 1.0)),
        close_band=float(sel.get("band", 1.0)),
        close_top_k=int(sel.get("top_k", 3)),
        thresholds=thresholds,
    )
    return dataclasses.replace(cfg, **overrides) if overrides else cfg
