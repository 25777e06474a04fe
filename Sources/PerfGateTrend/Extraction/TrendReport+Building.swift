public import PerfGateResults
import PerfGateStatistics
import Dispatch
import Synchronization

extension TrendReport {
    /// Builds the trend of `inputs`: orders the runs, extracts one series per benchmark and metric, and
    /// finds the change points of each series' p50 values.
    ///
    /// Runs are ordered by `run.startedAt` (parsed as RFC 3339; times that do not parse sort after those
    /// that do, by their text), then run id, then path. Each point's p5, p50 and p95 are type-7
    /// quantiles of the run's samples (`Quantile.type7`), not the stored summary. A series takes the
    /// unit and direction of its most recent run; points of older runs with another unit are left out
    /// with a warning. Series are sorted by benchmark id (digit runs compared as numbers, so `agents=2` comes before
    /// `agents=10`), then metric name. Series are analysed concurrently; the result does not depend on that.
    ///
    /// - Parameters:
    ///   - inputs: Results with the path each was read from, in any order.
    ///   - selection: Which benchmarks and metrics to include.
    ///   - detector: The change-point detector and its parameters.
    /// - Complexity: O(S log S) for S samples, plus the detector's cost per series.
    public init(
        inputs: [(path: String, results: BenchmarkResults)],
        selection: TrendSelection = TrendSelection(),
        detector: EDivisiveDetector = EDivisiveDetector()
    ) {
        let ordered = Self.ordered(inputs)
        let runs = ordered.map { input in
            TrendRun(
                id: input.results.run.id, startedAt: input.results.run.startedAt,
                commit: input.results.run.git?.commit, path: input.path
            )
        }
        var warnings = Self.duplicateWarnings(runs)
        var series = Self.extractSeries(ordered.map(\.results), selection: selection, warnings: &warnings)
        Self.detectChangePoints(in: &series, detector: detector)
        for one in series where one.changePoints.count >= detector.maximumChangePoints {
            warnings.append(
                "\(one.benchmark) \(one.metric): the search stopped at \(detector.maximumChangePoints) change points "
                    + "(a long drift?); later splits are not reported"
            )
        }
        self.init(runs: runs, series: series, detector: detector, warnings: warnings)
    }

