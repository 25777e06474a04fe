import Glibc
import Synchronization

/// An owned `epoll` instance with a wake-up `eventfd` registered under ``wakeToken``.
///
/// Level-triggered: a descriptor that still has bytes is reported again, so a handler may stop
/// reading early (back-pressure) without losing a wake-up. Not thread-safe except ``wake()``.
final class Epoll {
    /// The token (epoll data) under which the wake-up descriptor is registered.
    static let wakeToken: UInt64 = UInt64.max

    private let descriptor: Int32
    private let wakeDescriptor: Int32
    private let eventBuffer: UnsafeMutableRawPointer
    private let capacity: Int
    /// Whether ``close()`` ran; guards ``wake()`` against writing to a closed (or reused) descriptor.
    private let isClosed = Mutex(false)

    /// Creates an epoll instance able to report `capacity` events per wait.
    /// - Throws: `SystemCallError` from `epoll_create1`, `eventfd` or `epoll_ctl`.
    init(capacity: Int = 256) throws(SystemCallError) {
        self.capacity = capacity
        descriptor = try SystemCall.run("epoll_create1") { LinuxFunctions.epollCreate1(LinuxFunctions.epollCloexec) }
        do {
            wakeDescriptor = try SystemCall.run("eventfd") {
                LinuxFunctions.eventFD(0, LinuxFunctions.eventFDCloexec | LinuxFunctions.eventFDNonBlock)
            }
        } catch {
            SystemCall.close(descriptor)
            throw error
        }
        eventBuffer = .allocate(byteCount: capacity * LinuxFunctions.epollEventStride, alignment: 8)
        do {
            try add(wakeDescriptor, token: Self.wakeToken, events: LinuxFunctions.epollIn)
        } catch {
            eventBuffer.deallocate()
            SystemCall.close(wakeDescriptor)
            SystemCall.close(descriptor)
            throw error
        }
    }

    deinit {
        close()
        eventBuffer.deallocate()
    }

    /// Closes the epoll and wake-up descriptors now rather than at deinit; idempotent.
    func close() {
        isClosed.withLock { isClosed in
            guard !isClosed else { return }
            isClosed = true
            SystemCall.close(wakeDescriptor)
            SystemCall.close(descriptor)
        }
    }

    /// Registers `fd` for `events` under `token`.
    func add(_ fd: Int32, token: UInt64, events: UInt32) throws(SystemCallError) {
        try control(LinuxFunctions.epollControlAdd, fd, token: token, events: events)
    }

    /// Changes the events `fd` is registered for.
    func modify(_ fd: Int32, token: UInt64, events: UInt32) throws(SystemCallError) {
        try control(LinuxFunctions.epollControlModify, fd, token: token, events: events)
    }

    /// Unregisters `fd` (closing it would too; this keeps the intent explicit).
    func remove(_ fd: Int32) {
        _ = try? control(LinuxFunctions.epollControlDelete, fd, token: 0, events: 0)
    }

    private func control(_ operation: Int32, _ fd: Int32, token: UInt64, events: UInt32) throws(SystemCallError) {
        var event: (UInt64, UInt64) = (0, 0)
        _ = try withUnsafeMutableBytes(of: &event) { bytes throws(SystemCallError) in
            bytes.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: token, toByteOffset: LinuxFunctions.epollEventDataOffset, as: UInt64.self)
            return try SystemCall.run("epoll_ctl") {
                LinuxFunctions.epollControl(descriptor, operation, fd, bytes.baseAddress)
            }
        }
    }

    /// Waits up to `timeoutMilliseconds` (−1: forever) and calls `body(token, events)` per ready descriptor.
    ///
    /// The wake-up descriptor is drained here and reported to `body` under ``wakeToken``.
    /// - Complexity: O(ready descriptors).
    func wait(timeoutMilliseconds: Int32, _ body: (UInt64, UInt32) -> Void) throws(SystemCallError) {
        let count = try SystemCall.run("epoll_wait") {
            LinuxFunctions.epollWait(descriptor, eventBuffer, Int32(capacity), timeoutMilliseconds)
        }
        for index in 0..<Int(count) {
            let base = index * LinuxFunctions.epollEventStride
            let events = eventBuffer.loadUnaligned(fromByteOffset: base, as: UInt32.self)
            let token = eventBuffer.loadUnaligned(
                fromByteOffset: base + LinuxFunctions.epollEventDataOffset,
                as: UInt64.self
            )
            if token == Self.wakeToken {
                var value: UInt64 = 0
                _ = Glibc.read(wakeDescriptor, &value, 8)
            }
            body(token, events)
        }
    }

    /// Wakes a thread blocked in ``wait(timeoutMilliseconds:_:)``; safe from any thread.
    func wake() {
        isClosed.withLock { isClosed in
            guard !isClosed else { return }
            var one: UInt64 = 1
            _ = Glibc.write(wakeDescriptor, &one, 8)
        }
    }
}

// The only cross-thread entry points are `wake()` and `close()`, serialized by the `isClosed` mutex.
extension Epoll: @unchecked Sendable {}
