import Glibc

extension EventLoop {
    /// Accepts pending connections (at most 64 per wake-up, to stay fair to served connections).
    func acceptConnections() {
        for _ in 0..<64 {
            let descriptor: Int32
            do {
                guard let accepted = try Socket.accept(listener) else { return }
                descriptor = accepted
            } catch {
                if [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(error.errno) {
                    // Out of descriptors: stop polling the listener for a while instead of spinning.
                    acceptPausedUntil = now &+ 100_000_000
                    try? epoll.modify(listener, token: Self.listenerToken, events: 0)
                    return
                }
                continue  // ECONNABORTED and the like concern one connection only.
            }
            admit(descriptor)
        }
    }

    private func admit(_ descriptor: Int32) {
        if isStopping {
            SystemCall.close(descriptor)
            return
        }
        let limit = context.configuration.maxConnections
        if context.counters.open.wrappingAdd(1, ordering: .relaxed).newValue > limit {
            context.counters.open.wrappingSubtract(1, ordering: .relaxed)
            reject(descriptor)
            return
        }
        ServerCounters.increment(context.counters.accepted)
        _ = try? Socket.setNoDelay(descriptor)
        register(descriptor, isCounted: true)
    }

    /// Answers 503 and closes: the connection limit is reached. Beyond max(`maxConnections`, 1,024)
    /// connections of this loop already being rejected, closes at once without an answer.
    private func reject(_ descriptor: Int32) {
        ServerCounters.increment(context.counters.rejected)
        guard rejectingCount < max(context.configuration.maxConnections, 1024) else {
            SystemCall.close(descriptor)
            return
        }
        rejectingCount += 1
        guard let connection = register(descriptor, isCounted: false) else { return }
        let response = HTTPResponse.error(
            status: 503,
            code: "overloaded",
            message: "the server is at its connection limit; retry later"
        )
        queue(response, on: connection, keepAlive: false)
        flush(connection)
    }

    @discardableResult
    private func register(_ descriptor: Int32, isCounted: Bool) -> ServerConnection? {
        let connection = ServerConnection(
            descriptor: descriptor,
            isCounted: isCounted,
            limits: context.configuration.limits,
            now: now,
            interest: Self.readEvents
        )
        connections[descriptor] = connection
        do {
            try epoll.add(descriptor, token: UInt64(descriptor), events: Self.readEvents)
            return connection
        } catch {
            close(connection)
            return nil
        }
    }

    /// Reads once (level-triggered: more bytes are reported again) and serves complete requests.
    func readable(_ connection: ServerConnection) {
        let result: NonBlockingResult
        do {
            result = try Socket.receive(connection.descriptor, readBuffer)
        } catch {
            close(connection)  // ECONNRESET and the like: the peer is gone.
            return
        }
        guard case .processed(let count) = result else { return }
        guard count > 0 else {
            close(connection)  // End of stream: a partial request is abandoned.
            return
        }
        connection.lastActivity = now
        guard connection.phase == .open else { return }  // Closing: discard input.
        connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        if connection.requestStart == nil { connection.requestStart = now }
        serveRequests(connection)
    }

    /// Writes queued output; once drained, goes on serving pipelined requests.
    func writable(_ connection: ServerConnection) {
        flush(connection)
        if connections[connection.descriptor] === connection, connection.phase == .open,
            !connection.hasPendingOutput
        {
            serveRequests(connection)
        }
    }

    /// Answers every complete buffered request (bounded by the output queue), then flushes.
    func serveRequests(_ connection: ServerConnection) {
        parsing: while connection.phase == .open,
            connection.output.count - connection.outputOffset < Self.maxQueuedOutput
        {
            switch connection.parser.next() {
            case .needMoreData:
                break parsing
            case .request(let request):
                respond(to: request, on: connection)
            case .failure(let error):
                ServerCounters.increment(context.counters.parseErrors)
                queue(error.response, on: connection, keepAlive: false)
            }
        }
        if connection.phase == .open {
            connection.requestStart = connection.parser.hasPartialRequest ? (connection.requestStart ?? now) : nil
        }
        flush(connection)
    }

    private func respond(to request: HTTPRequest, on connection: ServerConnection) {
        let response: HTTPResponse
        do {
            response = try context.handler(request)
        } catch {
            ServerCounters.increment(context.counters.handlerErrors)
            response = .error(status: 500, code: "internal_error", message: "the server could not handle this request")
        }
        ServerCounters.increment(context.counters.served)
        let keepAlive = request.isKeepAlive && !isStopping && !context.isStopping.load(ordering: .relaxed)
        queue(response, on: connection, keepAlive: keepAlive, includeBody: request.method != .head)
    }

    func queue(_ response: HTTPResponse, on connection: ServerConnection, keepAlive: Bool, includeBody: Bool = true) {
        if !connection.hasPendingOutput {
            connection.output.removeAll(keepingCapacity: true)
            connection.outputOffset = 0
        }
        response.serialize(into: &connection.output, keepAlive: keepAlive, includeBody: includeBody)
        if !keepAlive { connection.phase = .closeAfterFlush }
    }

    /// Writes as much queued output as the socket takes; switches interest to writable when it is full.
    func flush(_ connection: ServerConnection) {
        while connection.hasPendingOutput {
            let result: NonBlockingResult
            do {
                result = try connection.output.withUnsafeBytes { bytes throws(SystemCallError) in
                    try Socket.send(
                        connection.descriptor,
                        UnsafeRawBufferPointer(rebasing: bytes[connection.outputOffset...])
                    )
                }
            } catch {
                close(connection)  // EPIPE/ECONNRESET: the peer is gone.
                return
            }
            guard case .processed(let count) = result else {
                setInterest(Self.writeEvents, on: connection)
                return
            }
            connection.outputOffset += count
            connection.lastActivity = now
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= Self.maxQueuedOutput)
        connection.outputOffset = 0
        switch connection.phase {
        case .closeAfterFlush: startLingering(connection)
        case .open where isStopping && connection.requestStart == nil: close(connection)
        default: setInterest(Self.readEvents, on: connection)
        }
    }

    /// Shuts the write side and discards input until end of stream, so the client reads the last
    /// response instead of a reset caused by unread bytes (what nginx calls lingering close).
    private func startLingering(_ connection: ServerConnection) {
        Socket.shutdownWrite(connection.descriptor)
        connection.phase = .lingering(deadline: now &+ context.lingerNanoseconds)
        setInterest(Self.readEvents, on: connection)
    }

    private func setInterest(_ events: UInt32, on connection: ServerConnection) {
        guard connection.interest != events else { return }
        connection.interest = events
        do {
            try epoll.modify(connection.descriptor, token: UInt64(connection.descriptor), events: events)
        } catch {
            close(connection)
        }
    }

    /// Closes the socket (which also leaves the epoll set) and forgets the connection.
    func close(_ connection: ServerConnection) {
        guard connections.removeValue(forKey: connection.descriptor) != nil else { return }
        SystemCall.close(connection.descriptor)
        if connection.isCounted {
            context.counters.open.wrappingSubtract(1, ordering: .relaxed)
        } else {
            rejectingCount -= 1
        }
    }
}
