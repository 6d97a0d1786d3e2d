import asyncio
import socket

# Connecting where nothing listens: open_connection raises ConnectionRefusedError, taking no virtual time.
async def main():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # bound, never listened: nothing there now
    start = iteration()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        log("ConnectionRefusedError", e.errno == 111, "after", iteration() - start, "iterations")
    try:
        await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 1)
    except OSError as e:
        log(type(e).__name__)
    return "done"
