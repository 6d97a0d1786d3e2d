import asyncio


async def grandchild():
    await asyncio.sleep(2)
    log("grandchild done")
    return "gc"


async def spawner(tg, box):
    await asyncio.sleep(1)
    log("spawner adds a task while the group is exiting")
    box.append(tg.create_task(grandchild(), name="grandchild"))


async def main():
    loop = asyncio.get_running_loop()
    box = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, box), name="spawner")
        log("body ends")
    log("group exits at", repr(loop.time()), "with", box[0].result())
    return "ok"
