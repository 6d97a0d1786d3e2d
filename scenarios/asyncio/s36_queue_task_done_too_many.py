import asyncio


async def main():
    q = asyncio.Queue()
    await q.join()
    log("join() on a fresh queue returns at once")
    try:
        q.task_done()
    except ValueError as e:
        log("task_done() with nothing put:", type(e).__name__, e)
    q.put_nowait("a")
    item = q.get_nowait()
    q.task_done()
    log("one put, one get, one task_done():", item)
    try:
        q.task_done()
    except ValueError as e:
        log("once more:", type(e).__name__, e)
    await q.join()
    log("join() still returns at once")
    q.put_nowait("b")
    q.task_done()
    log("task_done() before get() counts too; qsize =", q.qsize())
    await q.join()
    return q.get_nowait()
