import Glibc

/// A one-shot start line for the load generator's threads: workers report that they are ready and
/// then block (on a condition variable, no polling) until the main thread opens the gate with a
/// start time, or aborts.
///
/// Blocking matters at hundreds of connections: 256 threads polling every 100 µs spent minutes
/// of kernel time and starved the warm-up of the others on 2 cores.
///
/// `@unchecked Sendable`: every field is read and written with the mutex held.
final class StartGate: @unchecked Sendable {
    /// What `wait()` returns when the run was aborted.
    static let aborted = UInt64.max

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var arrived = 0
    /// 0 while closed; the start time (monotonic nanoseconds) once open; ``aborted``.
    private var start: UInt64 = 0

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// A worker is ready (connected and warmed up).
    func arrive() {
        locked {
            arrived += 1
            pthread_cond_broadcast(condition)
        }
    }

    /// Blocks until `count` workers have arrived or the gate was aborted.
    func waitForArrivals(_ count: Int) {
        locked {
            while arrived < count && start != Self.aborted { pthread_cond_wait(condition, mutex) }
        }
    }

    /// Opens the gate: every waiting worker returns `start` (``aborted`` to abort).
    func open(at start: UInt64) {
        locked {
            self.start = start
            pthread_cond_broadcast(condition)
        }
    }

    /// Blocks until the gate opens; the start time, or ``aborted``.
    func wait() -> UInt64 {
        locked {
            while start == 0 { pthread_cond_wait(condition, mutex) }
            return start
        }
    }
}
