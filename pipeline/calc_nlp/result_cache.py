"""Report texts already analysed in this process, by the text's SHA-256.

An export often holds one report text more than once: a report signed for
several exams is exported once per accession number, a transcription filed
under several specialties once per specialty, a re-export appends what was
sent before. The analysis is a pure function of the text and the rules, so
a text met again takes its findings from the first analysis, under its own
report id: the finding and lesion ids are made again from that id (they
hash it with the text and the span), and every other value is the same, as
a test checks over every corpus report.

Only the results of texts the pipeline analysed (the prefilter passed
them: each cost the whole pipeline, with findings or without; one the
prefilter stops costs little to read again) of up to `LONGEST` characters
are kept (a very long one holds so many findings that a thousand of them
would fill the memory), at most `SIZE` of them, the least recently met
dropped first. Each process keeps its own, for one run: an engine a
process keeps for the next run (the command's in-process engine, an API
call's, a Spark worker's for its next partition) starts it with none, so
what a run does, and the timings it reports, do not depend on what ran
before it in that process.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from calc_nlp.schema import ReportResult, finding_id

# Results kept: about 5 kB each for a report of a few findings, so a few
# MB at most, whatever the run's length.
SIZE = 1_024
# Longest text whose result is kept: a report of 64k characters holds some
# dozens of findings at most, so the cache stays within some tens of MB.
LONGEST = 65_536


class ResultCache:
    """The results of the last `size` texts analysed, by text digest."""

    def __init__(self, size: int = SIZE):
        self.size = size
        self._kept: OrderedDict[str, ReportResult] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        """Forget every result: a new run (or Spark partition) starts."""
        self._kept.clear()

    def get(self, digest: str, report_id: str) -> ReportResult | None:
        """The result of the text of SHA-256 `digest` as report `report_id`,
        a new object the caller may change; None if that text is not kept."""
        kept = self._kept.get(digest)
        if kept is None:
            return None
        self._kept.move_to_end(digest)
        return as_report(kept, report_id, digest)

    def put(self, digest: str, result: ReportResult, chars: int) -> None:
        """Keep a result just made by the pipeline (before the caller changes
        it) of a text of `chars` characters, if the text is not too long."""
        if self.size <= 0 or chars > LONGEST:
            return
        ids = {f.finding_id for f in result.findings}
        if any(f.lesion_id and f.lesion_id not in ids for f in result.findings):
            return  # a lesion id that is none of its findings' ids
        kept = as_report(result, result.report_id, digest)
        # the ids made again must be the ones it has: else they were not
        # made from this digest, and would be made wrongly for the next report
        pairs = zip(kept.findings, result.findings, strict=True)
        if any(k.finding_id != f.finding_id for k, f in pairs):
            return
        self._kept[digest] = kept
        self._kept.move_to_end(digest)
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)


def as_report(result: ReportResult, report_id: str, digest: str) -> ReportResult:
    """A copy of `result` (of the text of SHA-256 `digest`) as the result of
    report `report_id`: its findings' and lesions' ids made from that id."""
    new_id = {
        f.finding_id: finding_id(report_id, digest, f.start, f.end)
        for f in result.findings
    }
    findings = [
        replace(
            f,
            report_id=report_id,
            finding_id=new_id[f.finding_id],
            # a lesion's id is the id of its first finding
            lesion_id=new_id[f.lesion_id] if f.lesion_id else "",
        )
        for f in result.findings
    ]
    return replace(result, report_id=report_id, findings=findings)

