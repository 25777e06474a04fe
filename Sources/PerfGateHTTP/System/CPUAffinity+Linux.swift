import Glibc

/// CPU placement helpers: pin the calling thread to one CPU, list the CPUs this process may use.
///
/// Why: on a two-core machine a loopback round trip takes about 12 µs when client and server share a
/// core and about 55 µs across cores (wake-up of the other core), and unpinned runs land in either
/// mode at random, which makes latency benchmarks bimodal. Pinning picks one mode on purpose.
public enum CPUAffinity {
    /// The CPUs (0-based indices) the calling thread may run on, ascending.
    /// - Throws: `SystemCallError` from `sched_getaffinity`.
    public static func allowedCPUs() throws(SystemCallError) -> [Int] {
        var set = cpu_set_t()
        let size = MemoryLayout<cpu_set_t>.size
        _ = try withUnsafeMutableBytes(of: &set) { bytes throws(SystemCallError) in
            try SystemCall.run("sched_getaffinity") { LinuxFunctions.schedGetAffinity(0, size, bytes.baseAddress) }
        }
        return withUnsafeBytes(of: &set) { bytes in
            (0..<(size * 8)).filter { cpu in bytes[cpu / 8] & (1 << (cpu % 8)) != 0 }
        }
    }

    /// Pins the calling thread to `cpu` (0-based).
    /// - Throws: `SystemCallError` (`EINVAL` when `cpu` is not allowed or does not exist).
    public static func pinCurrentThread(to cpu: Int) throws(SystemCallError) {
        let size = MemoryLayout<cpu_set_t>.size
        guard cpu >= 0, cpu < size * 8 else { throw SystemCallError(call: "sched_setaffinity", errno: EINVAL) }
        var set = cpu_set_t()
        withUnsafeMutableBytes(of: &set) { bytes in bytes[cpu / 8] |= UInt8(1 << (cpu % 8)) }
        _ = try withUnsafeMutableBytes(of: &set) { bytes throws(SystemCallError) in
            try SystemCall.run("sched_setaffinity") { LinuxFunctions.schedSetAffinity(0, size, bytes.baseAddress) }
        }
    }

    /// The CPU the calling thread is running on now (may change right after unless pinned).
    public static func currentCPU() -> Int {
        Int(LinuxFunctions.schedGetCPU())
    }

    /// Sets the calling thread's timer slack to 1 ns so absolute sleeps wake on time (default slack
    /// is 50 µs, which would delay open-loop sends). Best effort: failure is ignored.
    static func minimizeTimerSlack() {
        _ = LinuxFunctions.prctl(LinuxFunctions.prctlSetTimerSlack, 1, 0, 0, 0)
    }
}

/// Where a group of threads runs: anywhere, or pinned round-robin to a list of CPUs.
public enum CPUPlacement: Sendable, Equatable {
    /// No pinning: the scheduler decides.
    case unpinned
    /// Thread `i` of the group is pinned to `cpus[i % cpus.count]`; CPUs not allowed are skipped at
    /// run time (the thread stays unpinned) rather than failing the run.
    case pinned([Int])

    /// Pins the calling thread as thread `index` of the group; returns the CPU, or nil when unpinned.
    @discardableResult
    func apply(threadIndex index: Int) -> Int? {
        guard case .pinned(let cpus) = self, !cpus.isEmpty else { return nil }
        let cpu = cpus[index % cpus.count]
        do {
            try CPUAffinity.pinCurrentThread(to: cpu)
            return cpu
        } catch {
            return nil
        }
    }

    /// The CPUs allowed to this process, or `[0]` if they cannot be read.
    static var allowedOrFirst: [Int] {
        (try? CPUAffinity.allowedCPUs()).flatMap { $0.isEmpty ? nil : $0 } ?? [0]
    }

    /// Default for servers: the last allowed CPU when there are 2+ CPUs, else unpinned.
    ///
    /// Server and load generator default to the SAME CPU (same-core mode). Measured on the 2-vCPU CI
    /// machine (release, trivial handler, one keep-alive connection): same core p50 29 µs, p99 53 µs,
    /// 28,600 requests/s; server on CPU 0 and client on CPU 1: p50 66 µs, p99 3.5 ms, 6,100
    /// requests/s (raw TCP echo: 17 µs same core, 40 µs across). Across cores every round trip pays
    /// two cross-CPU wake-ups, which measure the hypervisor rather than the server, so same-core is
    /// both faster and steadier; the last CPU is chosen because CPU 0 takes most device interrupts.
    /// Use `.pinned([0])` for the server and `.pinned([1])` for clients to measure cross-core mode.
    public static var serverDefault: CPUPlacement {
        let cpus = allowedOrFirst
        return cpus.count >= 2 ? .pinned([cpus[cpus.count - 1]]) : .unpinned
    }

    /// Default for load-generator clients: the same CPU as ``serverDefault`` (see there for why).
    public static var clientDefault: CPUPlacement {
        serverDefault
    }
}
