import asyncio


async def work(tag):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log(tag, "cancelled")
        raise
    log(tag, "woke")
    return tag


async def main():
    t = asyncio.create_task(work("early"), name="early")
    await asyncio.sleep(0)
    try:
        log("got", await asyncio.wait_for(t, 1))
    except TimeoutError:
        log("early: TimeoutError; cancelled", t.cancelled())
    u = asyncio.create_task(work("late"), name="late")
    try:
        log("got", await asyncio.wait_for(u, 1))
    except TimeoutError:
        log("late: TimeoutError; cancelled", u.cancelled())
    return [t.cancelled(), u.cancelled()]
