"""Switch federation off in the engine itself: a process that runs queries opens no network socket.

Oxigraph has no option to turn ``SERVICE`` off (pyoxigraph 0.5 runs a ``SERVICE`` call while
``Store.query`` plans the query), so the guard's inspection (:mod:`kg.sparql.guard`) is not the only
line: :func:`forbid_network` installs a seccomp filter under which ``socket(AF_INET | AF_INET6, ...)``
fails with ``EPERM`` for the rest of the process's life, in every thread. A ``SERVICE`` call that got
past the guard then fails as a query error and no request leaves the process. Local sockets
(``AF_UNIX``, the pipes to ``kg serve``) still work. Linux on x86-64 and arm64; elsewhere it says it
could not (and the guard is the only line).
"""
from __future__ import annotations

import ctypes
import platform
import struct

# Classic BPF over struct seccomp_data {int nr; u32 arch; u64 ip; u64 args[6]}.
_LD_ABS_W, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06
_ALLOW, _KILL, _EPERM = 0x7FFF0000, 0x80000000, 0x00050000 | 1
_AF_INET, _AF_INET6 = 2, 10
#: machine -> (audit arch, socket, io_uring_setup, the syscall that installs a filter)
_ARCHES = {"x86_64": (0xC000003E, 41, 425, 317), "aarch64": (0xC00000B7, 198, 425, 277)}
_X32 = 0x40000000  # x32 system calls on x86-64 carry this bit: refused wholesale


def _stmt(code: int, k: int) -> bytes:
    return struct.pack("HBBI", code, 0, 0, k)


def _jump(code: int, k: int, true: int, false: int) -> bytes:
    return struct.pack("HBBI", code, true, false, k)


def network_filter(machine: str) -> bytes | None:
    """The BPF program refusing internet sockets (and io_uring, which can open them) on ``machine``,
    or None for a machine it is not written for."""
    if machine not in _ARCHES:
        return None
    arch, socket_nr, uring_nr, _ = _ARCHES[machine]
    return b"".join([
        _stmt(_LD_ABS_W, 4), _jump(_JEQ, arch, 1, 0), _stmt(_RET, _KILL),  # another ABI: kill
        _stmt(_LD_ABS_W, 0),
        _jump(_JGE, _X32, 0, 1), _stmt(_RET, _EPERM),
        _jump(_JEQ, uring_nr, 0, 1), _stmt(_RET, _EPERM),
        _jump(_JEQ, socket_nr, 1, 0), _stmt(_RET, _ALLOW),
        _stmt(_LD_ABS_W, 16),  # socket()'s domain
        _jump(_JEQ, _AF_INET, 1, 0), _jump(_JEQ, _AF_INET6, 0, 1), _stmt(_RET, _EPERM),
        _stmt(_RET, _ALLOW),
    ])


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_network(*, whole_process: bool = True) -> bool:
    """Refuse internet sockets from now on to this process, in all its threads (or, without
    ``whole_process``, to the calling thread and the threads it starts); True when done.

    It cannot be undone: call it in a process that runs queries and nothing else (a ``kg serve``
    query process), or on a thread of its own (``kg query`` on a local store, see
    :func:`kg.sparql.guard.deep_call`)."""
    machine = platform.machine()
    program = network_filter(machine) if platform.system() == "Linux" else None
    if program is None:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    code = ctypes.create_string_buffer(program, len(program))
    fprog = _Program(len(program) // 8, ctypes.addressof(code))
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS, which a filter needs without root
        return False
    if whole_process:
        tsync = 1  # SECCOMP_FILTER_FLAG_TSYNC: every thread of the process, not only this one
        return libc.syscall(_ARCHES[machine][3], 1, tsync, ctypes.byref(fprog)) == 0  # SECCOMP_SET_MODE_FILTER
    return libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) == 0  # PR_SET_SECCOMP: this thread and its children
