import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(work(n), name=f"w{n}") for n in (3, 1, 2)]
        log("body returns immediately")
    log("after the block at", repr(loop.time()), [t.done() for t in ts])
    log("tasks left", len(asyncio.all_tasks()))
    return [t.result() for t in ts]
