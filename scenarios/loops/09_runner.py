import asyncio


async def ticker():
    try:
        while True:
            await asyncio.sleep(1)
            say("tick")
    except asyncio.CancelledError:
        say("ticker cancelled")
        raise


async def first():
    say("first starts")
    asyncio.create_task(ticker(), name="ticker")
    await asyncio.sleep(2.5)
    say("first returns")
    return 1


async def second():
    say("second sees", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1)
    return 2


async def failing():
    await asyncio.sleep(0)
    raise ValueError("this run fails")


async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        say("stubborn refuses to be cancelled")
        raise ValueError("refused")


async def spawn_stubborn():
    asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(0)


def handler(loop, context):
    say("handler:", context["message"], repr(context["exception"]), context["task"].get_name())


def main():
    runner = asyncio.Runner(loop_factory=new_event_loop)
    say("runner made")
    with runner:
        say("result", runner.run(first()))
        say("result", runner.run(second()))
        try:
            runner.run(failing())
        except ValueError as e:
            say("run raised", e)
        loop = runner.get_loop()
        loop.set_exception_handler(handler)
        runner.run(spawn_stubborn())
        say("time before close", fmt_time(loop.time()))
    say("closed:", loop.is_closed(), "at", fmt_time(loop.time()))
    runner.close()
    say("closing again does nothing")
    try:
        runner.get_loop()
    except RuntimeError as e:
        say("after close:", e)
