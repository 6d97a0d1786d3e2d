import asyncio


async def work(n):
    await asyncio.sleep(n)
    log("work", n, "done")
    return n * 10


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(2))
        b = tg.create_task(work(1), name="named")
        log("created", a.get_name(), b.get_name())
        await asyncio.sleep(0)
        log("body ends")
    log("group done", [a.result(), b.result()])
    return [a.get_name(), b.get_name()]
