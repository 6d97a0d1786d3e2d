"""Shared harness for the CPython side of `npm run bench`.

Each workload script (sleep_storm.py, fan_out.py, ping_pong.py,
lock_contention.py, memory.py) builds an `async def main()` and hands it to
`time_runs` or `measure_memory`, which run it on the project's virtual-clock
event loop, `VirtualLoop` from scenarios/recorder/vclock_recorder.py: a stock
asyncio SelectorEventLoop whose selector never blocks and jumps the clock to
the next timer, so sleeps take no wall time and the interleaving is exactly
CPython's.

Only the loop run is timed (time.perf_counter around run_until_complete), not
interpreter start-up, imports or loop construction. Results go to stdout as one
JSON object; bench/run.ts reads it.
"""
import asyncio
import gc
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))          # the repository
RECORDER_DIR = os.path.join(ROOT, "scenarios", "recorder")
RECORDER = os.path.join(RECORDER_DIR, "vclock_recorder.py")


def load_virtual_loop():
    """Return (VirtualLoop class, the recorder's path relative to the repository)."""
    if not os.path.exists(RECORDER):
        sys.exit("bench: no virtual-clock loop: %s is missing" % RECORDER)
    sys.path.insert(0, RECORDER_DIR)
    from vclock_recorder import VirtualLoop
    return VirtualLoop, os.path.relpath(RECORDER, ROOT)


def parse_runs(argv, default=3):
    """`--runs N` on the command line (default 3)."""
    if "--runs" in argv:
        return max(1, int(argv[argv.index("--runs") + 1]))
    return default


def _run_once(VirtualLoop, make_main, measure=None):
    """Run one main coroutine on a fresh VirtualLoop; return (outcome, seconds).

    The loop (and, through the recorder's task list, every task it made) is
    dropped when this returns, and the caller collects it before the next run,
    so one run's garbage is never collected inside the next run's timing.
    """
    loop = VirtualLoop()
    asyncio.set_event_loop(loop)
    try:
        coro = make_main() if measure is None else make_main(measure)
        c0 = time.process_time()
        t0 = time.perf_counter()
        outcome = loop.run_until_complete(coro)
        t1 = time.perf_counter()
        c1 = time.process_time()
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    _run_once.cpu = c1 - c0
    return outcome, t1 - t0


def time_runs(name, events, make_main, check, runs):
    """Run make_main() `runs` times, each on a fresh VirtualLoop; print JSON.

    check(outcome) raises if the run did not do the workload's work; it returns
    a small dict of facts (e.g. the final virtual time) that bench/run.ts
    compares with the vloop side.
    """
    VirtualLoop, source = load_virtual_loop()
    seconds = []
    cpu_seconds = []
    facts = None
    for _ in range(runs):
        gc.collect()
        outcome, elapsed = _run_once(VirtualLoop, make_main)
        cpu_seconds.append(_run_once.cpu)
        facts = check(outcome)
        seconds.append(elapsed)
        del outcome
    best = min(seconds)
    emit({
        "workload": name,
        "python": sys.version.split()[0],
        "loop": source,
        "events": events,
        "runs": seconds,
        "cpuRuns": cpu_seconds,
        "bestSeconds": best,
        "eventsPerSecond": events / best,
        # the first run of this process (a cold run when the process is fresh)
        "firstSeconds": seconds[0],
        "firstCpuSeconds": cpu_seconds[0],
        "facts": facts,
    })


def measure_memory(name, tasks, make_main):
    """Bytes per pending task, from tracemalloc, in one run; print JSON.

    make_main(measure) returns the main coroutine; it calls measure() once
    before creating the tasks and once while they are all suspended.
    tracemalloc counts every allocation made through Python's allocators
    (objects, frames, lists, dicts, set tables) at its requested size; it is
    started before the loop so structures that grow with the task count
    (timer heap, ready deque, asyncio's WeakSet of all tasks) are counted.

    One run per process, on purpose: a second run in the same process reuses
    tables the first one grew and never shrank (asyncio's _scheduled_tasks
    WeakSet alone is ~42 bytes per task), so it would under-count.
    """
    import tracemalloc
    VirtualLoop, source = load_virtual_loop()
    samples = []

    def measure():
        gc.collect()
        samples.append(tracemalloc.get_traced_memory()[0])

    gc.collect()
    tracemalloc.start()
    try:
        _, elapsed = _run_once(VirtualLoop, make_main, measure)
    finally:
        tracemalloc.stop()
    before, after = samples
    emit({
        "workload": name,
        "python": sys.version.split()[0],
        "loop": source,
        "tasks": tasks,
        "method": "tracemalloc",
        "bytesPerTask": (after - before) / tasks,
        "seconds": elapsed,
    })


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()
