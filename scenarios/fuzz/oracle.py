"""Batch oracle for the differential fuzzer: run many programs under CPython.

Reads a JSON list of Python sources on stdin (each defines ``async def main()``
and calls ``log``), runs each on the project's virtual-clock recorder, and
writes a JSON list with one list of log lines per program.  One process runs
them all (starting Python per program would dominate the time); the garbage
of one run is collected before the next starts.  One change to CPython: a
TaskGroup iterates its tasks in creation order (see below).
"""
import gc
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "recorder"))
import vclock_recorder  # noqa: E402
import asyncio  # noqa: E402


class _InsertionOrderedSet(dict):
    """The part of set's API that TaskGroup uses, iterating in insertion order."""

    def add(self, item):
        self[item] = None

    def discard(self, item):
        self.pop(item, None)


_taskgroup_init = asyncio.TaskGroup.__init__


def _ordered_taskgroup_init(self):
    _taskgroup_init(self)
    self._tasks = _InsertionOrderedSet()


# TaskGroup keeps its tasks in a set, and its abort cancels them in the set's
# order, which follows memory addresses: CPython itself gives no fixed order.
# vloop's documented choice is creation order; make the oracle's the same, so
# that random programs compare vloop with CPython's rules, not with addresses.
asyncio.TaskGroup.__init__ = _ordered_taskgroup_init


def main():
    sources = json.load(sys.stdin)
    out = []
    for src in sources:
        namespace = {"log": vclock_recorder.log, "__name__": "fuzz_program"}
        exec(compile(src, "<fuzz>", "exec"), namespace)
        out.append(vclock_recorder.run(namespace["main"]))
        # Coroutines a run left suspended (a deadlock, tasks pending at the end)
        # are closed by the garbage collector; collect them now, while nothing
        # can log, not in the middle of the next program's run.
        del namespace
        gc.collect()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
