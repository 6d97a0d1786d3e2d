import asyncio

# Two tasks reading one StreamReader at once: the second gets RuntimeError at once.
async def main():
    async def handle(reader, writer):
        await asyncio.sleep(1)
        writer.write(b"data")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def read(name):
        try:
            log(name, "got", await reader.read(10))
        except RuntimeError as e:
            log(name, "RuntimeError", e)

    await asyncio.gather(read("first"), read("second"))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
