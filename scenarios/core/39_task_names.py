import asyncio


async def report():
    log("my name is", asyncio.current_task().get_name())


async def main():
    log("main is Task-1 renamed:", asyncio.current_task().get_name())
    t2 = asyncio.create_task(report())
    t3 = asyncio.create_task(report(), name="worker")
    t4 = asyncio.create_task(report())
    log("names:", t2.get_name(), t3.get_name(), t4.get_name())
    await asyncio.gather(report(), report())
    t7 = asyncio.create_task(report())
    t7.set_name("renamed")
    await t7
    t8 = asyncio.create_task(report())
    await t8
    return t8.get_name()
