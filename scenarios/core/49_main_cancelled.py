import asyncio


async def main():
    me = asyncio.current_task()
    log("main cancels itself:", me.cancel("self"))
    log("still running; cancelling() ->", me.cancelling())
    await asyncio.sleep(0)
    log("never reached")
