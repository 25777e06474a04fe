import Foundation
import PerfGateStatistics
import Testing

/// Reading of the golden vectors in `Golden/` (written by `scripts/golden/generate.py`).
enum GoldenVectors {
    /// The `cases` of one golden file, decoded.
    static func load<Case: Decodable>(_ name: String, as type: Case.Type = Case.self) throws -> Case {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Golden"))
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(File<Case>.self, from: data).cases
    }

    private struct File<Case: Decodable>: Decodable {
        var cases: Case
    }
}

/// A sample in a golden file: literal values, or a SplitMix64 generator with a check of its output.
struct GoldenSample: Decodable, Sendable {
    struct Generator: Decodable, Sendable {
        struct Check: Decodable, Sendable {
            var first: Double
            var last: Double
            var sum: Double
        }
        var seed: UInt64
        var count: Int
        var kind: String
        var scale: Double
        var offset: Double
        var levels: Int
        var check: Check
    }

    var values: [Double]?
    var generator: Generator?

    /// The sample's values; for a generated sample, after checking them against the script's record.
    func makeValues() throws -> [Double] {
        if let values { return values }
        let spec = try #require(generator)
        var random = SplitMix64(seed: spec.seed)
        let values = try (0..<spec.count).map { _ in
            let u = random.nextUnitDouble()
            switch spec.kind {
            case "uniform": return spec.offset + spec.scale * u
            case "integer": return spec.offset + spec.scale * (u * Double(spec.levels)).rounded(.down)
            case "pareto": return spec.offset + spec.scale * (1 / (1 - u) - 1)
            default: throw GoldenError.unknownKind(spec.kind)
            }
        }
        try #require(values.first == spec.check.first && values.last == spec.check.last)
        try #require(values.reduce(0, +) == spec.check.sum, "generated sample differs from the script's")
        return values
    }
}

enum GoldenError: Error {
    case unknownKind(String)
}

/// Whether `actual` is within `tolerance` of `expected`, relative to the larger magnitude
/// (and absolutely below 1e−300, where Doubles are subnormal or zero).
func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double) -> Bool {
    if actual == expected { return true }
    let scale = max(abs(actual), abs(expected))
    return abs(actual - expected) <= max(tolerance * scale, 1e-300)
}
