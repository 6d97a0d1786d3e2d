import asyncio


def now():
    return repr(asyncio.get_running_loop().time())


async def child(n, d):
    log("child", n, "starts")
    if d is not None:
        await asyncio.sleep(d)
    log("child", n, "ends at", now())
    return n


async def crash(msg, d):
    log("crash", msg, "starts")
    if d is not None:
        await asyncio.sleep(d)
    raise ValueError(msg)


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    # children that finish in their eager step are never awaited by the group
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child(1, None), name="one")
        log("a done:", a.done(), a.get_name())
        b = tg.create_task(child(2, 1))
        c = tg.create_task(child(3, 0))
        log("created three")
    log("group 1 over at", now(), a.result(), b.result(), c.result())
    # a child that fails in its eager step aborts the group at once
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(child(4, 5))
            log("s created")
            f = tg.create_task(crash("early", None))
            log("after crash: f done", f.done(), "s cancelling", s.cancelling(), "main cancelling", asyncio.current_task().cancelling())
            try:
                tg.create_task(child(5, None))
            except RuntimeError as e:
                log("create after abort:", e)
            await asyncio.sleep(1)
            log("not reached")
    except* ValueError as eg:
        log("group 2 raised", [str(e) for e in eg.exceptions], "at", now())
    log("s cancelled:", s.cancelled(), "main cancelling", asyncio.current_task().cancelling())
