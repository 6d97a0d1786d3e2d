import asyncio

started = []


async def child():
    started.append(True)
    log("child: first line")


async def main():
    task = asyncio.create_task(child())
    log("main: created the task; started?", bool(started))
    await asyncio.sleep(0)
    log("main: after sleep(0); started?", bool(started), "done?", task.done())
