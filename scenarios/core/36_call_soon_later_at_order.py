import asyncio


def cb(what):
    log(what)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, cb, "call_later(2)")
    loop.call_at(1, cb, "call_at(1)")
    loop.call_soon(cb, "call_soon")
    loop.call_later(-1, cb, "call_later(-1)")
    loop.call_at(-5, cb, "call_at(-5), in the past")
    loop.call_later(0, cb, "call_later(0)")
    loop.call_soon(cb, "call_soon again")
    log("scheduled")
    await asyncio.sleep(3)
    log("main done")
