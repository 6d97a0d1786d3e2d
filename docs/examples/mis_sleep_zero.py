import asyncio


async def waiter(event):
    await event.wait()
    log("waiter: woke up")


async def setter(event):
    event.set()
    log("setter: set the event")


async def main():
    event = asyncio.Event()
    asyncio.create_task(waiter(event))
    asyncio.create_task(setter(event))
    await asyncio.sleep(0)
    log("main: back from the first sleep(0)")
    await asyncio.sleep(0)
    log("main: back from the second sleep(0)")
