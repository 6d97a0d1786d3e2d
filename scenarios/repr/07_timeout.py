import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(10)
    log("created", repr(t))
    async with t:
        log("entered", repr(t))
        for when in [None, 12.5, 0.1234567, 2.0005, 0.0625, 0.1875, 1e20, 1234.56789, 30.0]:
            t.reschedule(when)
            log("rescheduled", repr(t))
    log("exited", repr(t))
    t2 = asyncio.timeout(1)
    try:
        async with t2:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                log("expiring", repr(t2))
                raise
    except TimeoutError:
        log("expired", repr(t2))
    async with asyncio.timeout(None) as t3:
        log("no deadline", repr(t3))
    log("at", repr(asyncio.timeout_at(loop.time() + 0.5)))
