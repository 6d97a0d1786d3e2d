import asyncio


async def main():
    loop = asyncio.get_running_loop()
    log("sleeping 100000 s, longer than one 24 h select")
    await asyncio.sleep(100000)
    log("awake at", repr(loop.time()))
    await asyncio.sleep(0.5)
    log("then at", repr(loop.time()))
