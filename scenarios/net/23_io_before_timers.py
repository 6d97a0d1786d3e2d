import asyncio

# When IO is ready and a timer falls due in the same iteration, the IO callback runs first,
# even though the timer was scheduled first; both take no virtual time.
class Peer(asyncio.Protocol):
    def data_received(self, data):
        log("data_received", data, iteration())

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Peer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
    await asyncio.sleep(0.5)
    log("write and call_later(0) at", iteration())
    loop.call_later(0, lambda: log("timer 0 ran", iteration()))
    loop.call_soon(lambda: log("call_soon ran", iteration()))
    transport.write(b"x")
    await asyncio.sleep(0)
    log("main after sleep(0)", iteration())
    await asyncio.sleep(0)
    log("main after sleep(0)", iteration())
    loop.call_later(0.25, lambda: log("timer 0.25 ran", iteration()))
    loop.call_later(0.25, transport.write, b"y")
    await asyncio.sleep(1)
    transport.close()
    server.close()
    await server.wait_closed()
