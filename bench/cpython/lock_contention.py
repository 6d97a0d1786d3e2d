"""lock_contention on CPython: 1,000 tasks x 100 turns of `async with lock: await asyncio.sleep(0)`.

`async with lock` is lock.acquire() + lock.release(), as in the vloop version.
Events: one per acquisition, 100,000 per run. Mirrors bench/workloads/lock_contention.ts.
Usage: python3 bench/cpython/lock_contention.py [--runs N]
"""
import asyncio
import sys

from _harness import parse_runs, time_runs

TASKS = 1000
ITERATIONS = 100
EVENTS = TASKS * ITERATIONS


async def worker(lock, counter):
    for _ in range(ITERATIONS):
        async with lock:
            await asyncio.sleep(0)
            counter[0] += 1
    return ITERATIONS


async def main():
    lock = asyncio.Lock()
    counter = [0]                      # acquisitions, counted inside the lock
    tasks = [asyncio.create_task(worker(lock, counter)) for _ in range(TASKS)]
    counts = await asyncio.gather(*tasks)
    return sum(counts), counter[0], lock.locked(), asyncio.get_running_loop().time()


def check(outcome):
    iterations, acquisitions, locked, end_time = outcome
    if iterations != EVENTS or acquisitions != EVENTS:
        raise AssertionError("lock_contention: %d acquisitions counted, %d iterations returned, expected %d"
                             % (acquisitions, iterations, EVENTS))
    if locked:
        raise AssertionError("lock_contention: the lock is still held at the end")
    return {"endTime": end_time}


if __name__ == "__main__":
    time_runs("lock_contention", EVENTS, main, check, parse_runs(sys.argv))
