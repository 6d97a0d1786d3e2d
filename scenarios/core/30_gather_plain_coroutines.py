import asyncio


async def who(n):
    log("coroutine", n, "runs in", asyncio.current_task().get_name())
    await asyncio.sleep(n)
    return asyncio.current_task().get_name()


async def main():
    # Each plain coroutine is wrapped in a new task, in argument order.
    names = await asyncio.gather(who(1), who(2), who(1))
    log("names:", names)
    return names
