import asyncio


async def fail():
    await asyncio.sleep(1)
    raise ValueError("boom")


async def main():
    tg = asyncio.TaskGroup()
    log("new", repr(tg))
    try:
        async with tg:
            log("entered", repr(tg))
            tg.create_task(asyncio.sleep(5))
            t = tg.create_task(fail())
            log("two tasks", repr(tg))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log("aborting", repr(tg), repr(t))
                raise
    except ExceptionGroup as eg:
        log("raised", repr(eg))
    log("after", repr(tg))
    ok = asyncio.TaskGroup()
    async with ok:
        ok.create_task(asyncio.sleep(1))
    log("after", repr(ok))
