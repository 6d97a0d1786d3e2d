import asyncio

# writer.close() then wait_closed(): the iterations it takes, and when the peer sees EOF.
async def main():
    closed_at = {}
    async def handle(reader, writer):
        data = await reader.read()
        log("server read", data, "EOF at close +", iteration() - closed_at["n"])
        writer.close()
        n = iteration()
        await writer.wait_closed()
        log("server close + wait_closed took", iteration() - n)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"bye")
    closed_at["n"] = iteration()
    writer.close()
    log("is_closing", writer.is_closing())
    await writer.wait_closed()
    log("client close + wait_closed took", iteration() - closed_at["n"])
    n = iteration()
    await writer.wait_closed()
    log("second wait_closed took", iteration() - n)
    await asyncio.sleep(1)
    server.close()
    await server.wait_closed()
