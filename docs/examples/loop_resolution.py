import asyncio


def fire(name):
    loop = asyncio.get_running_loop()
    log(name, "at", repr(loop.time()))
    if name.startswith("a"):
        loop.call_soon(log, "call_soon from a")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_at(1.0 + 2e-9, fire, "c: 1 + 2e-9")
    loop.call_at(1.0 + 5e-10, fire, "b: 1 + 5e-10")
    loop.call_at(1.0, fire, "a: 1")
    await asyncio.sleep(2)
