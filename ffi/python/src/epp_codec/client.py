"""The client side of an EPP session through the binding: the `<login>`
writer and `Client`, which reads the greeting from a connected stream (an
`ssl.SSLSocket` in practice) and then sends one framed command at a time
and reads its response."""

from __future__ import annotations

import socket
import ssl
from typing import Optional, Sequence

from . import WRITE_FRAMED, Deframer, EppError, Message, Result, _str, _write, write_hello
from ._lib import EppStr, lib

MAX_LOGIN_URIS = 32
"""The most object (and extension) URIs `write_login` takes
(`EPP_WRITE_MAX_LOGIN_URIS`)."""


def write_login(
    client_id: str,
    password: str,
    object_uris: Sequence[str],
    extension_uris: Sequence[str] = (),
    new_password: Optional[str] = None,
    lang: Optional[str] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<login>` command, protocol version 1.0, language `lang` (None:
    `en`), with at least one object URI."""
    if not object_uris or len(object_uris) > MAX_LOGIN_URIS or len(extension_uris) > MAX_LOGIN_URIS:
        raise EppError(Result.INVALID_ARGUMENT)
    objects = (EppStr * len(object_uris))(*[_str(u) for u in object_uris])
    extensions = (EppStr * max(len(extension_uris), 1))(*[_str(u) for u in extension_uris])
    cid, pw, npw, lg, cl = _str(client_id), _str(password), _str(new_password), _str(lang), _str(cl_trid)
    return _write(
        lambda b, c, n: lib.epp_write_login(
            cid, pw, npw, lg, objects, len(object_uris), extensions, len(extension_uris), cl, flags, b, c, n
        )
    )


class Client:
    """An EPP session over `stream` (a connected socket, such as an
    `ssl.SSLSocket`). The constructor
    reads the greeting into `message`; `do` sends a framed command and
    reads its response into the same reused `message`."""

    def __init__(self, stream: socket.socket) -> None:
        self._stream = stream
        # An unbuffered reader over the socket, so that the deframer reads
        # straight into its own buffer (`Deframer.fill`).
        self._reader = stream.makefile("rb", buffering=0)
        self._deframer = Deframer()
        self.message = Message()
        self.message.read_greeting(self._next())

    @classmethod
    def connect(cls, host: str, port: int, cafile: str, timeout: float = 30.0) -> "Client":
        """Connects over TLS (1.2 or later), checking the server's
        certificate against the CA in `cafile` and the name `host`."""
        ctx = ssl.create_default_context(cafile=cafile)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        raw = socket.create_connection((host, port), timeout=timeout)
        try:
            return cls(ctx.wrap_socket(raw, server_hostname=host))
        except BaseException:
            raw.close()
            raise

    def _next(self) -> bytes:
        while True:
            frame = self._deframer.next()
            if frame is not None:
                return frame
            if self._deframer.fill(self._reader) == 0:
                raise ConnectionError("the server closed the connection mid-session")

    def do(self, command: bytes) -> Message:
        """Sends `command` (a whole frame: write it with `WRITE_FRAMED`)
        and reads the response, tolerantly, into `message`."""
        self._stream.sendall(command)
        self.message.read_response(self._next())
        return self.message

    def hello(self) -> Message:
        """Sends `<hello/>` and reads the greeting it is answered with."""
        self._stream.sendall(write_hello(WRITE_FRAMED))
        self.message.read_greeting(self._next())
        return self.message

    def close(self) -> None:
        """Frees the handles and closes the stream."""
        self.message.close()
        self._deframer.close()
        self._reader.close()
        self._stream.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
