import asyncio

# Protocol-based echo: the order of connection_made, data_received, eof_received, connection_lost
# on both sides, with the loop iteration of each.
class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        log("server connection_made", iteration())
    def data_received(self, data):
        log("server data_received", data, iteration())
        self.transport.write(data)
    def eof_received(self):
        log("server eof_received", iteration())
    def connection_lost(self, exc):
        log("server connection_lost", exc, iteration())

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def connection_made(self, transport):
        log("client connection_made", iteration())
        transport.write(b"ping")
        transport.write_eof()
    def data_received(self, data):
        log("client data_received", data, iteration())
    def eof_received(self):
        log("client eof_received", iteration())
    def connection_lost(self, exc):
        log("client connection_lost", exc, iteration())
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    log("create_connection at", iteration())
    transport, proto = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    log("create_connection returned", iteration())
    await done
    server.close()
    await server.wait_closed()
    log("closed", iteration())
