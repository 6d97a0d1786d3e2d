import asyncio


async def cancel_me():
    log("cancel_me(): before sleep")
    try:
        # Wait for 1 hour
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log("cancel_me(): cancel sleep")
        raise
    finally:
        log("cancel_me(): after sleep")


async def main():
    # Create a "cancel_me" Task
    task = asyncio.create_task(cancel_me())
    # Wait for 1 second
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log("main(): cancel_me is cancelled now")
    log("cancelled:", task.cancelled())
