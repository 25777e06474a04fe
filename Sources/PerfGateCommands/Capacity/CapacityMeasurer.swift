import PerfGateResults

/// Measures one agent count of a `bench capacity` ramp: runs the ramp's scenarios in worker processes
/// (through ``CalibrateCommand/runOnce(options:label:context:)``), reads a ``CapacityPoint`` and
/// prints one progress line per point to standard error (not with `--quiet`).
///
/// A class: the ramps' measure closures add to ``runs`` and to the memory cap's estimate.
final class CapacityMeasurer {
    /// The options every run starts from (suite, seed, quiet, scenario folder).
    let options: RunOptions
    let context: CommandContext
    /// Samples per coordination benchmark; a sample is a batch of rounds lasting at least 20 ms, so
    /// at counts whose round takes longer every sample is one round.
    let coordinationSamples: Int
    /// Samples per memory benchmark (each builds and frees the swarm; heap per agent barely varies).
    let memorySamples: Int
    /// Samples per API benchmark (each a closed-loop run of at least 400 requests).
    let apiSamples: Int
    /// Whether the API ramp also runs `api/mixed`.
    let measuresMixed: Bool
    /// The memory scenario's ceiling.
    private(set) var memoryCap: MemoryCap
    /// Every run made, for the document's machine and load notes.
    private(set) var runs: [BenchmarkResults] = []

    init(
        options: RunOptions, context: CommandContext, coordinationSamples: Int, memorySamples: Int, apiSamples: Int,
        measuresMixed: Bool, memoryCap: MemoryCap
    ) {
        self.options = options
        self.context = context
        self.coordinationSamples = coordinationSamples
        self.memorySamples = memorySamples
        self.apiSamples = apiSamples
        self.measuresMixed = measuresMixed
        self.memoryCap = memoryCap
    }

    /// `coordination/*` at `agents`, then `memory/*` when the cap allows it.
    func coordination(_ agents: Int, objectives: [ServiceObjective]) async throws -> CapacityPoint {
        let start = ContinuousClock.now
        var point = CapacityPoint(agents: agents)
        point.read(try await run("coordination/*", agents: agents, samples: coordinationSamples))
        if memoryCap.allows(agents) {
            point.read(try await run("memory/*", agents: agents, samples: memorySamples))
            memoryCap.observe(bytesPerAgent: point.bytesPerAgent)
        } else {
            point.isMemorySkipped = true
        }
        let memory = point.isMemorySkipped ? "memory skipped (cap)" : "heap/agent " + Self.format(point.bytesPerAgent, scale: 1.0 / 1_048_576, unit: " MiB")
        report(
            .coordination, point: point, objectives: objectives, start: start,
            figures: "round p95 \(Self.format(point.roundP95, scale: 1000, unit: " ms")), timeouts \(Self.format(point.timeoutRatio)), \(memory)"
        )
        return point
    }

    /// `api/step` (and `api/mixed`) at `agents` connections.
    func api(_ agents: Int, objectives: [ServiceObjective]) async throws -> CapacityPoint {
        let start = ContinuousClock.now
        var point = CapacityPoint(agents: agents)
        point.read(try await run(measuresMixed ? "api/*" : "api/step*", agents: agents, samples: apiSamples))
        report(
            .api, point: point, objectives: objectives, start: start,
            figures: "API p95 \(Self.format(point.apiP95, scale: 1000, unit: " ms")), errors \(Self.format(point.apiErrorRatio))"
        )
        return point
    }

    private func run(_ filter: String, agents: Int, samples: Int) async throws -> BenchmarkResults {
        var atCount = options
        atCount.filter = filter
        atCount.agentCounts = [agents]
        atCount.samples = samples
        let results = try await CalibrateCommand.runOnce(
            options: atCount, label: "capacity: \(filter) at \(agents) agents", context: context
        )
        runs.append(results)
        return results
    }

    private func report(_ kind: CapacityRampKind, point: CapacityPoint, objectives: [ServiceObjective], start: ContinuousClock.Instant, figures: String) {
        guard !options.isQuiet else { return }
        let broken = point.failures(objectives)
        let verdict = broken.isEmpty ? "hold" : "FAIL (" + broken.joined(separator: "; ") + ")"
        let seconds = Int((ContinuousClock.now - start).components.seconds)
        context.standardError.write("bench: capacity \(kind.rawValue) \(point.agents) agents: \(figures): \(verdict) [\(seconds) s]\n")
    }

    /// A value for a progress line, or `—`.
    static func format(_ value: Double?, scale: Double = 1, unit: String = "") -> String {
        value.map { CalibrationReport.formatNumber($0 * scale) + unit } ?? "—"
    }
}
