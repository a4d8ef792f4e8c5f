"""The schema of every YAML file in lexicons/, checked when the file is loaded.

A misspelt or missing key must be an error that names the file, never a rule silently
switched off (code reads lexicons with ``.get(key) or []``: a typo there reads as an
empty list). :func:`nlp_pipeline.lexicons.load_yaml` checks a file against its model here
the first time it reads it and still returns the plain data, so no reader changes.

Conventions: every model forbids unknown keys; a key is required unless the code reads it
with a default and the shipped file may leave it out (such keys carry that default here);
lists of words hold non-empty strings (an empty word is found in every text); fields the
code hands to ``re`` (``*_pattern(s)`` and the like) must compile.

Four files had a model before this module, next to the code that reads them; they are
registered by reference and imported only when such a file is checked, so that loading a
lexicon never imports the detectors or the readers (they import nlp_pipeline.lexicons).
Add a file to lexicons/ and a model to :data:`SCHEMAS` together: a test fails otherwise.
"""
from __future__ import annotations

import dataclasses
import importlib
import re
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, RootModel, BaseModel, ConfigDict, StringConstraints, ValidationError, field_validator, model_validator)

from nlp_pipeline.errors import LexiconError
from nlp_pipeline.model import SECTION_KINDS, Budget

# --- field types -------------------------------------------------------------------------


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc}): {pattern!r}") from None
    return pattern


def _section_id(sid: str) -> str:
    if sid not in SECTION_KINDS:
        raise ValueError(f"unknown section id {sid!r} (known: {', '.join(SECTION_KINDS)})")
    return sid


_BUDGET_FIELDS = tuple(f.name for f in dataclasses.fields(Budget) if f.name != "parts")


def _budget_field(name: str) -> str:
    # the readers set the Budget attribute of that name: another name fills nothing
    if name not in _BUDGET_FIELDS:
        raise ValueError(f"unknown budget field {name!r} (known: {', '.join(_BUDGET_FIELDS)})")
    return name


