"""One run per output folder."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from calc_nlp.batch.options import LOCK
from calc_nlp.errors import LockHeld
from calc_nlp.writers import PRIVATE_MODE, write_error

_HELD_LOCKS: set[int] = set()


def _forget_locks_in_child() -> None:
    """A forked child (a pool worker) must not keep the folder's lock alive."""
    for fd in list(_HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


class Lock:
    """One run per output folder: an flock on OUTDIR/.calc-nlp.lock (freed if the process dies).

    Opened without following links, close-on-exec, mode 0600, and closed in
    forked children, so that only this process holds it.
    """

    def __init__(self, outdir: Path):
        self.path = outdir / LOCK
        self.fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(
                self.path,
                os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC,
                PRIVATE_MODE,
            )
        except OSError as exc:
            raise write_error(self.path, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise LockHeld(
                f"another calc-nlp run is writing to {self.path.parent} (lock {LOCK} is held)"
            ) from None
        try:
            os.fchmod(fd, PRIVATE_MODE)
        except OSError:
            pass  # not ours to change
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        _HELD_LOCKS.add(fd)

    def release(self) -> None:
        if self.fd is not None:
            _HELD_LOCKS.discard(self.fd)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
