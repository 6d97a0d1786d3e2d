import asyncio


async def worker(q, name):
    while True:
        item = await q.get()
        log(name, "took", item)
        await asyncio.sleep(item)
        log(name, "finished", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for item in [3, 1, 2, 1]:
        q.put_nowait(item)
    ws = [asyncio.create_task(worker(q, n), name=n) for n in ["W1", "W2"]]
    log("join() waits for 4 task_done() calls")
    await q.join()
    log("join() returned; qsize =", q.qsize())
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)
    log("workers cancelled:", [w.cancelled() for w in ws])
