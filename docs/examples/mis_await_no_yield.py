import asyncio


async def double(x):
    return 2 * x  # no await inside: nothing here gives up control


async def a():
    log("A: before")
    x = await double(1)
    x = await double(x)
    log("A: after two awaits, x =", x)


async def b():
    log("B: my turn")


async def main():
    await asyncio.gather(a(), b())
