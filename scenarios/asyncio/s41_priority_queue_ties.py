import asyncio


async def main():
    q = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (2, "a"), (1, "m"), (0, "q"), (2, "c")]:
        q.put_nowait(item)
    out = []
    while not q.empty():
        prio, payload = q.get_nowait()
        log("got", prio, payload)
        out.append(payload)
    n = asyncio.PriorityQueue()
    for x in [5, 3, 5, 1, 4]:
        await n.put(x)
    nums = [n.get_nowait() for _ in range(n.qsize())]
    log("numbers:", nums)
    return out
