/// How hidden states and observation regions tile a rectangle: the spatial meaning of a model's indices.
///
/// The S hidden states are the cells of a `columns × rows` state grid (S = columns·rows, columns ≥ rows,
/// as square as S's divisors allow: 16 → 4×4, 512 → 32×16), numbered row by row: state `s` is cell
/// `(s % columns, s / columns)`. The O/2 observation regions tile the same grid the same way
/// (64 observations → 32 regions → 8×4 blocks of 4×4 states). Observation `o = 2·region + near`, where
/// `near` is 1 when a task is close (see ``GridWorld``).
public struct StateGrid: Sendable, Hashable {
    /// Cells across (x), in states.
    public let columns: Int
    /// Cells down (y), in states.
    public let rows: Int
    /// Regions across.
    public let regionColumns: Int
    /// Regions down.
    public let regionRows: Int

    /// The grid for a model of `size`.
    public init(size: AgentModelSize) {
        (columns, rows) = Self.factor(size.states)
        (regionColumns, regionRows) = Self.factor(size.observations / 2)
    }

    /// The number of regions, O/2.
    public var regionCount: Int { regionColumns * regionRows }

    /// The state-grid cell of state `state`.
    public func cell(ofState state: Int) -> (x: Int, y: Int) {
        (state % columns, state / columns)
    }

    /// The region that contains state `state`.
    public func region(ofState state: Int) -> Int {
        let (x, y) = cell(ofState: state)
        return (x * regionColumns / columns) + (y * regionRows / rows) * regionColumns
    }

    /// The most even factorisation `n = a·b` with `a ≥ b`.
    static func factor(_ n: Int) -> (Int, Int) {
        var small = 1
        var candidate = 1
        while candidate * candidate <= n {
            if n % candidate == 0 { small = candidate }
            candidate += 1
        }
        return (n / small, small)
    }
}
