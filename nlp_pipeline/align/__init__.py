"""Stage 3: align goals with the outcomes that report on them, problems with measures.

``align_report(report)`` returns four :class:`~nlp_pipeline.model.Alignment` objects:
outcomes_to_goals (O->G), performance_to_goals (P->G), tasks_to_goals (T->G) and
problems_to_improvements (Q->I). Similarity is TF-IDF over character 1-3 grams fused with
a sentence encoder (bundled, offline); see :mod:`nlp_pipeline.align.core` for the scores
and lexicons/align.yaml for the weights and thresholds and how they were calibrated.
"""
from nlp_pipeline.align.config import AlignConfig, Thresholds, load_config
from nlp_pipeline.align.core import ALIGNMENTS, MODES, align_report, align_sections
from nlp_pipeline.align.encoders import (
    DEFAULT_ENCODER,
    CachedEncoder,
    Encoder,
    EncoderError,
    load_encoder,
)

__all__ = [
    "ALIGNMENTS",
    "MODES",
    "DEFAULT_ENCODER",
    "AlignConfig",
    "CachedEncoder",
    "Encoder",
    "EncoderError",
    "Thresholds",
    "align_report",
    "align_sections",
    "load_config",
    "load_encoder",
]
