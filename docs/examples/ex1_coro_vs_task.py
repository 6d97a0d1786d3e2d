import asyncio


async def child(name):
    log(name, "runs")


async def main():
    task = asyncio.create_task(child("the task"))
    log("A")
    await child("the coroutine")
    log("B")
    await task
    log("C")
