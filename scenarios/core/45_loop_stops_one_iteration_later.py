import asyncio


async def neighbour():
    await asyncio.sleep(1)
    log("neighbour woke with main")
    await asyncio.sleep(0)
    log("neighbour: one iteration after main finished")
    await asyncio.sleep(0)
    log("neighbour: two iterations after")  # only during shutdown: cancelled


async def main():
    t = asyncio.create_task(neighbour())
    await asyncio.sleep(1)
    log("main returns")
    return t.get_name()
