import asyncio


def now():
    return repr(asyncio.get_running_loop().time())


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def leaf(n, d):
    log("leaf", n, "in", asyncio.current_task().get_name(), "tasks", names(asyncio.all_tasks()))
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log("leaf", n, "cancelled at", now())
        raise
    log("leaf", n, "done at", now())
    return n


async def outer(n):
    log("outer", n, "creates a leaf")
    t = asyncio.create_task(leaf(n * 10, n))
    log("outer", n, "back in", asyncio.current_task().get_name())
    try:
        return await t
    except asyncio.CancelledError:
        log("outer", n, "cancelled at", now())
        raise


async def waits_on(fut, label):
    log(label, "awaits")
    try:
        v = await fut
    except asyncio.CancelledError:
        log(label, "cancelled at", now())
        raise
    log(label, "got", v)
    return v


def from_callback(loop):
    log("callback creates a task; current is", asyncio.current_task())
    t = asyncio.create_task(leaf(7, 0.25))
    log("callback back; current is", asyncio.current_task(), "t done", t.done())


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    # nested eager starts: each step runs inside its creator's, and swaps back
    o = asyncio.create_task(outer(1))
    log("main back, o done", o.done())
    # a done future is awaited without suspending
    done = loop.create_future()
    done.set_result("ready")
    d = asyncio.create_task(waits_on(done, "done-waiter"))
    log("d done", d.done(), d.result())
    # cancel a task right after its eager step suspended: the future it waits on is cancelled
    fut = loop.create_future()
    w = asyncio.create_task(waits_on(fut, "waiter"))
    log("cancel w:", w.cancel(), "fut cancelled", fut.cancelled())
    # a task from a plain callback starts eagerly too, with no task current before it
    loop.call_soon(from_callback, loop)
    await asyncio.sleep(0)
    log("after sleep(0): w cancelled", w.cancelled())
    # ensure_future, shield and wait_for of coroutines make eager tasks
    e = asyncio.ensure_future(leaf(8, 0))
    log("ensure_future made", e.get_name(), "done", e.done())
    r = await asyncio.shield(leaf(9, 0.5))
    log("shield ->", r)
    log("wait_for ->", await asyncio.wait_for(leaf(11, 0), 1))
    for f in asyncio.as_completed([leaf(12, 0.5)]):
        log("as_completed ->", await f)
    # leftovers: one nested pair is still pending at the end (shutdown cancels them)
    asyncio.create_task(outer(100))
    log("end at", now())
