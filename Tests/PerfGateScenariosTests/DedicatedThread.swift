import Foundation

/// Runs blocking workload code on a thread of its own, as `bench __worker` does.
///
/// Workloads block while their swarm runs on Swift's cooperative pool; called from a test (which
/// itself runs on that pool) they would occupy the threads the swarm needs and deadlock.
func onDedicatedThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            continuation.resume(with: Result { try body() })
        }.start()
    }
}
