import Glibc
public import PerfGateResults

/// Describes the machine and build a run measures on.
public enum EnvironmentCapture {
    /// The environment now: uname, /proc/cpuinfo, /proc/meminfo, sysconf, the compile-time Swift
    /// version and build configuration, and the one-minute load average as `loadAverageBefore`.
    ///
    /// Set `loadAverageAfter` from ``loadAverage()`` when the run ends.
    /// - Returns: Every field that could be read; the rest nil.
    /// - Complexity: A few small /proc reads.
    public static func current() -> EnvironmentInfo {
        let names = unameFields()
        return EnvironmentInfo(
            os: names?.system,
            kernel: names?.release,
            arch: names?.machine,
            cpuModel: cpuModel(),
            logicalCores: logicalCores(),
            memoryBytes: memoryBytes(),
            swiftVersion: swiftVersion,
            build: buildConfiguration,
            loadAverageBefore: loadAverage(),
            loadAverageAfter: nil,
            bootId: bootId()
        )
    }

    /// This boot of the machine: `/proc/sys/kernel/random/boot_id`, nil when unreadable.
    public static func bootId() -> String? {
        readSmallFile("/proc/sys/kernel/random/boot_id")?.trimmedLine
    }

    /// The one-minute load average (`getloadavg`), nil when unavailable.
    public static func loadAverage() -> Double? {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) >= 1 ? loads[0] : nil
    }

    /// `debug` when compiled without optimisation (`DEBUG` defined, as SwiftPM does for debug
    /// builds), else `release`.
    public static var buildConfiguration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    /// The Swift compiler version this module was compiled with, from a compile-time
    /// `#if compiler(>=…)` ladder: exact from 6.0 to 6.3.3; newer compilers read `6.4 or later`.
    public static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3.3)
        return "6.3.3"
        #elseif compiler(>=6.3.2)
        return "6.3.2"
        #elseif compiler(>=6.3.1)
        return "6.3.1"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// Online logical processors (`sysconf(_SC_NPROCESSORS_ONLN)`).
    public static func logicalCores() -> Int? {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : nil
    }

    /// The first `model name` of /proc/cpuinfo (x86), nil when absent.
    public static func cpuModel() -> String? {
        guard let text = readSmallFile("/proc/cpuinfo") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return String(line[line.index(after: colon)...]).trimmedLine
        }
        return nil
    }

    /// Physical memory in bytes: `MemTotal` of /proc/meminfo (kB × 1024), else
    /// `_SC_PHYS_PAGES` × page size.
    public static func memoryBytes() -> Int? {
        if let text = readSmallFile("/proc/meminfo") {
            for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
                let fields = line.split(separator: " ")
                if fields.count >= 2, let kibibytes = Int(fields[1]) { return kibibytes * 1024 }
            }
        }
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        return pages > 0 ? pages * ProcessMemory.pageSize : nil
    }

    private static func unameFields() -> (system: String, release: String, machine: String)? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return (text(names.sysname), text(names.release), text(names.machine))
    }
}
