"""The `postlint` command's front door: a replay of an unchanged `check` run, else the CLI.

Nothing here or in what it imports before the CLI loads takes time (replay.py, options.py,
paths.py: standard library only), so an unchanged pre-commit run costs the interpreter's
start-up. It also owns what a whole run needs from the outside: the exit code of an
interrupted run.
"""

from __future__ import annotations

import signal
import sys

from postlint import replay


def main() -> None:
    """Entry point of the `postlint` command."""
    recorder = replay.replay_or_recorder(sys.argv[1:])  # exits here when the run is replayed
    from postlint.cli import main as cli

    previous = {sig: signal.signal(sig, _interrupted) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        cli(obj=recorder)
    except Interrupted as exc:
        sys.stderr.write("postlint: interrupted\n")
        sys.exit(exc.code)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class Interrupted(BaseException):
    """SIGINT or SIGTERM: the run ends, its workers with it, with 128 + the signal's number
    (130, 143), never the 0 or 1 of a finished run. A BaseException, so that no handler of
    errors (click's turns Ctrl-C into exit 1) takes it for one."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.code = 128 + signum


def _interrupted(signum, frame) -> None:
    runner = sys.modules.get("postlint.runner")
    if runner is not None:
        import threading

        # the pool's thread, finding its workers gone, may trip over the futures the
        # unwinding cancels (InvalidStateError, CPython 3.11): the run is over, stay quiet
        threading.excepthook = lambda args: None
        runner.stop_workers()  # now: a worker may be busy for seconds, and would outlive us
    raise Interrupted(signum)
