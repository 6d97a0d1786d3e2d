import asyncio


def now():
    return repr(asyncio.get_running_loop().time())


async def two_steps():
    await asyncio.sleep(0.1)
    log("a after 0.1:", now())
    await asyncio.sleep(0.2)
    log("a after 0.1 + 0.2:", now())
    await asyncio.sleep(0.7)
    log("a after 0.7 more:", now())


async def one_step():
    await asyncio.sleep(0.3)
    log("b after 0.3:", now())


async def alone():
    await asyncio.sleep(0.7)
    await asyncio.sleep(0.1)
    log("c after 0.7 + 0.1:", now())


async def main():
    # a's second deadline is 0.1 + 0.2 = 0.30000000000000004 and b's is 0.3:
    # b's timer is the head, so the clock lands on 0.3, and a's deadline is
    # within the 1e-9 clock resolution, so both wake in that iteration at
    # 0.3.  c's 0.7 + 0.1 has no neighbour: the clock shows the float sum.
    tasks = [asyncio.create_task(f()) for f in (two_steps, one_step, alone)]
    for t in tasks:
        await t
    log("main at", now())
