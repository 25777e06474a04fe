/// What perfgate-speed runs, parsed from its arguments.
struct SpeedOptions {
    /// The cases to run: `compare-files`, `mann-whitney`, `hodges-lehmann`, or all of them.
    var commands: [String] = SpeedOptions.allCommands
    /// Timed repetitions per case; the table shows their median and minimum.
    var repetitions = 5
    /// Calls per repetition for the small (100 vs 100) cases.
    var calls = 10_000
    /// Benchmarks in each synthetic results file.
    var benchmarks = 1_000
    /// Samples per benchmark in the synthetic files.
    var samples = 1_000
    /// A `bench` executable to time as a child process, or nil to time it in-process only.
    var benchPath: String?
    /// A file holding `scipy_mannwhitney.py`'s output, shown beside PerfGate's figures.
    var scipyPath: String?

    static let allCommands = ["compare-files", "mann-whitney", "hodges-lehmann"]

    static let usage = """
        USAGE: perfgate-speed [all|compare-files|mann-whitney|hodges-lehmann] [--repetitions N] [--calls N]
                              [--benchmarks N] [--samples N] [--bench PATH] [--scipy FILE]

        Times PerfGate's statistics and `bench compare` and prints a table (median and minimum per call).
          compare-files   two synthetic results files (--benchmarks × --samples), the comparator alone,
                          `bench compare` in-process, and --bench PATH as a child process
          mann-whitney    one Mann–Whitney U test: 100 vs 100 exact and asymptotic, 100,000 vs 100,000
          hodges-lehmann  one Hodges–Lehmann shift with its interval: 100, 1,000 and 100,000 per side
          --scipy FILE    the output of Benchmarks/Speed/scipy_mannwhitney.py, shown side by side
        Build with -c release: debug figures mean nothing.

        """

    /// Parses `arguments` (without the program name).
    /// - Throws: `SpeedError` for an unknown command or option, or a bad number.
    init(arguments: [String]) throws {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            rest = rest.dropFirst()
            if first != "all" {
                guard Self.allCommands.contains(first) else { throw SpeedError("unknown command \"\(first)\"") }
                commands = [first]
            }
        }
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { throw SpeedError("\(option) needs a value") }
            switch option {
            case "--repetitions": repetitions = try Self.count(value, option)
            case "--calls": calls = try Self.count(value, option)
            case "--benchmarks": benchmarks = try Self.count(value, option)
            case "--samples": samples = try Self.count(value, option)
            case "--bench": benchPath = value
            case "--scipy": scipyPath = value
            default: throw SpeedError("unknown option \(option)")
            }
        }
    }

    private static func count(_ text: String, _ option: String) throws -> Int {
        guard let value = Int(text), value > 0 else {
            throw SpeedError("\(option) needs a positive integer, got \"\(text)\"")
        }
        return value
    }
}

/// A usage or setup problem, printed as one line.
struct SpeedError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) {
        self.description = description
    }
}
