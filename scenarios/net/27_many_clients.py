import asyncio

# Three clients connect at once: the server accepts them in one iteration, in connect order,
# and each gets its own handler task.
async def main():
    async def handle(reader, writer):
        name = (await reader.readline()).strip().decode()
        log("handler", name, "iteration", iteration())
        writer.write(b"hello " + name.encode() + b"\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def client(name):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        log(name, "connected", "iteration", iteration())
        writer.write(name.encode() + b"\n")
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return reply.decode().strip()

    replies = await asyncio.gather(client("a"), client("b"), client("c"))
    server.close()
    await server.wait_closed()
    return replies
