import asyncio


async def work(tag):
    await asyncio.sleep(1)
    log(tag, "done")


async def main():
    t = asyncio.create_task(work("early"), name="early")
    await asyncio.sleep(0)
    done, pending = await asyncio.wait([t], timeout=1)
    log("early: done", len(done), "pending", len(pending))
    u = asyncio.create_task(work("late"), name="late")
    done, pending = await asyncio.wait([u], timeout=1)
    log("late: done", len(done), "pending", len(pending))
    await asyncio.sleep(0)
    log("late done now", u.done())
    return "ok"
