import asyncio

handles = {}


def fire(name, victim):
    log(name, "fires")
    if victim:
        log("cancelling", victim, "which is already due")
        handles[victim].cancel()


async def main():
    loop = asyncio.get_running_loop()
    handles.clear()
    # x, y and z are all due at t=1 and moved to the ready queue together;
    # x cancels y there, and a cancelled handle is skipped when its turn comes.
    handles["x"] = loop.call_at(1, fire, "x", "y")
    handles["y"] = loop.call_at(1, fire, "y", None)
    handles["z"] = loop.call_at(1, fire, "z", None)
    await asyncio.sleep(2)
    log("y cancelled() ->", handles["y"].cancelled())