Word = Annotated[str, StringConstraints(min_length=1)]
Words = list[Word]
Regex = Annotated[str, StringConstraints(min_length=1), AfterValidator(_compiles)]
Regexes = list[Regex]
SectionId = Annotated[str, AfterValidator(_section_id)]
BudgetField = Annotated[str, AfterValidator(_budget_field)]
# Mention.kind values (nlp_pipeline.model.Mention)
MentionKind = Literal["MONEY", "PERCENT", "COUNT", "QUANTITY", "AREA", "DATE", "YEAR", "DURATION", "RANGE", "EXPR"]
Role = Literal["target", "actual", "budget"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- align.yaml (nlp_pipeline.align.config) ----------------------------------------------


class _AlignLexical(Strict):
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    stop_lexicon: str | None  # a lexicon file name; null: no stop phrases
    pasted_min_share: float


class _ByMode(Strict):
    lexical: float
    fused: float
    dense: float


class _AlignFusion(Strict):
    dense_weight: float
    hub_k: int
    hub_weight: _ByMode


class _SmallMatrix(Strict):
    min_cells: int
    lexical_prior: tuple[float, float]
    dense_prior: tuple[float, float]


class _Selective(Strict):
    margin: float
    band: float
    top_k: int


class _Threshold(Strict):
    source: float
    cover: float


class _ByFamily(Strict):
    goals: _Threshold
    measures: _Threshold


class _ThresholdsByMode(Strict):
    # a mode left out would fall back to another mode's values without a word
    lexical: _ByFamily
    fused: _ByFamily
    dense: _ByFamily


class Align(Strict):
    lexical: _AlignLexical
    fusion: _AlignFusion
    small_matrix: _SmallMatrix
    selective: _Selective
    thresholds: _ThresholdsByMode


# --- align_stop_phrases.yaml (nlp_pipeline.align.texts) --------------------------------
# The reader takes every list in the file; the groups are named here so that a misspelt
# or stray key is caught like anywhere else.


class AlignStopPhrases(Strict):
    goal_language: Words
    boilerplate: Words


# --- citations.yaml (nlp_pipeline.detect.citation) -------------------------------------


class Citations(Strict):
    number: Regex
    pairs: dict[Word, Word]
    standard: dict[Word, Word]
    half_width: Words
    off_standard_where_mixed: Words
    wrong_brackets: Words = []
    no_year: Regex
    no_serial: Regex
    no_hao: Regex
    short_year: Regex
    reversed: Regex = "(?!)"
    long_year: Regex = "(?!)"
    doubled: Regex = "(?!)"

    @field_validator("number")
    @classmethod
    def _groups(cls, v: str) -> str:
        missing = {"open", "close", "year"} - set(re.compile(v).groupindex)
        if missing:
            raise ValueError(f"the pattern needs the named groups {sorted(missing)}")
        return v


# --- crossdoc.yaml (nlp_pipeline.crossdoc) ---------------------------------------------


class _Severity(Strict):
    high: float
    medium: float


class Crossdoc(Strict):
    shingle: int
    num_perm: int
    seed: int
    lsh_threshold: float
    unit_min_chars: int
    min_unit_shingles: int
    min_block: int
    max_gap: int
    edge_block: int
    min_shared: int
    boilerplate_share: float
    boilerplate_min_reports: int
    severity: _Severity
    place_suffixes: Words
    place_stop_chars: Word
    org_max_chars: int
    org_suffixes: Words
    mandated_phrases: Words


# --- cues_*.yaml (the text detectors) ----------------------------------------------------


class CuesAbbreviations(Strict):
    expansions: dict[Word, Words]
    remedy_families: list[Words]


class CuesClaims(Strict):
    bare_completion_patterns: Regexes
    completion_patterns: Regexes
    effect_patterns: Regexes
    substep_objects: Words
    perception_figure_patterns: Regexes
    perception_patterns: Regexes
    evidence_sources: Words
    target_markers: Words
    effect_metric_patterns: Regexes
    rate_figure_units: Words
    metric_stopwords: Words
    bare_claim_objects: Words
    # the work a set phrase of a whole claim names by itself (应补尽补: 补贴 paid, all 纳入)
    claim_implied_words: dict[Word, Words] = {}


class CuesGoalLanguage(Strict):
    # all four are run as patterns (text.patterns), weak_result_markers with fullmatch
    goal_cues: Regexes
    result_markers: Regexes
    target_qualifiers: Regexes
    weak_result_markers: Regexes
    claim_weak_result_markers: Regexes = []
    added_claim_markers: Words
    generic_action_words: Words
    goal_setting_words: Words


class CuesStatus(Strict):
    not_finished: Words
    strong_not_finished: Words
    progress_patterns: Regexes
    plan_cues: Words
    whole_claim_words: Words
    remainder_patterns: Regexes
    universal_patterns: Regexes
    qualified_universal: Words
    count_units: Words  # counting units written right after a count
    # read as f"direction_{d}": patterns, and plain words when stripped from a metric
    direction_down: Regexes
    direction_up: Regexes


class CuesVague(Strict):
    max_chars: int
    max_chars_generic: int
    max_residual: int
    label_max_chars: int = 0
    generic_words: Words
    date_words: Words
    owner_words: Words
    action_words: Words
    max_chars_clauses: int
    lead_words: Words
    generic_verbs: Words
    reference_openers: Words
    reference_words: Words


# --- detect_*.yaml -----------------------------------------------------------------------


class DetectBoilerplate(Strict):
    phrases: Words
    table_words: Words
    # words written twice on purpose (研究研究): no slip when doubled
    reduplicated: Words = []


class DetectNames(Strict):
    level_suffixes: Words
    not_levels: Words
    org_types: Words
    short_suffixes: dict[Word, Words]
    sibling_chars: Word
    lead_chars: Word = ""
    field_abbreviations: dict[Word, Words] = {}


class _Metric(Strict):
    max_chars: int
    strip_prefix: Words
    strip_suffix: Words
    count_suffix: Words
    generic: Words
    synonyms: dict[Word, Word]
    # words inside a metric naming no kind of it (各类), dropped wherever they stand
    inner_fillers: Words = []
    # groups of stages (开工 / 完工); a stage is one word or a list of words
    stage_verbs: list[list[Word | Words]]
    # a count said of a sample (抽查240人) is a subset, never the count of all
    sample_words: Words
    context_heads: Words
    context_max_extra: int
    subject_stop_pairs: Words


class _ProjectScope(Strict):
    sections: list[SectionId]
    budget_words: Words
    department_words: Words


class _Similarity(Strict):
    threshold: float
    threshold_unitless: float
    min_chars: int
    modifier_min: float
    min_jaccard: float
    common_units: Words
    activity_verbs: Words


class _Scope(Strict):
    # each key names a scope the rules test by that name: a new one would be read by none
    cumulative: Words
    new: Words
    part: Words
    per: Words
    change: Words
    subperiod: Words


class _Tolerance(Strict):
    approx_rel: float
    more_rel: float
    near_rel: float


class _Rate(Strict):
    bounded_words: Words
    completion_words: Words
    growth_rate_words: Words
    growth_words: Words
    explained_words: Words


class _IndicatorWords(Strict):
    count: Words
    rate: Words


class _AreaCeiling(Strict):
    cues: Words
    m2: float


class _LengthCeiling(Strict):
    cues: Words
    m: float


class _Magnitude(Strict):
    money_factor: float
    population_words: Words
    people_factor: float
    group_scope_words: Words
    group_verbs: Words
    several_years_words: Words
    own_money_words: Words
    unknown_money_factor: float
    non_spending_words: Words
    volume_units: Words
    non_spending_factor: float
    unit_total_words: Words
    stated_budget_words: Words
    stated_budget_min_spent: float
    aggregate_words: Words
    spending_words: Words
    spending_factor: float
    disburse_words: Words
    disburse_factor: float
    area_factor: float
    area_factor_repeat: float
    repeat_words: Words
    area_total_cues: Words
    area_share_pattern: Regex
    area_subtype_words: Words
    # read as f"{what}_ceiling_by_level" / f"{what}_ceiling_default"
    area_ceiling_by_level: list[_AreaCeiling]
    area_ceiling_default: float
    length_ceiling_by_level: list[_LengthCeiling]
    length_ceiling_default: float
    rescale: list[float]
    task_funds_factor: float = 1.1  # magnitude.py's default; the shipped file leaves it out


class _GenericRates(Strict):
    any_verb: Words
    plan_words: Words
    done_words: Words
    not_rates: Words


class _Arithmetic(Strict):
    part_cues: Words
    min_cover: float
    count_min_cover: float
    generic_total_units: Words
    object_units: Words
    sum_after_cues: Words
    total_cues: Words = []  # read by no rule at present
    open_list_cues: Words
    part_stop_cues: Words
    # rate name -> (words of the numerator, words of the denominator)
    word_rates: dict[Word, tuple[Words, Words]]
    money_rates: dict[Word, tuple[Words, Words]]
    generic_rates: _GenericRates
    word_rate_open_cues: Words
    per_capita_cues: dict[Word, Word]
    per_unit_measures: Words = []
    product_total_cues: Words
    per_unit_pattern: Regex
    per_capita_open_cues: Words
    share_pattern: Regex


class _Indicator(Strict):
    claim_cell_rest: int
    claim_cell_scope_words: Words
    target_cues: Words
    actual_cues: Words
    form_field_cues: Words
    negative_words: Words
    controlled_count_words: Words = []
    floor_share_words: Words = []
    decrease_words: Words
    fall_size_suffixes: Words
    level_rate_words: Words
    lower_bound_words: Words
    upper_bound_words: Words
    reason_words: Words
    empty_reason_pattern: Regex
    reference_only: Words
    non_reasons: Words
    non_reason_frames_before: Words = []
    non_reason_frames_after: Words = []
    vague_cause_heads: Words = []
    vague_cause_qualifiers: Words = []
    measure_only_openers: Words
    status_cells: Words
    deviation_rel: float


class _Grade(Strict):
    name: Word
    min: float


class _Score(Strict):
    total_cues: Words
    grade_cues: Words
    weight_cues: Words
    got_cues: Words = []  # read by no rule at present
    weight_list_cues: Words
    total_points: float
    budget_points: float = 10.0  # score_mismatch.py's default; the shipped file leaves it out
    budget_row_names: Words = []
    grades: list[_Grade]
    grade_synonyms: dict[Word, Word]

    @model_validator(mode="after")
    def _synonyms_name_grades(self) -> "_Score":
        names = {g.name for g in self.grades}
        bad = sorted(v for v in self.grade_synonyms.values() if v not in names)
        if bad:
            raise ValueError(f"grade_synonyms map to {bad}, which are not grades ({sorted(names)})")
        return self


class _TableColumns(Strict):
    # a role the rules do not know would be matched and then never read
    name: Words
    target: Words
    actual: Words
    weight: Words
    score: Words
    reason: Words


class _Table(Strict):
    columns: _TableColumns
    total_row_words: Words
    pseudo_paragraph: Word


class _BudgetRestated(Strict):
    strip_prefix: Words
    sub_budget_words: Words = []


class DetectNumeric(Strict):
    metric: _Metric
    project_scope: _ProjectScope
    similarity: _Similarity
    within_year_cumulative: Words
    scope: _Scope
    goal_cues: Words
    compared_kinds: list[MentionKind]
    tolerance: _Tolerance
    rate: _Rate
    indicator_words: _IndicatorWords
    magnitude: _Magnitude
    arithmetic: _Arithmetic
    indicator: _Indicator
    score: _Score
    table: _Table
    budget_restated: _BudgetRestated


# --- numbers_*.yaml and units.yaml (nlp_pipeline.text: the number extractor) -----------


class _RoleCues(Strict):
    target: Words
    actual: Words


class NumbersContext(Strict):
    ordinal_prefixes: Words
    hotline_words: Words
    hotline_max_gap: int
    unit_gap_max: int
    name_suffixes: Words
    year_suffixes: Words
    cn_not_numbers: Words
    money_cues: Words
    role_cues: _RoleCues
    budget_cues: Words
    role_after_target_patterns: Regexes
    default_role_by_section: dict[SectionId, Role]
    task_target: Role
    task_outcome: Role
    indicator_name: Role
    indicator_result: Role
    funds_metric: Word
    metric_strip_prefix: Words
    metric_strip_suffix: Words
    metric_split_tokens: dict[Word, Words]
    metric_object_verbs: Words
    metric_nominal_heads: Words
    metric_split_after: Words
    metric_stop_words: Words
    metric_max_chars: int
    budget_labels: dict[BudgetField, Word]
    indefinite_measures: Words
    count_markers_before_one: Words


# the qualifiers nlp_pipeline.text.numbers turns into an interval; any other reads as exact
Qualifier = Literal["approximate", "approximate_below", "near", "lower", "upper", "more"]


class NumbersQualifiers(Strict):
    approx_tolerance: float
    near_tolerance: float
    prefix: dict[Word, Qualifier]
    # words that end in a prefix qualifier's characters and are no qualifier (签约 is not 约)
    prefix_word_endings: Words = []
    infix: dict[Word, Qualifier]
    suffix: dict[Word, Qualifier]


class _UnitGroup(Strict):
    base: Word
    units: dict[Word, float]


class Units(Strict):
    multipliers: dict[Word, float]
    # the groups nlp_pipeline.text.lexicon maps to a Mention.kind
    money: _UnitGroup
    percent: _UnitGroup
    percent_point: _UnitGroup
    area: _UnitGroup
    volume: _UnitGroup
    weight: _UnitGroup
    length: _UnitGroup
    duration: _UnitGroup
    energy: _UnitGroup
    age: _UnitGroup
    counts: dict[Word, Word]  # unit -> its base unit
    unit_blockers: dict[Word, Word]


# --- patterns.yaml (nlp_pipeline.text.patterns.named) ------------------------------------

_SLOT = re.compile(r"@(\w+)@")


class NamedPattern(Strict):
    doc: Word
    regex: Regex

    @field_validator("regex")
    @classmethod
    def _compiles_filled(cls, v: str) -> str:
        # @slot@ parts are filled at run time (another entry, a word list): one stand-in
        # for each shows a pattern that is broken only once filled
        _compiles(_SLOT.sub("(?:x)", v))
        return v


# name -> pattern; tests/test_patterns.py checks that every name a rule asks for
# (patterns.named("...")) is here and every entry here is asked for
Patterns = RootModel[dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], NamedPattern]]


