/// How the variance of one metric splits over the levels of repetition: samples within a block
/// (one worker process), blocks within a run, and runs.
///
/// Method-of-moments estimates of a nested random-effects model (Kalibera & Jones, ISMM 2013),
/// on the log scale when every value is positive, so each component is about a relative standard
/// deviation (0.05 ≈ 5%). A component whose estimate is negative (its level adds nothing beyond
/// the level below) is reported as 0.
public struct VarianceComponents: Sendable, Hashable {
    /// Standard deviation of one sample around its block's mean.
    public var withinBlock: Double
    /// Standard deviation of a block's true mean around its run's mean; nil with one block per run.
    public var betweenBlocks: Double?
    /// Standard deviation of a run's true mean around the overall mean; nil with one run.
    public var betweenRuns: Double?
    /// Whether the values were taken as logarithms.
    public var isLogScale: Bool

    /// Estimates the components.
    ///
    /// - Parameters:
    ///   - values: The samples.
    ///   - blocks: One block label per sample (a worker process; labels need only be unique within a run).
    ///   - runs: One run label per sample, or nil for a single run.
    /// - Returns: nil when `blocks` does not match `values` or there are fewer than two samples.
    /// - Complexity: O(n) plus hashing.
    public static func estimate(values: [Double], blocks: [Int], runs: [Int]? = nil) -> VarianceComponents? {
        guard values.count >= 2, blocks.count == values.count, runs.map({ $0.count == values.count }) ?? true
        else { return nil }
        let isLog = values.allSatisfy { $0 > 0 && $0.isFinite }
        let y = isLog ? values.map { LibM.log($0) } : values
        let runLabels = runs ?? Array(repeating: 0, count: values.count)
        var blockMembers: [BlockKey: [Double]] = [:]
        for index in y.indices {
            blockMembers[BlockKey(run: runLabels[index], block: blocks[index]), default: []].append(y[index])
        }
        let within = pooledVariance(Array(blockMembers.values))
        let perBlock = Double(values.count) / Double(blockMembers.count)
        var blockMeans: [Int: [Double]] = [:]
        for (key, members) in blockMembers { blockMeans[key.run, default: []].append(Descriptive.mean(members)) }
        let blockGroups = Array(blockMeans.values)
        let hasBlocks = blockGroups.contains { $0.count >= 2 }
        let betweenBlocks = hasBlocks ? max(0, pooledVariance(blockGroups) - within / perBlock) : nil
        let runMeans = blockGroups.map(Descriptive.mean)
        var betweenRuns: Double?
        if runMeans.count >= 2 {
            let blocksPerRun = Double(blockMembers.count) / Double(runMeans.count)
            let expected = (betweenBlocks ?? 0) / blocksPerRun + within / (perBlock * blocksPerRun)
            betweenRuns = max(0, sampleVariance(runMeans) - expected)
        }
        return VarianceComponents(
            withinBlock: within.squareRoot(), betweenBlocks: betweenBlocks?.squareRoot(),
            betweenRuns: betweenRuns?.squareRoot(), isLogScale: isLog
        )
    }

    private struct BlockKey: Hashable {
        var run: Int
        var block: Int
    }

    /// Σ over groups of squared deviations from the group mean, over Σ (size − 1); 0 without any.
    private static func pooledVariance(_ groups: [[Double]]) -> Double {
        var squares = 0.0
        var degrees = 0
        for group in groups where group.count >= 2 {
            let mean = Descriptive.mean(group)
            squares += group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            degrees += group.count - 1
        }
        return degrees > 0 ? squares / Double(degrees) : 0
    }

    private static func sampleVariance(_ values: [Double]) -> Double {
        pooledVariance([values])
    }
}
