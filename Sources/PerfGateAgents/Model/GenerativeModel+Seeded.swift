extension GenerativeModel {
    /// The probability the model gives to the intended transition and to the agent's true region.
    static let reliability = 0.9

    /// Creates a model of `size` whose every entry comes from `seed`, with spatial structure on ``StateGrid``.
    ///
    /// - B: action u moves by direction `u % 5` (stay, north, east, south, west; blocked moves stay). Each
    ///   column puts weight 1 on the intended next state and `0.2/S · r` (r uniform in [0, 1)) on every
    ///   state, then is normalised: about 0.9 on the intended state, the rest as Dirichlet-like noise.
    /// - A: each column puts `0.9 · w` on the two observations of the state's own region and
    ///   `0.1/regions · w` on the others, with w uniform in [0.5, 1.5), then is normalised.
    /// - C: +1 for "a task is near" observations, 0 otherwise, plus a uniform jitter in [0, 0.1).
    /// - D: uniform.
    ///
    /// Every entry of every array is written, so the memory is touched, not merely reserved.
    /// - Complexity: O(U·S² + O·S); about 3 million generator draws for ``AgentModelSize/production``.
    public init(seededWith seed: UInt64, size: AgentModelSize) {
        var generator = Xoshiro256StarStar(seed: seed)
        let grid = StateGrid(size: size)
        let transitions = Self.makeTransitions(size: size, grid: grid, generator: &generator)
        let likelihood = Self.makeLikelihood(size: size, grid: grid, generator: &generator)
        let preferences = (0..<size.observations).map { observation in
            Double(observation % 2) + 0.1 * generator.nextUnitDouble()
        }
        let prior = [Double](repeating: 1 / Double(size.states), count: size.states)
        do {
            try self.init(
                size: size,
                likelihood: likelihood,
                transitions: transitions,
                preferences: preferences,
                prior: prior
            )
        } catch {
            preconditionFailure("a seeded model is valid by construction: \(error)")
        }
    }

    /// The state reached from `state` by moving in `direction` (0 stay, 1 north, 2 east, 3 south, 4 west).
    static func neighbour(of state: Int, direction: Int, grid: StateGrid) -> Int {
        let (x, y) = grid.cell(ofState: state)
        switch direction {
        case 1 where y > 0: return state - grid.columns
        case 2 where x + 1 < grid.columns: return state + 1
        case 3 where y + 1 < grid.rows: return state + grid.columns
        case 4 where x > 0: return state - 1
        default: return state
        }
    }

    private static func makeTransitions(
        size: AgentModelSize,
        grid: StateGrid,
        generator: inout Xoshiro256StarStar
    ) -> [Double] {
        let states = size.states
        let noise = 2 * (1 - reliability) / Double(states)
        var transitions = [Double](repeating: 0, count: size.actions * states * states)
        transitions.withUnsafeMutableBufferPointer { buffer in
            for action in 0..<size.actions {
                for state in 0..<states {
                    let column = (action * states + state) * states
                    var sum = 0.0
                    for next in 0..<states {
                        let value = noise * generator.nextUnitDouble()
                        buffer[column + next] = value
                        sum += value
                    }
                    buffer[column + neighbour(of: state, direction: action % 5, grid: grid)] += 1
                    let scale = 1 / (sum + 1)
                    for next in 0..<states { buffer[column + next] *= scale }
                }
            }
        }
        return transitions
    }

    private static func makeLikelihood(
        size: AgentModelSize,
        grid: StateGrid,
        generator: inout Xoshiro256StarStar
    ) -> [Double] {
        let observations = size.observations
        let regions = grid.regionCount
        var likelihood = [Double](repeating: 0, count: observations * size.states)
        for state in 0..<size.states {
            let region = grid.region(ofState: state)
            var sum = 0.0
            for observation in 0..<observations {
                let base = observation / 2 == region ? reliability : (1 - reliability) / Double(regions)
                let value = base * (0.5 + generator.nextUnitDouble())
                likelihood[state * observations + observation] = value
                sum += value
            }
            for observation in 0..<observations { likelihood[state * observations + observation] /= sum }
        }
        return likelihood
    }
}
