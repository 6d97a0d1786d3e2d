import asyncio


async def child(state):
    state["started"] = True
    log("child: first line")


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    state = {"started": False}
    task = asyncio.create_task(child(state))
    log("main: created the task; started?", state["started"], "done?", task.done())
