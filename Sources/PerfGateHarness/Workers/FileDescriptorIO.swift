import Glibc

/// Blocking reads and writes on raw descriptors, retrying EINTR.
enum FileDescriptorIO {
    /// Writes every byte of `bytes`.
    /// - Throws: ``WorkerRunnerError`` with the errno of a failed write (EPIPE when the reader is gone).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(WorkerRunnerError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WorkerRunnerError(operation: "write(\(descriptor))", errno: errno)
            }
            offset += written
        }
    }

    /// Reads up to the first newline (excluded) or end of file; bytes after the newline are
    /// discarded (the plan is the only thing on a worker's standard input).
    /// - Throws: ``WorkerRunnerError`` on a read error or when the line exceeds `limit` bytes.
    static func readLine(from descriptor: Int32, limit: Int) throws(WorkerRunnerError) -> [UInt8] {
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WorkerRunnerError(operation: "read(\(descriptor))", errno: errno)
            }
            if count == 0 { return line }
            if let newline = chunk[0..<count].firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: chunk[0..<newline])
                return line
            }
            line.append(contentsOf: chunk[0..<count])
            if line.count > limit {
                throw WorkerRunnerError(operation: "read plan (longer than \(limit) bytes)", errno: E2BIG)
            }
        }
    }
}
