import asyncio

# `async with server`: leaving the block closes the server and waits for it; the reader's iteration
# protocol (async for line in reader) ends at EOF.
async def main():
    async def handle(reader, writer):
        async for line in reader:
            log("server line", line)
        writer.close()
        log("handler done")

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.writelines([b"one\n", b"two\n", b"three"])
        writer.write_eof()
        log("client read", await reader.read())
        writer.close()
        await writer.wait_closed()
    log("is_serving", server.is_serving())
    return "done"
