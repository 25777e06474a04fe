import Synchronization

/// A small, bounded, thread-safe cache of exact Mann–Whitney null distributions keyed by the
/// unordered pair of sample sizes.
///
/// Building a distribution costs O(m²·n) (about 8·10⁶ additions at 200×200), while reading a
/// p-value from it is O(1); a gate compares many metrics of the same sample sizes, so the second and
/// later tests of a size pair cost a dictionary look-up under an uncontended lock.
///
/// Bound: at most `capacity` distributions whose lower halves hold at most `elementBudget` Doubles
/// in total (default 32 distributions, 4,000,000 Doubles = 32 MB). When an insertion would exceed
/// either bound, the least recently used entries are evicted. A distribution larger than the whole
/// budget is built and returned but not kept. The build runs outside the lock: two threads that miss
/// on the same key may both build it, which is harmless.
final class NullDistributionCache: Sendable {
    /// The process-wide cache `MannWhitneyU` uses.
    static let shared = NullDistributionCache()

    private struct Key: Hashable {
        var smaller: Int
        var larger: Int
    }

    private struct Entry {
        var key: Key
        var distribution: MannWhitneyNullDistribution
        var lastUse: UInt64
    }

    /// The entries in a plain array: with a few dozen at most, a linear scan beats hashing, and a
    /// hit updates its use stamp in place.
    private struct State {
        var entries: [Entry] = []
        var elementCount = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The maximum number of cached distributions.
    let capacity: Int
    /// The maximum number of Doubles held by all cached distributions together.
    let elementBudget: Int

    /// Creates an empty cache with the given bounds.
    init(capacity: Int = 32, elementBudget: Int = 4_000_000) {
        self.capacity = capacity
        self.elementBudget = elementBudget
    }

    /// The number of distributions held now.
    var count: Int { state.withLock { $0.entries.count } }

    /// The distribution for sizes (n₁, n₂), built on a miss.
    /// - Complexity: O(1) on a hit; O(m²·n) on a miss.
    func distribution(_ firstCount: Int, _ secondCount: Int) -> MannWhitneyNullDistribution {
        let key = Key(smaller: min(firstCount, secondCount), larger: max(firstCount, secondCount))
        let cached: MannWhitneyNullDistribution? = state.withLock { state in
            guard let index = state.entries.firstIndex(where: { $0.key == key }) else { return nil }
            state.clock &+= 1
            state.entries[index].lastUse = state.clock
            return state.entries[index].distribution
        }
        if let cached { return cached }
        let built = MannWhitneyNullDistribution(key.smaller, key.larger)
        insert(built, for: key)
        return built
    }

    private func insert(_ distribution: MannWhitneyNullDistribution, for key: Key) {
        let size = distribution.lowerCDF.count
        guard size <= elementBudget, capacity > 0 else { return }
        state.withLock { state in
            guard !state.entries.contains(where: { $0.key == key }) else { return }
            while state.entries.count >= capacity || state.elementCount + size > elementBudget {
                guard
                    let oldest = state.entries.indices.min(by: { state.entries[$0].lastUse < state.entries[$1].lastUse }
                    )
                else { break }
                state.elementCount -= state.entries[oldest].distribution.lowerCDF.count
                state.entries.remove(at: oldest)
            }
            state.clock &+= 1
            state.entries.append(Entry(key: key, distribution: distribution, lastUse: state.clock))
            state.elementCount += size
        }
    }
}
