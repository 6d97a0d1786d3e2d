import asyncio

# A line written in pieces across iterations and virtual time: readline returns once the newline comes;
# readuntil finds a two-byte separator split across two writes.
async def main():
    async def handle(reader, writer):
        for part in (b"hel", b"lo wor", b"ld\nfirst\r", b"\nrest"):
            writer.write(part)
            await asyncio.sleep(0.5)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("line", await reader.readline())
    log("until", await reader.readuntil(b"\r\n"))
    log("line", await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
