#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileIO {
    /// The reason a file could not be written, before it becomes a ``ResultsError``.
    struct WriteFailure: Error {
        var message: String
    }

    /// Writes `bytes` to `path` atomically: readers see the old file or the complete new one, never a part.
    ///
    /// Creates missing parent folders (mode 0755), writes a temporary file `.NAME.tmp-XXXXXX` in the same
    /// folder, `fsync`s it, then renames it over `path` (or, with `overwrite: false`, links it to `path`,
    /// which fails atomically if `path` exists), and `fsync`s the folder. On any failure the temporary file
    /// is removed. The new file has mode 0644.
    ///
    /// - Throws: ``WriteFailure`` naming the failing step.
    /// - Complexity: O(*n*) in the size of `bytes`.
    static func writeAtomically(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(WriteFailure) {
        if overwrite, isSpecialFile(path) {
            // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) cannot be replaced by a rename, and
            // must not be: renaming over `/dev/null` as root would turn it into a regular file.
            return try writeInPlace(bytes, to: path)
        }
        let directory = parentDirectory(of: path)
        try createDirectories(directory)
        if !overwrite, access(path, F_OK) == 0 { throw alreadyExists() }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(fileName).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw WriteFailure(message: "cannot create a temporary file in \(directory): \(describe(errno))")
        }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var isCommitted = false
        defer { if !isCommitted { unlink(temporaryPath) } }
        do throws(WriteFailure) {
            try writeFully(bytes, to: descriptor)
            guard fchmod(descriptor, 0o644) == 0, retrying({ fsync(descriptor) }) == 0 else {
                throw WriteFailure(message: "cannot flush the file to disk: \(describe(errno))")
            }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw WriteFailure(message: "cannot close the file: \(describe(errno))") }
        try commit(temporaryPath, to: path, overwrite: overwrite)
        isCommitted = true
        syncDirectory(directory)
    }

    /// Whether `path` exists and is neither a regular file nor a folder (a device, FIFO or socket).
    private static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Writes `bytes` to an existing special file through an ordinary open and write.
    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(WriteFailure) {
        let descriptor = retrying { open(path, O_WRONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw WriteFailure(message: "cannot open for writing: \(describe(errno))") }
        defer { close(descriptor) }
        try writeFully(bytes, to: descriptor)
    }

    private static func commit(_ temporaryPath: String, to path: String, overwrite: Bool) throws(WriteFailure) {
        if overwrite {
            guard rename(temporaryPath, path) == 0 else {
                throw WriteFailure(message: "cannot move the new file into place: \(describe(errno))")
            }
        } else {
            guard link(temporaryPath, path) == 0 else {
                if errno == EEXIST { throw alreadyExists() }
                throw WriteFailure(message: "cannot move the new file into place: \(describe(errno))")
            }
            unlink(temporaryPath)
        }
    }

    private static func alreadyExists() -> WriteFailure {
        WriteFailure(message: "already exists and overwriting was not allowed; remove it or choose another path")
    }

    private static func writeFully(_ bytes: [UInt8], to descriptor: Int32) throws(WriteFailure) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                retrying { write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
            }
            guard result > 0 else { throw WriteFailure(message: "cannot write: \(describe(errno))") }
            written += result
        }
    }

    /// The folder holding `path`: `.` for a bare name, `/` for a file in the root.
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = path[..<slash]
        return directory.isEmpty ? "/" : String(directory)
    }

    /// `mkdir -p`: creates `directory` and its missing parents.
    private static func createDirectories(_ directory: String) throws(WriteFailure) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for part in directory.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw WriteFailure(message: "cannot create the folder \(prefix): \(describe(errno))")
            }
        }
        var status = stat()
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw WriteFailure(message: "\(directory) is not a folder; choose another output path")
        }
    }

    /// Makes the rename durable; failures are ignored because the data itself is already safe.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
