import Glibc

/// A joinable POSIX thread running one closure: for event loops and load-generator clients,
/// which block in system calls and so must not run on Swift's cooperative pool.
///
/// `@unchecked Sendable`: the handle never changes after `init`, and `join()` is called once, by the
/// owner (a server under its mutex, or the load generator on its calling thread).
final class POSIXThread: @unchecked Sendable {
    private var handle: pthread_t
    private var isJoined = false

    /// Starts a thread running `body`.
    /// - Throws: `SystemCallError` when `pthread_create` fails (e.g. `EAGAIN`: thread limit).
    init(_ body: @escaping @Sendable () -> Void) throws(SystemCallError) {
        let box = Unmanaged.passRetained(Box(body))
        var thread = pthread_t()
        let result = pthread_create(
            &thread,
            nil,
            { argument in
                // The argument is the retained Box passed below; take back ownership exactly once.
                let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
                box.body()
                return nil
            },
            box.toOpaque()
        )
        if result != 0 {
            box.release()
            throw SystemCallError(call: "pthread_create", errno: result)
        }
        handle = thread
    }

    /// Waits for the thread to finish; calling it twice is a bug.
    func join() {
        precondition(!isJoined, "POSIXThread joined twice")
        isJoined = true
        let result = pthread_join(handle, nil)
        precondition(result == 0, "pthread_join failed with \(result)")
    }

    deinit {
        if !isJoined { pthread_detach(handle) }
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
