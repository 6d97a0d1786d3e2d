import asyncio


async def never_started():
    log("never_started runs")  # not printed
    return 1


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("ready")
    log("done future, timeout 0 ->", await asyncio.wait_for(done, 0))
    pending = loop.create_future()
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError:
        log("pending future, timeout 0: TimeoutError; cancelled", pending.cancelled())
    try:
        await asyncio.wait_for(never_started(), -1)
    except TimeoutError:
        log("coroutine, timeout -1: TimeoutError")
    t = asyncio.create_task(never_started())
    log("next task is", t.get_name())
    t.cancel()
    return "ok"
