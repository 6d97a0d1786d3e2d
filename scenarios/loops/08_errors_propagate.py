import asyncio


async def failing():
    await asyncio.sleep(1)
    raise ValueError("bad")


async def waiter():
    await asyncio.sleep(10)


def main():
    loop = new_event_loop()
    try:
        loop.run_until_complete(failing())
    except ValueError as e:
        say("ValueError", e, "at", fmt_time(loop.time()))
    t = loop.create_task(waiter())
    loop.call_later(1, t.cancel)
    try:
        loop.run_until_complete(t)
    except asyncio.CancelledError:
        say("CancelledError at", fmt_time(loop.time()))
    fut = loop.create_future()
    try:
        loop.run_until_complete(fut)
    except Deadlock:
        say("deadlock at", fmt_time(loop.time()))
    say("the loop still works:", loop.run_until_complete(asyncio.sleep(1, "yes")), fmt_time(loop.time()))
    loop.close()
