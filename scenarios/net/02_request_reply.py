import asyncio

# Three request/reply rounds on one connection: each reply is read before the next request.
async def main():
    async def handle(reader, writer):
        while line := await reader.readline():
            n = int(line)
            log("server", n)
            writer.write(b"%d\n" % (n * n))
        log("server eof")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for n in (2, 3, 4):
        writer.write(b"%d\n" % n)
        reply = int(await reader.readline())
        log("client", n, "->", reply)
        replies.append(reply)
    writer.write_eof()
    log("client sees", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return replies
