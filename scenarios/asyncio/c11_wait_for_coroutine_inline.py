import asyncio


async def who(tag):
    log(tag, "runs in", asyncio.current_task().get_name())
    await asyncio.sleep(1)
    return tag


async def main():
    r = await asyncio.wait_for(who("coro"), timeout=5)
    log("got", r)
    t = asyncio.create_task(who("task"))
    log("first created task is", t.get_name())
    r = await asyncio.wait_for(t, timeout=5)
    log("got", r)
    log("tasks now", len(asyncio.all_tasks()))
    return asyncio.current_task().get_name()
