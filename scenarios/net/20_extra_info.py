import asyncio

# get_extra_info: peername/sockname are (host, port) pairs that mirror each other; ports are random,
# so only their relations are printed.
async def main():
    seen = {}
    async def handle(reader, writer):
        seen["server peer"] = writer.get_extra_info("peername")
        seen["server sock"] = writer.get_extra_info("sockname")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    log("server host", host)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    peer = writer.get_extra_info("peername")
    sock = writer.get_extra_info("sockname")
    log("client peer", peer[0], peer[1] == port)
    log("client sock", sock[0], sock[1] != port)
    await reader.read()
    log("server sees client", seen["server peer"] == sock, seen["server sock"] == peer)
    log("missing", writer.get_extra_info("nothing", "default"))
    log("socket family", writer.get_extra_info("socket").family.name)
    log("ssl", writer.get_extra_info("sslcontext"))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
