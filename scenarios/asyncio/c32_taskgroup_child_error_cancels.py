import asyncio


async def fail_soon():
    await asyncio.sleep(1)
    log("child fails")
    raise ValueError("boom")


async def sibling():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("sibling cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon(), name="failer")
            s = tg.create_task(sibling(), name="sibling")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log("body cancelled")
                raise
            log("not printed")
    except ExceptionGroup as eg:
        log(type(eg).__name__, [type(x).__name__ for x in eg.exceptions])
        log("message", str(eg.exceptions[0]))
    log("sibling cancelled", s.cancelled())
    return "ok"
