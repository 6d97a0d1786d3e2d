import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        log("get_nowait() on empty:", type(e).__name__)
    q.put_nowait(1)
    log("full =", q.full())
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        log("put_nowait() on full:", type(e).__name__)
    log("qsize =", q.qsize(), "item:", q.get_nowait())
    u = asyncio.Queue()
    for i in range(100):
        u.put_nowait(i)
    log("maxsize 0 is unbounded: maxsize =", u.maxsize, "qsize =", u.qsize(), "full =", u.full())
    n = asyncio.Queue(maxsize=-1)
    n.put_nowait("x")
    log("negative maxsize is unbounded too: full =", n.full())
    q.get_nowait()
