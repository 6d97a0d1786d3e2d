import asyncio

# Half-close: the client sends EOF, the server still answers on the open half, then closes.
async def main():
    async def handle(reader, writer):
        body = await reader.read()
        log("server got all", body)
        writer.write(b"len=%d" % len(body))
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"part1 ")
    await asyncio.sleep(0.5)
    writer.write(b"part2")
    writer.write_eof()
    try:
        writer.write(b"more")
    except RuntimeError as e:
        log("RuntimeError", e)
    log("reply", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
