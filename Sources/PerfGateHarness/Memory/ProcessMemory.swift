import Glibc

/// Resident memory of this process, from the kernel.
public enum ProcessMemory {
    /// Resident set size now, in bytes: the second field of `/proc/self/statm` (pages) × page size.
    ///
    /// Counts pages actually in RAM (touched), heap or not, including shared library pages.
    /// - Returns: nil when `/proc/self/statm` cannot be read (not Linux, or /proc not mounted).
    /// - Complexity: One small file read (about 10 µs).
    public static func residentBytes() -> Int? {
        guard let text = readSmallFile("/proc/self/statm") else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * pageSize
    }

    /// The largest resident set size this process has had, in bytes:
    /// `getrusage(RUSAGE_SELF).ru_maxrss`, which Linux reports in KiB.
    ///
    /// Monotone: it never decreases, so it can only show growth past the earlier peak.
    /// - Returns: nil when getrusage fails (it cannot for RUSAGE_SELF on Linux).
    public static func peakResidentBytes() -> Int? {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
        return usage.ru_maxrss * 1024
    }

    /// The size of a memory page, in bytes (`sysconf(_SC_PAGESIZE)`, 4096 on x86-64 Linux).
    public static var pageSize: Int {
        Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Reads a small file (for example under /proc) with plain POSIX calls, retrying EINTR.
///
/// - Returns: The contents decoded as UTF-8 (invalid bytes replaced), or nil when the file
///   cannot be opened or read.
/// - Complexity: O(file size); `limit` bytes at most.
func readSmallFile(_ path: String, limit: Int = 1 << 20) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while bytes.count < limit {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { return nil }
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
