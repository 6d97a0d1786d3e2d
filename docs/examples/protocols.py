import asyncio

# A protocol echo server and its client, then a datagram echo.
class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
    def data_received(self, data):
        log("server got", data)
        self.transport.write(data.upper())
    def eof_received(self):
        log("server eof")  # returns None: the transport closes itself

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def connection_made(self, transport):
        transport.write(b"hello")
        transport.write_eof()
    def data_received(self, data):
        log("client got", data)
    def connection_lost(self, exc):
        log("client lost", exc)
        self.done.set_result(None)

class DatagramEcho(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)

class DatagramClient(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done
    def datagram_received(self, data, addr):
        log("datagram", data)
        self.done.set_result(None)
    def error_received(self, exc):
        log("error_received", exc)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    log("connecting")
    await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    await done
    server.close()
    await server.wait_closed()

    udp_server, _ = await loop.create_datagram_endpoint(DatagramEcho, local_addr=("127.0.0.1", 0))
    got = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(
        lambda: DatagramClient(got), remote_addr=udp_server.get_extra_info("sockname"))
    log("sendto")
    client.sendto(b"ping")
    await got
    client.close()
    udp_server.close()
