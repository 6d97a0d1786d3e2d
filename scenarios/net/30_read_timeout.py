import asyncio

# wait_for around a read that gets nothing: TimeoutError at the deadline, and the stream still works.
async def main():
    async def handle(reader, writer):
        await asyncio.sleep(3)
        writer.write(b"late\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await asyncio.wait_for(reader.readline(), 1)
    except TimeoutError:
        log("TimeoutError")
    try:
        async with asyncio.timeout(1):
            await reader.readexactly(4)
    except TimeoutError:
        log("TimeoutError again")
    log("line", await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