# --- sections.yaml (nlp_pipeline.ingest.labels and friends) ------------------------------


class _Section(Strict):
    title: Word
    synonyms: Words


class _SectionsById(Strict):
    G: _Section
    O: _Section  # noqa: E741
    T: _Section
    K: _Section
    P: _Section
    Q: _Section
    I: _Section  # noqa: E741


class _Decorations(Strict):
    prefixes: Words
    suffixes: Words
    joiners: Words


class _Expected(Strict):
    # by Draft.layout
    form: list[SectionId]
    narrative: list[SectionId]


class _TaskColumns(Strict):
    task: Words
    target: Words
    outcome: Words
    indicator: Words
    target_value: Words
    result: Words
    funds: Words
    ignore: Words


class _Header(Strict):
    organisation: Words
    year: Words
    currency: Regex
    currency_in_label: Regex
    year_line: Regex
    title_org_stops: Words
    title_cues: Words


class _BudgetProse(Strict):
    cues: dict[BudgetField, Words]
    funds_words: Words
    target_words: Words
    part_opener: Word
    gap: Regex
    spent_over_budget: float


class _BudgetLabels(Strict):
    amounts: dict[BudgetField, Words]
    rates: dict[BudgetField, Words]
    cell_only: dict[BudgetField, Words]
    gap: Regex  # put between a label and its figure in a larger pattern
    prose: _BudgetProse


