import asyncio

# write_eof: the peer's read() returns everything then b''; at_eof() turns true only once the buffer is empty.
async def main():
    done = asyncio.Event()
    async def handle(reader, writer):
        log("can_write_eof", writer.can_write_eof())
        writer.write(b"abc")
        writer.write_eof()
        log("is_closing after write_eof", writer.is_closing())
        await done.wait()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log("at_eof", reader.at_eof())
    log("read 2", await reader.read(2))
    log("at_eof", reader.at_eof())
    log("read", await reader.read(10))
    log("at_eof", reader.at_eof())
    log("read again", await reader.read(10))
    done.set()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
