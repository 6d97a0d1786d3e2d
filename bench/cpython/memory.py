"""memory on CPython: bytes per pending task, 200,000 tasks all suspended in sleep(1).

measure() runs before the tasks are created and again after one sleep(0) of
main, by which time every task has taken its first step and waits on its timer.
The difference, divided by the task count, is the cost of one pending task:
Task, coroutine and frame, the sleep's Future, its TimerHandle and heap slot,
and the list entry that keeps the task. Mirrors bench/workloads/memory.ts.
Usage: python3 bench/cpython/memory.py   (one run: see _harness.measure_memory)
"""
import asyncio

from _harness import measure_memory

TASKS = 200_000


async def sleeper():
    await asyncio.sleep(1)


def make_main(measure):
    async def main():
        measure()
        tasks = [asyncio.create_task(sleeper()) for _ in range(TASKS)]
        await asyncio.sleep(0)
        measure()
        if any(t.done() for t in tasks) or asyncio.get_running_loop().time() != 0:
            raise AssertionError("memory: tasks were not all pending when measured")
        for t in tasks:
            await t
    return main()


if __name__ == "__main__":
    measure_memory("memory", TASKS, make_main)