class _LeadPhrase(Strict):
    after_name: Words
    measures: Words


class Sections(Strict):
    sections: _SectionsById
    lead_phrase: _LeadPhrase
    heading_decorations: _Decorations
    outside_headings: Words
    basic_headings: Words
    process_headings: Words = []
    topic_heading_endings: Words = []
    profile_endings: Words
    heading_synonyms: dict[Literal["G", "O", "P", "Q", "I"], Words]
    question_topics: dict[Literal["G", "O", "P", "Q", "I", "B"], Words] = {}
    pair_labels: dict[Literal["Q", "I"], Words] = {}
    form_label_synonyms: dict[Literal["G", "O", "P", "Q", "I"], Words] = {}
    prose_field_labels: dict[Literal["G", "O", "P", "Q", "I"], Words] = {}
    expected: _Expected
    label_slack: int
    task_columns: _TaskColumns
    task_number: Regex
    header: _Header
    currency_factors: dict[Word, float]
    budget: _BudgetLabels


# --- the registry ------------------------------------------------------------------------

# --- models that their readers use as typed objects (cues.yaml: nlp_pipeline.text.annotate;
# resolve.yaml: nlp_pipeline.detect.resolve; section_cues.yaml: nlp_pipeline.ingest.content;
# table_columns.yaml: nlp_pipeline.ingest.table_lexicon): defined here, at the bottom of the
# stages, so that checking a file at load never imports a stage above

