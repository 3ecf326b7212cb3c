"""The socket `papergraph serve` binds: connections on it send each write at once.

uvicorn writes a response's head and its body in two writes. With Nagle's algorithm on, the
body waits until the client acknowledges the head, and a client delays that acknowledgement
by ~40 ms: every request on a kept-alive connection took 40 ms more than it needed to.
asyncio (which uvicorn serves the bound socket with) turns Nagle off on each connection it
accepts, but only on a socket that says it is TCP.
"""

from __future__ import annotations

import asyncio
import socket

from papergraph.api.announce import bind


async def _nagle_off_on_accepted_connection(sock: socket.socket) -> bool:
    accepted: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            served = transport.get_extra_info("socket")
            accepted.set_result(bool(served.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))

    server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
    host, port = sock.getsockname()[:2]
    _, writer = await asyncio.open_connection(host, port)
    try:
        return await asyncio.wait_for(accepted, 10)
    finally:
        writer.close()
        server.close()


def test_connections_to_the_served_port_send_without_waiting_for_acks() -> None:
    sock = bind("127.0.0.1", 0)
    assert asyncio.run(_nagle_off_on_accepted_connection(sock))
