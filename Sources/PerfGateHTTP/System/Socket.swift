import Glibc

/// IPv4 TCP socket operations over raw descriptors, each wrapped once (see ``SystemCall``).
enum Socket {
    /// Creates a non-blocking listening socket on `address:port` (`port` 0: the kernel picks one).
    ///
    /// - Parameters:
    ///   - address: a numeric IPv4 address such as `"127.0.0.1"`.
    ///   - port: the port, or 0.
    ///   - backlog: the `listen(2)` backlog.
    /// - Returns: the descriptor and the port actually bound.
    /// - Throws: `SystemCallError` (`inet_pton` with `EINVAL` for a non-numeric address, `bind` with
    ///   `EADDRINUSE`, …).
    static func makeListener(address: String, port: UInt16, backlog: Int32) throws(SystemCallError) -> (Int32, UInt16) {
        var socketAddress = try makeAddress(address, port: port)
        let fd = try SystemCall.run("socket") {
            Glibc.socket(
                AF_INET,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                0
            )
        }
        do {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            _ = try withUnsafePointer(to: &socketAddress) { pointer throws(SystemCallError) in
                try SystemCall.run("bind") {
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            _ = try SystemCall.run("listen") { Glibc.listen(fd, backlog) }
            return (fd, try localPort(fd))
        } catch {
            SystemCall.close(fd)
            throw error
        }
    }

    /// The local port a socket is bound to.
    static func localPort(_ fd: Int32) throws(SystemCallError) -> UInt16 {
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = try withUnsafeMutablePointer(to: &bound) { pointer throws(SystemCallError) in
            try SystemCall.run("getsockname") {
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.getsockname(fd, $0, &length) }
            }
        }
        return UInt16(bigEndian: bound.sin_port)
    }

    /// Accepts one connection as a non-blocking, close-on-exec descriptor; nil when none is pending.
    /// - Throws: `SystemCallError` (`EMFILE` when out of descriptors, `ECONNABORTED`, …).
    static func accept(_ listener: Int32) throws(SystemCallError) -> Int32? {
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let result = try SystemCall.runNonBlocking("accept4") {
            Int(LinuxFunctions.accept4(listener, nil, nil, flags))
        }
        guard case .processed(let fd) = result else { return nil }
        return Int32(fd)
    }

    /// Connects a blocking socket to `address:port` with `TCP_NODELAY` set.
    /// - Throws: `SystemCallError` (`connect` with `ECONNREFUSED`, …).
    static func connect(address: String, port: UInt16) throws(SystemCallError) -> Int32 {
        var socketAddress = try makeAddress(address, port: port)
        let fd = try SystemCall.run("socket") {
            Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        do {
            _ = try withUnsafePointer(to: &socketAddress) { pointer throws(SystemCallError) in
                try SystemCall.run("connect") {
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            try setNoDelay(fd)
            return fd
        } catch {
            SystemCall.close(fd)
            throw error
        }
    }

    /// Disables Nagle's algorithm, so small requests and responses leave at once.
    static func setNoDelay(_ fd: Int32) throws(SystemCallError) {
        try setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
    }

    /// Sets an integer socket option.
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SystemCallError) {
        var value = value
        _ = try SystemCall.run("setsockopt") {
            Glibc.setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// Shuts the write side (the peer reads end of stream); a peer that is already gone (`ENOTCONN`) is fine.
    static func shutdownWrite(_ fd: Int32) {
        _ = try? SystemCall.run("shutdown") { Glibc.shutdown(fd, Int32(SHUT_WR)) }
    }

    /// Sets `SO_RCVTIMEO` and `SO_SNDTIMEO`: a blocking call that waits longer fails with `EAGAIN`.
    static func setTimeouts(_ fd: Int32, _ timeout: Duration) throws(SystemCallError) {
        let nanoseconds = MonotonicClock.nanoseconds(of: timeout)
        var value = timeval(tv_sec: Int(nanoseconds / 1_000_000_000), tv_usec: Int(nanoseconds % 1_000_000_000 / 1000))
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            _ = try SystemCall.run("setsockopt") {
                Glibc.setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
            }
        }
    }

    /// Sends bytes with `MSG_NOSIGNAL` (a reset peer yields `EPIPE`, never `SIGPIPE`).
    @inline(__always)
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> NonBlockingResult {
        try SystemCall.runNonBlocking("send") { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Receives up to `buffer.count` bytes; `.processed(0)` is end of stream.
    @inline(__always)
    static func receive(
        _ fd: Int32,
        _ buffer: UnsafeMutableRawBufferPointer
    ) throws(SystemCallError) -> NonBlockingResult {
        try SystemCall.runNonBlocking("recv") { Glibc.recv(fd, buffer.baseAddress, buffer.count, 0) }
    }

    /// Sends all of `bytes` on a blocking socket.
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) {
        var offset = 0
        while offset < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            guard case .processed(let count) = try send(fd, rest) else {
                throw SystemCallError(call: "send", errno: EAGAIN)
            }
            offset += count
        }
    }

    private static func makeAddress(_ address: String, port: UInt16) throws(SystemCallError) -> sockaddr_in {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        guard inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 else {
            throw SystemCallError(call: "inet_pton(\(address))", errno: EINVAL)
        }
        return socketAddress
    }
}
