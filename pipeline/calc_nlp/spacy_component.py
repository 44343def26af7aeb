"""calc-nlp as a spaCy pipeline component: `nlp.add_pipe("calc_nlp")`.

The factory is registered through the `spacy_factories` entry point
(pyproject.toml), so any English pipeline finds it by name in a fresh process,
without importing calc_nlp first. The component analyses `doc.text` with our
own analyzer (the one `run` uses: its own tokenizer, sections, sentences and
ConText) and only aligns each finding to the caller's tokens with
`Doc.char_span(..., alignment_mode="expand")`. It writes:

- `doc.spans["calc_nlp"]`: one span per finding, label `CALCIFICATION`, its
  `span_id` the finding id, with `Span._` attributes `site`, `laterality`,
  `negated`, `uncertain`, `historical`, `hypothetical`, `family`,
  `physiologic`, `classification`, `confidence`, `evidence`, `finding_id`;
- `doc._.calc_nlp_conditions`: the conditions the report names (dicts with
  `name`, `category`, `section`, `historical`), and
  `doc._.calc_nlp_classification`: the report's class, as in reports.csv.

It reads `doc._.calc_nlp_report_id` (set by the caller on a `make_doc` Doc
before the component runs): the finding and lesion ids hash it, as `run`'s do.

The rules (`patterns`: a folder, or None for the bundled ones) are read on
the first document. `to_disk` saves the rule files the component runs with;
`from_disk` loads them back (checked as `run --patterns` checks a folder), so
`spacy.load` of a saved pipeline does not need the original folder.
"""

# No `from __future__ import annotations` here: spaCy validates the factory's
# arguments from its annotations, which must be real types, not strings.
import shutil
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from calc_nlp.schema import (
    DESCRIPTOR_COLUMNS,
    FINDING_TYPES,
    FLAGS,
    Finding,
    ReportResult,
    finding_row,
    report_classification,
)

SPANS_KEY = "calc_nlp"
LABEL = "CALCIFICATION"
SPAN_ATTRS: tuple[str, ...] = (
    "site",
    "laterality",
    *FLAGS,
    "classification",
    "confidence",
    "evidence",
    "finding_id",
    *DESCRIPTOR_COLUMNS,
)
DOC_ATTRS: tuple[str, ...] = ("calc_nlp_conditions", "calc_nlp_classification")
# Set by the caller before the component runs: the report's id, so the finding
# and lesion ids are those `run` gives the same report (else an empty id's).
REPORT_ID_ATTR = "calc_nlp_report_id"


def register_extensions() -> None:
    """The `Span._` and `Doc._` attributes we set (an existing one is kept)."""
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in (*DOC_ATTRS, REPORT_ID_ATTR):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class CalcNlp:
    """The component: `__call__` = `analyze` (compute) + `set_annotations`."""

    def __init__(
        self, nlp: Language, name: str = "calc_nlp", patterns: str | None = None
    ):
        self.name = name
        self.patterns = patterns
        # Read on first use (or by from_disk): a pipeline loaded from disk never
        # needs the folder it was built from.
        self._rules: Any = None
        self._engine: Any = None
        register_extensions()

    @property
    def rules(self) -> Any:
        """The rule set in use (checked as `run --patterns` checks a folder)."""
        if self._rules is None:
            from calc_nlp.safety import load_checked_rules

            self._rules = load_checked_rules(self.patterns)
        return self._rules

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from calc_nlp.engine import Engine

            self._engine = Engine(rules=self.rules)
        return self._engine

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.analyze(doc))
        return doc

    def analyze(self, doc: Doc) -> ReportResult:
        """The typed result of the document's text (nothing written to `doc`).
        The finding and lesion ids hash the report id: `doc._.calc_nlp_report_id`
        when the caller set it (read as run reads an id: 7 and 7.0 as "7"), so
        they equal a run's ids for the same report; else an empty id."""
        from calc_nlp.readers import id_text

        report_id = id_text(doc._.get(REPORT_ID_ATTR))
        return self.engine.analyzer.analyze(doc.text, report_id)  # type: ignore[no-any-return]

    def set_annotations(self, doc: Doc, result: ReportResult) -> None:
        """Findings as spans with their attributes; conditions and class on the doc."""
        spans = []
        for f in result.findings:
            span = doc.char_span(
                f.start,
                f.end,
                label=LABEL,
                alignment_mode="expand",
                span_id=f.finding_id,
            )
            if span is not None:  # a mention is never blank, so always found
                for attr, value in finding_attributes(f).items():
                    span._.set(attr, value)
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc._.calc_nlp_conditions = [
            {
                "name": c.name,
                "category": c.category,
                "section": c.section,
                "historical": c.historical,
            }
            for c in result.conditions
        ]
        doc._.calc_nlp_classification = report_classification(result.findings)

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        """Save the rule files in use (the same bytes, so the same rules version)."""
        from calc_nlp.rules import FILES, load_rules

        target = Path(path)
        target.mkdir(parents=True, exist_ok=True)
        source = Path(self.rules.source)
        for name in FILES:
            shutil.copyfile(source / name, target / name)
        if load_rules(target, validate=False).version != self.rules.version:
            raise ValueError(
                f"the rule files in {source} changed after the component loaded "
                "them; rebuild the component before saving it"
            )

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> "CalcNlp":
        """Load rule files saved by `to_disk` (checked before use)."""
        from calc_nlp.safety import load_checked_rules

        self._rules = load_checked_rules(str(path))
        self._engine = None
        return self


@Language.factory(
    "calc_nlp",
    default_config={"patterns": None},
    assigns=[*(f"span._.{a}" for a in SPAN_ATTRS), *(f"doc._.{a}" for a in DOC_ATTRS)],
)
def make_calc_nlp(nlp: Language, name: str, patterns: str | None) -> CalcNlp:
    """`nlp.add_pipe("calc_nlp", config={"patterns": "my_rules/"})`."""
    return CalcNlp(nlp, name, patterns)


def finding_attributes(f: Finding) -> dict[str, Any]:
    """The `Span._` values of one finding, keyed by SPAN_ATTRS: the values
    findings.parquet stores (writers.stored_row), so one schema: the list
    columns (`morphology`, `distribution`) as their ';'-joined text, '' when
    empty (they were tuples, `()` where the file has '')."""
    from calc_nlp.writers import stored_row

    lists = tuple(a for a in SPAN_ATTRS if FINDING_TYPES.get(a) == "list")
    return stored_row(finding_row(f), SPAN_ATTRS, lists)
