"""Run logs on stderr: human lines or JSON lines, ids, counts and timings only.

Nothing here ever receives report text: callers pass event names and
numbers. A progress line is drawn only when stderr is a terminal.
"""

from __future__ import annotations

import json
import sys
import time
from typing import IO, Any


class Log:
    def __init__(
        self, fmt: str = "text", quiet: bool = False, stream: IO[str] | None = None
    ):
        self.fmt, self.quiet = fmt, quiet
        self.stream = stream if stream is not None else sys.stderr

    def _emit(self, level: str, event: str, fields: dict[str, Any]) -> None:
        if self.quiet and level != "error":
            return
        if self.fmt == "json":
            rec = {
                "ts": round(time.time(), 3),
                "level": level,
                "event": event,
                **fields,
            }
            self.stream.write(json.dumps(rec, sort_keys=True, default=str) + "\n")
        else:
            tail = " ".join(f"{k}={v}" for k, v in fields.items())
            self.stream.write(
                f"calc-nlp: {level}: {event}{' ' + tail if tail else ''}\n"
            )
        self.stream.flush()

    def info(self, event: str, **fields: Any) -> None:
        self._emit("info", event, fields)

    def error(self, event: str, **fields: Any) -> None:
        self._emit("error", event, fields)

    def progress(self) -> Progress:
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        return Progress(
            self.stream if tty and not self.quiet and self.fmt == "text" else None
        )


class Progress:
    """'12,345 rows, 2,100/s' redrawn at most 4 times a second, on a terminal only."""

    def __init__(self, stream: IO[str] | None):
        self.stream = stream
        self.start = self.last = time.perf_counter()

    def update(self, rows: int) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if now - self.last < 0.25:
            return
        self.last = now
        rate = rows / max(now - self.start, 1e-9)
        self.stream.write(f"\rcalc-nlp: {rows:,} rows, {rate:,.0f}/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
