"""Run logs on stderr: human lines or JSON lines, ids, counts and timings only.

Nothing here ever receives report text: callers pass event names and
numbers. A progress line is drawn only when stderr is a terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO, Any

from calc_nlp.strict_json import dumps


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
            self.stream.write(dumps(rec, sort_keys=True, default=str) + "\n")
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

    def progress(
        self, fraction: Callable[[int], float | None] | None = None, rows: int = 0
    ) -> Progress:
        """A progress display on a terminal (stderr a TTY, text logs, not quiet);
        `fraction(rows)` tells how much of the input `rows` rows are, when known."""
        tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        return Progress(
            self.stream if tty and not self.quiet and self.fmt == "text" else None,
            fraction,
            rows,
        )


class Progress:
    """Redrawn at most 4 times a second, on a terminal only. With the input's
    size known, a bar: '[#####.....] 48% 12,345 rows, 2,100/s, ETA 0:01:05';
    otherwise the plain line '12,345 rows, 2,100/s'."""

    WIDTH = 24

    def __init__(
        self,
        stream: IO[str] | None,
        fraction: Callable[[int], float | None] | None = None,
        rows: int = 0,
    ):
        self.stream = stream
        self.fraction = fraction
        self.start = self.last = time.perf_counter()
        self.rows0 = rows  # already done (a resumed run)
        self.first = self._fraction(rows) or 0.0

    def _fraction(self, rows: int) -> float | None:
        return self.fraction(rows) if self.fraction is not None else None

    def line(self, rows: int, now: float) -> str:
        """The text drawn for `rows` rows at time `now` (no report content)."""
        elapsed = max(now - self.start, 1e-9)
        plain = f"{rows:,} rows, {(rows - self.rows0) / elapsed:,.0f}/s"
        done = self._fraction(rows)
        if done is None:
            return plain
        filled = int(self.WIDTH * done)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        eta = ""
        if done > self.first and done < 1.0:
            left = elapsed * (1.0 - done) / (done - self.first)
            eta = f", ETA {int(left) // 3600}:{int(left) % 3600 // 60:02d}:{int(left) % 60:02d}"
        return f"[{bar}] {done:4.0%} {plain}{eta}"

    def update(self, rows: int) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if now - self.last < 0.25:
            return
        self.last = now
        self.stream.write(f"\rcalc-nlp: {self.line(rows, now)} \x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
