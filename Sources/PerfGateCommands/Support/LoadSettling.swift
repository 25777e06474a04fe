import Foundation
import PerfGateHarness

/// Waits, before a long measurement starts, for other work on the machine to finish: until the
/// one-minute load average is at most half the logical cores (the limit of the run warnings), or a
/// time limit passes. A build that just finished leaves a load of 3–4 on 2 cores, which falls below 1
/// in about a minute and a half; measured straight after it, the first run of `bench calibrate` was
/// slower than the others and failed half the A/A pairs it was in.
struct LoadSettling {
    /// The longest wait.
    var limit: Duration = .seconds(180)
    /// Time between two readings.
    var interval: Duration = .seconds(5)

    /// The load to wait for: half the logical cores.
    static func target(cores: Int) -> Double { 0.5 * Double(max(1, cores)) }

    /// Waits; one line on standard error when it has to wait and one when it gives up (unless quiet).
    /// Returns the load average it started measuring at (nil when unavailable).
    @discardableResult
    func wait(context: CommandContext, quiet: Bool) async -> Double? {
        let target = Self.target(cores: EnvironmentCapture.logicalCores() ?? 1)
        guard var load = EnvironmentCapture.loadAverage(), load > target else { return EnvironmentCapture.loadAverage() }
        if !quiet {
            context.standardError.write(
                "bench: waiting for the machine to settle: load average \(Self.format(load)) > \(Self.format(target)) "
                    + "(up to \(limit.components.seconds) s)\n"
            )
        }
        let start = ContinuousClock.now
        while load > target, ContinuousClock.now - start < limit {
            try? await Task.sleep(for: interval)
            load = EnvironmentCapture.loadAverage() ?? 0
        }
        if load > target && !quiet {
            context.standardError.write("bench: load average still \(Self.format(load)); measuring anyway (the document will say so)\n")
        }
        return load
    }

    private static func format(_ value: Double) -> String { String((value * 100).rounded() / 100) }
}
