import asyncio


async def worker(name):
    log(name, "step 1")
    await asyncio.sleep(0)
    log(name, "step 2")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, log, "call_later(0) from main")
    a = asyncio.create_task(worker("A"), name="A")
    b = asyncio.create_task(worker("B"), name="B")
    loop.call_soon(log, "call_soon from main")
    log("main: sleep(0)")
    await asyncio.sleep(0)
    log("main: back, awaits A")
    await a
    log("main: A is done, awaits B")
    await b
    log("main: B was done already")
