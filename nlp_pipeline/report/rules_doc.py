"""The rules as documentation: docs/rules.md is this module's markdown, generated from the
declarations in nlp_pipeline/detect (``nlp-pipeline rules --format md > docs/rules.md``;
a test fails when the file is out of date)."""
from __future__ import annotations

import json
from typing import Any

HEADER = """\
# Rules

<!-- Generated from the rule declarations by `nlp-pipeline rules --format md > docs/rules.md`.
     Do not edit by hand: tests/test_rules_registry.py fails when this file is out of date. -->

Every detector in `nlp_pipeline/detect/` declares one rule (`RULE = Rule(...)`, registered
with `@register(RULE)`; see `nlp_pipeline/detect/registry.py`): a stable rule id, the
finding code it emits, its usual severity, a summary in Chinese and English, what it
checks (the module's docstring), an example and its parameters.

**Rule ids** are `FAMILY.NAME` and stay stable once published: `TXT.*` reads the wording
of the narrative (copies, restatements, claims, gaps, vague words, names), `NUM.*` the
figures (sums and rates, conflicts, magnitudes, units, dates, indicator targets), `FORM.*`
the filled-in self-evaluation form (blank fields, scores and grades). Outputs keep the
finding code (`ARITHMETIC_MISMATCH`); two rules may emit one code.

**Findings** carry `rule_id`, a `confidence` (0–1: the rule's prior below unless the
finding sets its own), an `explanation` of the computation or reasoning, and a `role` on
each piece of evidence (claim, counter, total, part, target, actual, budget, or context).
Their messages come from one catalog, `lexicons/messages.yaml`: each finding carries a
`message_id` (`RULE_ID.variant`, listed under "Messages" below with the Chinese template;
the English is in the catalog) and its `message_params`; some entries are phrases that
other messages of the rule are built from.
Which finding wins when two cover one defect is declared in `lexicons/resolve.yaml`.

**Parameters** can be overridden for a run with `--rules-config FILE.yaml` (on `analyze`
and `batch`; `nlp_pipeline.analyze(path, rule_params=...)` in Python):

```yaml
NUM.DEVIATION:
  deviation_rel: 0.2
TXT.DUPLICATE:
  floor: 40
```

An unknown rule or parameter, or a value of the wrong type, stops the run with a message
naming the file. A batch's cache key includes the overrides. A parameter is read from
where the rule's code reads it (a module constant or a value in a lexicon file, column
"read from"); a lexicon value shared by several rules is overridden only for the rule
named.
"""


def _fmt(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _type_name(value: Any, declared: Any) -> str:
    from nlp_pipeline.detect.registry import _param_type

    t = declared or _param_type(value)
    return getattr(t, "__name__", str(t))


def _docstring(doc: str) -> str:
    # the docstring's first line repeats the code; the rest is already markdown-like text
    lines = doc.strip().splitlines()
    return "\n".join(lines).strip()


def _messages_section(rule) -> list[str]:
    """The rule's message ids with their Chinese template (lexicons/messages.yaml)."""
    from nlp_pipeline.messages import catalog

    if not rule.messages:
        return []
    cat = catalog()
    out = ["### Messages", "", "| message id | Chinese template |", "| --- | --- |"]
    for mid in rule.messages:
        zh = cat[mid].zh if mid in cat else "(not in the catalog)"
        out.append(f"| `{mid}` | {_cell(zh)} |")
    return out + [""]


def _cell(text: str) -> str:
    # a template inside a table cell: pipes would end the cell, an empty one would vanish
    return text.replace("|", "\\|") if text else "(empty)"


def rules_markdown() -> str:
    """docs/rules.md."""
    from nlp_pipeline.detect.registry import rules

    rs = rules()
    out = [HEADER, "## Overview", "",
           "| rule | code | severity | confidence | summary |", "| --- | --- | --- | --- | --- |"]
    for r in rs:
        out.append(f"| [`{r.id}`](#{r.id.lower().replace('.', '')}) | `{r.code}` | {r.severity} | "
                   f"{r.confidence:g} | {r.summary_zh} / {r.summary_en} |")
    for r in rs:
        module = r.module.replace(".", "/") + ".py"
        out += ["", f"## {r.id}", "",
                f"Code `{r.code}` · severity {r.severity} · confidence {r.confidence:g} · "
                f"registered as `{r.name}` in `{module}`", "",
                f"{r.summary_zh}", "", f"{r.summary_en}", "",
                "### What it checks", "", _docstring(r.doc), "",
                "### Example", "", f"> {r.example}", ""]
        if r.reference:
            out += ["### The official rule", "", r.reference.strip(), ""]
        out += ["### Explanation", "", f"`{r.explain_zh}`", "", f"`{r.explain_en}`", ""]
        out += _messages_section(r)
        out += ["### Parameters", ""]
        if r.params:
            defaults = r.defaults()
            out += ["| parameter | default | type | description | read from |",
                    "| --- | --- | --- | --- | --- |"]
            for p in r.params:
                out.append(f"| `{p.name}` | `{_fmt(defaults[p.name])}` | {_type_name(defaults[p.name], p.type)} | "
                           f"{p.doc} | `{p.bind}` |")
        else:
            out.append("None.")
    return "\n".join(out).rstrip() + "\n"


def rules_json() -> list[dict]:
    """The declarations as plain data (``nlp-pipeline rules --format json``)."""
    from nlp_pipeline.detect.registry import rules

    out = []
    for r in rules():
        defaults = r.defaults()
        out.append({
            "id": r.id, "code": r.code, "severity": r.severity, "confidence": r.confidence,
            "summary_zh": r.summary_zh, "summary_en": r.summary_en, "example": r.example,
            "module": r.module, "doc": r.doc, "messages": list(r.messages),
            "params": [{"name": p.name, "default": defaults[p.name], "doc": p.doc, "bind": p.bind}
                       for p in r.params],
        })  # fmt: skip
    return out


def rules_text(lang: str = "zh") -> str:
    """One line per rule, then its parameters (``nlp-pipeline rules``)."""
    from nlp_pipeline.detect.registry import rules

    lines = []
    for r in rules():
        lines.append(f"{r.id:<18} {r.code:<24} {r.severity:<7} {r.summary_zh if lang == 'zh' else r.summary_en}")
        defaults = r.defaults()
        for p in r.params:
            lines.append(f"{'':<20}{p.name} = {_fmt(defaults[p.name])}  ({p.doc})")
    return "\n".join(lines) + "\n"
