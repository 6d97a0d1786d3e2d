"""fan_out on CPython: gather of 100,000 tasks that each sleep(1) and return i.

Events: one per task (created, slept, finished, gathered), 100,000 per run.
Mirrors bench/workloads/fan_out.ts.
Usage: python3 bench/cpython/fan_out.py [--runs N]
"""
import asyncio
import sys

from _harness import parse_runs, time_runs

TASKS = 100_000
EVENTS = TASKS


async def child(i):
    await asyncio.sleep(1)
    return i


async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(TASKS)]
    results = await asyncio.gather(*tasks)
    return results, asyncio.get_running_loop().time()


def check(outcome):
    results, end_time = outcome
    if results != list(range(TASKS)):
        raise AssertionError("fan_out: gather did not return [0..%d]" % (TASKS - 1))
    return {"endTime": end_time}


if __name__ == "__main__":
    time_runs("fan_out", EVENTS, main, check, parse_runs(sys.argv))
