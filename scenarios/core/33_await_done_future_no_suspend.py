import asyncio


async def other():
    for i in range(3):
        log("other", i)
        await asyncio.sleep(0)


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("x")
    asyncio.create_task(other())
    await asyncio.sleep(0)
    log("main: awaiting a done future")
    v1 = await fut
    v2 = await fut
    log("main: got", v1, v2, "without suspending")
    await asyncio.sleep(0)
    log("main: after sleep(0)")
    return v1
