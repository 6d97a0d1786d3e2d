import asyncio

# A write in iteration N: the peer's data_received runs in N+1 and a task awaiting read() resumes in N+2.
async def main():
    loop = asyncio.get_running_loop()
    wrote = {}
    async def handle(reader, writer):
        proto = writer._protocol
        original = proto.data_received
        def data_received(data):
            log("server data_received", data, "at N +", iteration() - wrote["at"])
            original(data)
        proto.data_received = data_received
        data = await reader.read(100)
        log("server task resumed with", data, "at N +", iteration() - wrote["at"])
        writer.write(b"pong")
        wrote["at"] = iteration()
        log("server wrote at", wrote["at"])
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0)
    writer.write(b"ping")
    wrote["at"] = iteration()
    log("client wrote at", wrote["at"])
    data = await reader.read(100)
    log("client task resumed with", data, "at N +", iteration() - wrote["at"])
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
