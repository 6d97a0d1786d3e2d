import asyncio

# Pipelining: the client sends three requests in one write; the server answers each as it parses it.
async def main():
    start = 0
    async def handle(reader, writer):
        while line := await reader.readline():
            log("server got", line, "iteration", iteration() - start)
            writer.write(b"re:" + line)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = iteration()  # the handler reads it too
    writer.write(b"a\nb\nc\n")
    log("wrote", "iteration", iteration() - start)
    for _ in range(3):
        line = await reader.readline()
        log("client got", line, "iteration", iteration() - start)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
