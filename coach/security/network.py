"""Which peers and bind addresses count as this machine."""

from __future__ import annotations

import ipaddress

# Starlette's TestClient calls the app in-process and names its peer "testclient"; a socket peer
# is always an address, so this name can't come from the network.
IN_PROCESS_CLIENTS = frozenset({"testclient"})


def is_loopback_host(host: str | None) -> bool:
    """127.0.0.0/8, ::1 and `localhost` (an IPv4-mapped loopback counts too)."""
    if not host:
        return False
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def is_local_client(client: tuple[str, int] | list[object] | None) -> bool:
    """Whether an ASGI `client` is this machine; no client at all means a unix socket."""
    if client is None:
        return True
    host = str(client[0]) if client else ""
    return host in IN_PROCESS_CLIENTS or is_loopback_host(host)