class Concept(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc: str
    phrases: list[str]
    # a match followed by one of these is part of a name (已完成率, 完成值), no cue
    not_before: list[str] = []
    # a match right after one of these is what the work was for (为圆满完成…任务), no cue
    not_after: list[str] = []

    @field_validator("phrases")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v or any(not p.strip() for p in v):
            raise ValueError("a concept needs at least one phrase, and no empty phrase")
        return v


class CueLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # optional words dropped before matching: variant -> canonical form
    canonical: dict[str, str]
    # where a canonical replacement must not apply (already-complete words that only
    # look like a variant: 已经费 is 已 + 经费)
    canonical_exceptions: list[str] = []
    concepts: dict[str, Concept]
    # words that open a sentence which continues the one before it
    continuation_openers: list[str]


class ResolveRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    winner: str
    winner_rule: str | None = None  # only the winner's findings from this rule (values["rule"])
    loser: str
    loser_rule: str | None = None  # only the loser's findings from this rule (values["rule"])
    scope: Literal["paragraph", "span", "section"]
    winner_sections: list[str] = []
    # evidence of the winner in these roles names no place of its own (an overall claim's
    # counter-evidence is another defect's place, not the claim's)
    winner_skip_roles: list[str] = []
    why: str


class CutOffPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # codes whose findings rest on a gap: set aside where their evidence reaches the cut
    at_cut: list[str] = []
    # code -> the section whose paragraphs would answer it: set aside where no paragraph
    # of that section comes after the finding's evidence (its answer may lie beyond the cut)
    answered_later: dict[str, str] = {}


class ResolvePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: list[ResolveRule]
    cut_off: CutOffPolicy = CutOffPolicy()
    # codes still reported in a doubtful table (Report.doubtful) when every quote lies in
    # a row whose name, target and actual read soundly (Report.rows_sound)
    doubtful_row_codes: list[str] = []


class SectionCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    margin: float
    cues: dict[str, dict[str, float]]
    # paragraphs that introduce the report or describe the unit: no section, whatever
    # words of goals or measures they use (为加强…管理，根据《…通知》…现将…报告如下)
    preamble_openings: list[str] = []
    preamble_marks: list[str] = []
    # the words that hand over to the report itself (现将…报告如下), whatever opens the line
    report_marks: list[str] = []
    background: list[str] = []
    # extra cue weights read only for a heading the section lexicon does not know
    heading_cues: dict[str, dict[str, float]] = {}
    heading_skip: list[str] = []

    @field_validator("cues", "heading_cues")
    @classmethod
    def _known_sections(cls, v: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        # part of the schema, so that load_yaml (nlp_pipeline.lexicon_schemas) refuses it too
        bad = set(v) - {"G", "O", "P", "Q", "I"}
        if bad:
            raise ValueError(f"unknown section ids {sorted(bad)}")
        return v


class _TableStrict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _TableColumns(_TableStrict):
    level1: list[str]
    level2: list[str]
    name: list[str]
    target: list[str]
    actual: list[str]
    weight: list[str]
    score: list[str]
    deduction: list[str] = []
    reason: list[str]
    label: list[str]
    other: list[str]


class _TableUnfilled(_TableStrict):
    placeholders: list[str]
    instructions: list[str]
    pending: list[str] = []


class _TableForms(_TableStrict):
    target_table: list[str]
    project_form: list[str]
    department_form: list[str]


class TableLexicon(_TableStrict):
    header_slack: int
    columns: _TableColumns
    operator_columns: list[str]
    unit_columns: list[str]
    criterion_columns: list[str] = []
    status_columns: list[str] = []
    goal_columns: list[str]
    header_contains: dict[Literal["reason"], list[str]]
    year_columns: dict[Literal["target", "actual"], list[str]] = {}
    min_header_columns: int
    level1: list[str]
    level2: list[str]
    level2_parent: dict[str, str]
    total_labels: list[str]
    prose_total_labels: list[str]
    value_words: list[str]
    unfilled: _TableUnfilled
    forms: _TableForms
    budget_columns: dict[str, list[str]]
    budget_total_labels: list[str]
    signature_labels: list[str]
    grade_labels: list[str]
    budget_part_words: list[str]


# file name -> model, or "module:attribute" of a model that lives with its reader
SCHEMAS: dict[str, type[BaseModel] | str] = {
    "align.yaml": Align,
    "align_stop_phrases.yaml": AlignStopPhrases,
    "citations.yaml": Citations,
    "crossdoc.yaml": Crossdoc,
    "cues.yaml": CueLexicon,
    "cues_abbreviations.yaml": CuesAbbreviations,
    "cues_claims.yaml": CuesClaims,
    "cues_goal_language.yaml": CuesGoalLanguage,
    "cues_status.yaml": CuesStatus,
    "cues_vague.yaml": CuesVague,
    "detect_boilerplate.yaml": DetectBoilerplate,
    "detect_names.yaml": DetectNames,
    "detect_numeric.yaml": DetectNumeric,
    "messages.yaml": "nlp_pipeline.messages:MessageCatalog",
    "numbers_context.yaml": NumbersContext,
    "numbers_qualifiers.yaml": NumbersQualifiers,
    "patterns.yaml": Patterns,
    "resolve.yaml": ResolvePolicy,
    "section_cues.yaml": SectionCues,
    "sections.yaml": Sections,
    "table_columns.yaml": TableLexicon,
    "units.yaml": Units,
}


def schema_for(name: str) -> type[BaseModel] | None:
    """The model of lexicon file ``name`` (a bare file name), None for a file without one."""
    ref = SCHEMAS.get(name)
    if isinstance(ref, str):
        module, _, attr = ref.partition(":")
        ref = getattr(importlib.import_module(module), attr)
    return ref


def _describe(exc: ValidationError) -> str:
    """pydantic's errors as one line each: where in the file, what is wrong."""
    out = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err["loc"]) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key / 未知的键"
        elif err["type"] == "missing":
            msg = "missing key / 缺少必需的键"
        out.append(f"{where}: {msg}")
    return "; ".join(out)


def validate(name: str, path: str, data: Any) -> None:
    """Raise :class:`LexiconError` (a ValueError) naming ``path`` when ``data`` (the parsed
    file) does not follow the schema of lexicon ``name``; a file without a schema passes."""
    model = schema_for(name)
    if model is None:
        return
    try:
        model.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(path, _describe(exc)) from None


def check_words(path: str, entries: tuple[str, ...]) -> tuple[str, ...]:
    """A one-entry-per-line lexicon must hold at least one entry: an empty file (or one
    whose lines are all comments) would switch its rule off without a word."""
    if not entries:
        raise LexiconError(path, "词表为空 / the word list has no entry")
    return entries
