"""sleep_storm on CPython: 1,000 tasks x 100 sleeps of ((i*7 + j*13) % 10)/10 + 0.1 s.

Events: one per completed sleep, 100,000 per run. Mirrors bench/workloads/sleep_storm.ts.
Usage: python3 bench/cpython/sleep_storm.py [--runs N]
"""
import asyncio
import sys

from _harness import parse_runs, time_runs

TASKS = 1000
SLEEPS = 100
EVENTS = TASKS * SLEEPS


def delay(i, j):
    return ((i * 7 + j * 13) % 10) / 10 + 0.1


async def worker(i):
    for j in range(SLEEPS):
        await asyncio.sleep(delay(i, j))
    return SLEEPS


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(TASKS)]
    counts = await asyncio.gather(*tasks)
    return sum(counts), asyncio.get_running_loop().time()


def check(outcome):
    sleeps, end_time = outcome
    if sleeps != EVENTS:
        raise AssertionError("sleep_storm: %d sleeps, expected %d" % (sleeps, EVENTS))
    return {"endTime": end_time}


if __name__ == "__main__":
    time_runs("sleep_storm", EVENTS, main, check, parse_runs(sys.argv))