    private static func ordered(
        _ inputs: [(path: String, results: BenchmarkResults)]
    ) -> [(path: String, results: BenchmarkResults)] {
        let keyed = inputs.map { input in (time: RunOrder.epochSeconds(input.results.run.startedAt), input: input) }
        return keyed.sorted { a, b in
            switch (a.time, b.time) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let (ra, rb) = (a.input.results.run, b.input.results.run)
                if a.time == nil, ra.startedAt != rb.startedAt { return ra.startedAt < rb.startedAt }
                if ra.id != rb.id { return ra.id < rb.id }
                return a.input.path < b.input.path
            }
        }.map(\.input)
    }

    private static func duplicateWarnings(_ runs: [TrendRun]) -> [String] {
        var seen: [String: String] = [:]
        var warnings: [String] = []
        for run in runs {
            if let first = seen[run.id] {
                warnings.append("run id \(run.id) appears in both \(first) and \(run.path); both are kept")
            } else {
                seen[run.id] = run.path
            }
        }
        return warnings
    }

    private static func extractSeries(
        _ results: [BenchmarkResults], selection: TrendSelection, warnings: inout [String]
    ) -> [TrendSeries] {
        struct Key: Hashable {
            var benchmark: String
            var metric: String
        }
        var points: [Key: [(point: TrendPoint, unit: String, better: Better)]] = [:]
        for (runIndex, result) in results.enumerated() {
            for benchmark in result.benchmarks {
                for (name, metric) in benchmark.metrics
                where !metric.samples.isEmpty && selection.includes(benchmark: benchmark.id, metric: name) {
                    let sorted = metric.samples.sorted()
                    let point = TrendPoint(
                        run: runIndex, p5: Quantile.type7(0.05, ofSorted: sorted),
                        p50: Quantile.type7(0.5, ofSorted: sorted), p95: Quantile.type7(0.95, ofSorted: sorted),
                        count: sorted.count
                    )
                    points[Key(benchmark: benchmark.id, metric: name), default: []].append(
                        (point, metric.unit, metric.better)
                    )
                }
            }
        }
        let keys = points.keys.sorted { a, b in
            a.benchmark != b.benchmark ? naturalOrder(a.benchmark, b.benchmark) : a.metric < b.metric
        }
        return keys.map { key in
            let entries = points[key]!  // The key came from the dictionary.
            let latest = entries[entries.count - 1]
            let kept = entries.filter { $0.unit == latest.unit }
            if kept.count < entries.count {
                warnings.append(
                    "\(key.benchmark) \(key.metric): \(entries.count - kept.count) older runs with another unit "
                        + "than \(latest.unit) are left out"
                )
            }
            return TrendSeries(
                benchmark: key.benchmark, metric: key.metric, unit: latest.unit, better: latest.better,
                points: kept.map(\.point)
            )
        }
    }

    /// Whether `a` sorts before `b` with digit runs compared as numbers (`agents=2` before `agents=10`).
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        var left = Array(a.utf8)[...]
        var right = Array(b.utf8)[...]
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        while let x = left.first, let y = right.first {
            if isDigit(x), isDigit(y) {
                let xDigits = left.prefix(while: isDigit)
                let yDigits = right.prefix(while: isDigit)
                let xTrimmed = xDigits.drop { $0 == 48 }
                let yTrimmed = yDigits.drop { $0 == 48 }
                if xTrimmed.count != yTrimmed.count { return xTrimmed.count < yTrimmed.count }
                if !xTrimmed.elementsEqual(yTrimmed) { return xTrimmed.lexicographicallyPrecedes(yTrimmed) }
                left = left.dropFirst(xDigits.count)
                right = right.dropFirst(yDigits.count)
            } else {
                if x != y { return x < y }
                left = left.dropFirst()
                right = right.dropFirst()
            }
        }
        return left.isEmpty && !right.isEmpty || (left.isEmpty && right.isEmpty && a < b)
    }

    private static func detectChangePoints(in series: inout [TrendSeries], detector: EDivisiveDetector) {
        let count = series.count
        let results = SeriesResults(count: count)
        let input = series
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let one = input[index]
            let values = one.points.map(\.p50)
            let detections = detector.detect(values, seed: detector.seed(forSeries: one.benchmark + " " + one.metric))
            results.store(changePoints(values: values, detections: detections), at: index)
        }
        for index in 0..<count { series[index].changePoints = results.value(at: index) }
    }

    /// Change points with the medians of the segments on either side.
    static func changePoints(values: [Double], detections: [EDivisiveDetector.Detection]) -> [ChangePoint] {
        let bounds = [0] + detections.map(\.index) + [values.count]
        return detections.enumerated().map { offset, detection in
            let before = Array(values[bounds[offset]..<bounds[offset + 1]]).sorted()
            let after = Array(values[bounds[offset + 1]..<bounds[offset + 2]]).sorted()
            return ChangePoint(
                index: detection.index, medianBefore: Quantile.type7(0.5, ofSorted: before),
                medianAfter: Quantile.type7(0.5, ofSorted: after), pValue: detection.pValue, energy: detection.energy
            )
        }
    }
}

/// One slot per series, written by exactly one concurrent iteration each, read after all finish.
private final class SeriesResults: Sendable {
    private let slots: Mutex<[[ChangePoint]]>

    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }

    func store(_ value: [ChangePoint], at index: Int) { slots.withLock { $0[index] = value } }

    func value(at index: Int) -> [ChangePoint] { slots.withLock { $0[index] } }
}
