"""ping_pong on CPython: two tasks passing 100,000 messages through two asyncio.Queues.

ping puts i on q1 and gets i + 1 back from q2; pong gets from q1 and puts the
value + 1 on q2. Events: one per round trip, 100,000 per run (200,000 queue
transfers). Mirrors bench/workloads/ping_pong.ts.
Usage: python3 bench/cpython/ping_pong.py [--runs N]
"""
import asyncio
import sys

from _harness import parse_runs, time_runs

ROUND_TRIPS = 100_000
EVENTS = ROUND_TRIPS


async def ping(q1, q2):
    for i in range(ROUND_TRIPS):
        await q1.put(i)
        reply = await q2.get()
        if reply != i + 1:
            raise AssertionError("ping_pong: sent %d, got %r back" % (i, reply))
    return ROUND_TRIPS


async def pong(q1, q2):
    for _ in range(ROUND_TRIPS):
        x = await q1.get()
        await q2.put(x + 1)
    return ROUND_TRIPS


async def main():
    q1 = asyncio.Queue()
    q2 = asyncio.Queue()
    ping_task = asyncio.create_task(ping(q1, q2))
    pong_task = asyncio.create_task(pong(q1, q2))
    counts = await asyncio.gather(ping_task, pong_task)
    return counts, asyncio.get_running_loop().time()


def check(outcome):
    (replies, forwarded), end_time = outcome
    if replies != ROUND_TRIPS or forwarded != ROUND_TRIPS:
        raise AssertionError("ping_pong: %d replies and %d forwarded, expected %d each"
                             % (replies, forwarded, ROUND_TRIPS))
    return {"endTime": end_time}


if __name__ == "__main__":
    time_runs("ping_pong", EVENTS, main, check, parse_runs(sys.argv))
