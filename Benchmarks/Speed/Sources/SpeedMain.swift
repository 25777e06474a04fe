import Foundation

/// perfgate-speed: times PerfGate's statistics and `bench compare` (see `SpeedOptions.usage`).
///
/// Figures are printed, never asserted: speed depends on the machine and on what else runs on it.
@main
enum SpeedMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--help") || arguments.contains("-h") {
            print(SpeedOptions.usage, terminator: "")
            return
        }
        do {
            let options = try SpeedOptions(arguments: arguments)
            let scipy = try options.scipyPath.map {
                ScipyFigures(text: try String(contentsOfFile: $0, encoding: .utf8))
            }
            print(machineLine())
            if let versions = scipy?.versions {
                print("# \(versions) (scipy timed in the same run, best of its repeats)")
            }
            var rows: [SpeedRow] = []
            for command in options.commands {
                switch command {
                case "compare-files": rows += try await CompareFilesSpeed.run(options)
                case "mann-whitney": rows += MannWhitneySpeed.run(options)
                default: rows += HodgesLehmannSpeed.run(options)
                }
            }
            print(SpeedTable.render(rows, scipy: scipy), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("perfgate-speed: error: \(error)\n".utf8))
            exit(2)
        }
    }

    /// The build, logical cores and load average, which every figure depends on.
    static func machineLine() -> String {
        #if DEBUG
        let build = "debug build (figures are meaningless; use -c release)"
        #else
        let build = "release build"
        #endif
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return "# perfgate-speed: \(build), \(cores) logical cores, load average \(load)"
    }
}
