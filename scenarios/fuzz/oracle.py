"""Batch oracle for the differential fuzzer: run many programs under CPython.

Reads a JSON list of Python sources on stdin (each defines ``async def main()``
and calls ``log``), runs each on the project's virtual-clock recorder, and
writes a JSON list with, per program, its log lines and the loop iteration
of each line (``{"lines": [...], "iterations": [...]}``).  One process runs
them all (starting Python per program would dominate the time); the garbage
of one run is collected before the next starts.  Two changes to CPython,
where it iterates a set (whose order follows memory addresses): a TaskGroup
iterates its tasks, and as_completed its inputs, in the order given (see below).
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


def _ordered_as_completed(fs, *, timeout=None):
    """asyncio.as_completed of 3.12, line for line, with its two sets in insertion order.

    CPython makes ``todo = {ensure_future(f) for f in set(fs)}`` and adds its done
    callbacks in that set's (address) order: for inputs already done, that order is
    the order they come out in.  vloop's documented choice is the order given.
    """
    from asyncio import coroutines, events, exceptions, futures
    from asyncio.queues import Queue

    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = events.get_event_loop()
    todo = _InsertionOrderedSet()
    for f in dict.fromkeys(fs):
        todo.add(asyncio.ensure_future(f, loop=loop))
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # Queue a dummy value for _wait_for_one().
        todo.clear()  # Can't do todo.remove(f) in the loop.

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # Dummy value from _on_timeout().
            raise exceptions.TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


asyncio.as_completed = _ordered_as_completed


# A program that keeps the loop busy for this many iterations is stopped: a
# loop that spins at one virtual time (IO ready for ever) would never end.
MAX_ITERATIONS = 5_000


class _Spinning(Exception):
    pass


_select = vclock_recorder._NeverBlockingSelector.select


def _bounded_select(self, timeout=None):
    if self.loop._stat_iteration >= MAX_ITERATIONS:
        raise _Spinning()
    return _select(self, timeout)


vclock_recorder._NeverBlockingSelector.select = _bounded_select


def main():
    sources = json.load(sys.stdin)
    out = []
    # No cyclic garbage collection during a run, only between runs. An object
    # in a reference cycle is collected whenever the collector happens to run,
    # which depends on how much every earlier program in this process allocated:
    # a server transport that paused reading (limit reached) and whose handler
    # has returned is only in a cycle, and collecting it closes its socket (a
    # reset, with bytes unread). A program run alone and the same program run
    # after others then print different lines (net-seed 3893 did). Reference
    # counting still runs (a StreamWriter dropped by its last reference is
    # closed at once, as always; see scenarios/net/README.md).
    gc.disable()
    for src in sources:
        namespace = {"log": vclock_recorder.log, "__name__": "fuzz_program"}
        exec(compile(src, "<fuzz>", "exec"), namespace)
        iterations = []
        try:
            lines = vclock_recorder.run(namespace["main"], iterations=iterations, main_cancelled=True)
        except _Spinning:
            lines, iterations = ["oracle: the loop ran %d iterations (spinning?)" % MAX_ITERATIONS], [MAX_ITERATIONS]
        out.append({"lines": lines, "iterations": iterations})
        # Coroutines a run left suspended (a deadlock, tasks pending at the end)
        # are closed by the garbage collector; collect them now, while nothing
        # can log, not in the middle of the next program's run.
        del namespace
        gc.collect()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
