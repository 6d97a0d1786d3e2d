import asyncio


async def child(state):
    state["started"] = True
    log("child: first line")


async def main():
    state = {"started": False}
    task = asyncio.create_task(child(state))
    log("main: created the task; started?", state["started"])
    await asyncio.sleep(0)
    log("main: after sleep(0); started?", state["started"], "done?", task.done())
