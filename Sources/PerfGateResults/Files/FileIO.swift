#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes on POSIX calls, with errors a user can act on.
///
/// Every call retries `EINTR`. Errors carry the failing call and `errno` in their message.
enum FileIO {
    /// The reason a path could not be read, before it becomes a ``ResultsError``.
    struct ReadFailure: Error {
        var message: String
    }

    /// Reads the whole regular file at `path`.
    ///
    /// - Throws: ``ReadFailure`` for a missing path, a directory, a file we may not read, or a read error.
    /// - Complexity: O(*n*) in the file size.
    static func readAll(path: String) throws(ReadFailure) -> [UInt8] {
        let descriptor = retrying { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw ReadFailure(message: openProblem(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadFailure(message: "cannot stat: \(describe(errno))") }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw ReadFailure(message: "is a directory, not a file; pass the path of a JSON file inside it")
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let result = bytes.withUnsafeMutableBytes { buffer in
                retrying { read(descriptor, buffer.baseAddress! + count, buffer.count - count) }
            }
            guard result >= 0 else { throw ReadFailure(message: "cannot read: \(describe(errno))") }
            if result == 0 { break }
            count += result
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func openProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file; check the path (or run `bench run` to create results)"
        case EACCES, EPERM: "permission denied; make the file readable (chmod u+r) or pass another file"
        case ENOTDIR: "a part of the path is not a directory; check the path"
        default: "cannot open: \(describe(code))"
        }
    }

    /// `strerror` text with the errno name's number, e.g. `No space left on device (errno 28)`.
    static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// Runs a system call until it does not fail with `EINTR`.
    @inline(__always)
    static func retrying<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
