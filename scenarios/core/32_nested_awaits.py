import asyncio


async def level3():
    log("level3 start")
    await asyncio.sleep(1)
    log("level3 end")
    return 3


async def level2():
    log("level2 start")
    v = await level3()
    log("level2 end")
    return v * 10


async def level1():
    log("level1 start")
    v = await level2()
    log("level1 end")
    return v + 1


async def main():
    # Awaiting a coroutine runs it inside the same task: no new task and
    # no extra loop iteration.
    v = await level1()
    log("value", v)
    return v
