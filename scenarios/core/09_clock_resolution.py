import asyncio


def fire(name):
    loop = asyncio.get_running_loop()
    log(name, "at", repr(loop.time()))
    if name == "x":
        loop.call_soon(log, "call_soon from x")


async def main():
    loop = asyncio.get_running_loop()
    # Pushed in reverse order.  y is 5e-10 after x (closer than the 1e-9
    # clock resolution), so x and y run in one iteration, before the
    # call_soon that x makes; z is 2e-9 after x and needs its own jump.
    loop.call_at(1.0 + 2e-9, fire, "z")
    loop.call_at(1.0 + 5e-10, fire, "y")
    loop.call_at(1.0, fire, "x")
    await asyncio.sleep(2)
    log("main at", repr(loop.time()))
