import asyncio


async def main():
    log("hello")
    await asyncio.sleep(1)
    log("world")
