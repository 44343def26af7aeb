"""Log lines: text or JSON, quiet, and a progress line only on a terminal."""

from __future__ import annotations

import io
import json

from calc_nlp.logs import Log


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_and_json_lines():
    s = io.StringIO()
    Log("text", stream=s).info("done", reports=3)
    assert s.getvalue() == "calc-nlp: info: done reports=3\n"
    s = io.StringIO()
    Log("json", stream=s).error("failed", exit_code=3)
    rec = json.loads(s.getvalue())
    assert (rec["level"], rec["event"], rec["exit_code"]) == ("error", "failed", 3)


def test_quiet_keeps_errors_only():
    s = io.StringIO()
    log = Log("text", quiet=True, stream=s)
    log.info("done")
    log.error("failed")
    assert s.getvalue() == "calc-nlp: error: failed\n"


def test_progress_only_on_a_terminal():
    pipe = io.StringIO()
    p = Log("text", stream=pipe).progress()
    p.last -= 1
    p.update(10)
    p.close()
    assert pipe.getvalue() == ""
    tty = FakeTTY()
    p = Log("text", stream=tty).progress()
    p.last -= 1
    p.update(10)
    p.close()
    assert "10 rows" in tty.getvalue()
    quiet_tty = FakeTTY()
    p = Log("text", quiet=True, stream=quiet_tty).progress()
    p.last -= 1
    p.update(10)
    assert quiet_tty.getvalue() == ""
