"""fan_out_seed on CPython: fan_out in the seed's form, gather of 100,000
coroutines (not tasks created first) that each sleep(1) and return i.

`asyncio.gather(*[work(i) for i in range(100000)])`: gather wraps each
coroutine in a task itself. Events: one per coroutine, 100,000 per run.
Mirrors bench/workloads/fan_out_seed.ts.
Usage: python3 bench/cpython/fan_out_seed.py [--runs N]
"""
import asyncio
import sys

from _harness import parse_runs, time_runs

TASKS = 100_000
EVENTS = TASKS


async def work(i):
    await asyncio.sleep(1)
    return i


async def main():
    results = await asyncio.gather(*[work(i) for i in range(TASKS)])
    return results, asyncio.get_running_loop().time()


def check(outcome):
    results, end_time = outcome
    if results != list(range(TASKS)):
        raise AssertionError("fan_out_seed: gather did not return [0..%d]" % (TASKS - 1))
    return {"endTime": end_time}


if __name__ == "__main__":
    time_runs("fan_out_seed", EVENTS, main, check, parse_runs(sys.argv))
