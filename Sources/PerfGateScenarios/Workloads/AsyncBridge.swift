import Dispatch
import Synchronization

/// Runs async work to completion from synchronous code on a thread outside Swift's cooperative pool.
///
/// Worker processes call workloads synchronously (the harness protocol is synchronous) from a
/// dedicated thread, while the swarm's rounds are async and must run on the cooperative pool,
/// where they contend for both cores as in production. Blocking that dedicated thread does not
/// take a thread away from the pool. Never call this from inside the pool.
enum AsyncBridge {
    /// Starts `body` in a task and blocks the calling thread until it returns its value.
    static func wait<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
        let result = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        // The task stored the value before signalling, so it is present.
        return result.withLock { $0! }
    }
}
