import asyncio

# IO takes no virtual time: bytes written at t arrive at t; a reader waiting since 0 wakes at each t.
async def main():
    async def handle(reader, writer):
        for delay in (0.25, 0.5, 1.0):
            await asyncio.sleep(delay)
            writer.write(b"tick\n")
            log("server wrote")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while line := await reader.readline():
        log("client got", line, repr(asyncio.get_running_loop().time()))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
