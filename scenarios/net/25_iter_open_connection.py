import asyncio

# How many iterations each step of setting up a connection takes.
async def main():
    loop = asyncio.get_running_loop()
    started = {}
    async def handle(reader, writer):
        log("handler starts at", iteration())
        writer.close()

    n = iteration()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    log("start_server took", iteration() - n)
    port = server.sockets[0].getsockname()[1]
    n = iteration()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("open_connection took", iteration() - n, "returned at", iteration())
    n = iteration()
    transport, proto = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
    log("create_connection took", iteration() - n)
    await asyncio.sleep(0)
    transport.close()
    writer.close()
    await writer.wait_closed()
    n = iteration()
    server.close()
    await server.wait_closed()
    log("server close + wait_closed took", iteration() - n)
