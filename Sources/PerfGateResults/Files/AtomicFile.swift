/// Atomic file writing for any output (reports, comparison JSON, exports), as the results writer does it.
public enum AtomicFile {
    /// Writes `bytes` to `path` so that readers see either the old file or the complete new one.
    ///
    /// Creates missing parent folders (mode 0755), writes a temporary file `.NAME.tmp-XXXXXX` in the same
    /// folder, `fsync`s it, renames it over `path` (with `overwrite: false`, hard-links it to `path`, which
    /// fails atomically if `path` exists, then removes the temporary name) and `fsync`s the folder. On any
    /// failure the temporary file is removed and `path` is untouched. The new file has mode 0644. A process
    /// killed mid-write can leave a `.NAME.tmp-XXXXXX` file behind, never a partial `path`.
    ///
    /// - Parameters:
    ///   - bytes: The complete contents.
    ///   - path: The destination.
    ///   - overwrite: Whether an existing file at `path` may be replaced.
    /// - Throws: ``ResultsError`` naming `path` and the step that failed (folder creation, temporary file,
    ///   write, `fsync`, rename), or that `path` exists when `overwrite` is false.
    /// - Complexity: O(*n*) in the size of `bytes`.
    public static func write(
        _ bytes: some Collection<UInt8>,
        to path: String,
        overwrite: Bool = true
    ) throws(ResultsError) {
        do {
            try FileIO.writeAtomically(Array(bytes), to: path, overwrite: overwrite)
        } catch {
            throw ResultsError(file: path, message: error.message)
        }
    }
}
