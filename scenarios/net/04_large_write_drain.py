import asyncio

# A 1 MiB write with drain(): drain waits while the peer is not reading and returns once it reads.
async def main():
    got = asyncio.Event()
    async def handle(reader, writer):
        await asyncio.sleep(1)
        log("server starts reading")
        total = 0
        while chunk := await reader.read(65536):
            total += len(chunk)
        log("server got", total)
        writer.close()
        got.set()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"x" * (1 << 20))
    await writer.drain()
    log("drained", writer.transport.get_write_buffer_size() <= 16384)
    writer.write_eof()
    await got.wait()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
