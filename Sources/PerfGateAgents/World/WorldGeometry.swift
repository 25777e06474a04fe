/// A cell of the world grid; x grows east, y grows south, both from 0.
public struct GridPoint: Sendable, Hashable, CustomStringConvertible {
    /// The column, in cells.
    public var x: Int
    /// The row, in cells.
    public var y: Int

    /// Creates a point.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The Manhattan distance to `other`, in cells.
    public func distance(to other: GridPoint) -> Int {
        abs(x - other.x) + abs(y - other.y)
    }

    /// `(x, y)`.
    public var description: String { "(\(x), \(y))" }
}

/// The fixed shape of the world and the meaning of positions for agents: which hidden state a cell is,
/// and what the noisy sensor reports.
///
/// The world has one cell per hidden state: it is the ``StateGrid`` itself (light: 8×8 cells, production:
/// 32×16 cells), so cell (x, y) is hidden state `y·columns + x`, and a move of one cell is exactly the
/// transition that the agents' B models (up to B's noise). The sensor reports
/// `o = 2·region + near`: the region of the agent's true state, replaced with probability
/// ``sensorNoise`` by a uniformly drawn region, and `near` = 1 when the nearest open task is at most
/// ``nearDistance`` cells away (Manhattan), flipped with probability ``sensorNoise``.
public struct WorldGeometry: Sendable, Hashable {
    /// The model's state grid.
    public let stateGrid: StateGrid
    /// The world's width, in cells.
    public let width: Int
    /// The world's height, in cells.
    public let height: Int
    /// The distance at or below which a task counts as near: `max(1, (width + height) / 8)` cells.
    public let nearDistance: Int
    /// The probability that each part of a reading is replaced by noise: 0.1.
    public static let sensorNoise = 0.1

    /// The geometry of a world for agents of `size`.
    public init(size: AgentModelSize) {
        stateGrid = StateGrid(size: size)
        width = stateGrid.columns
        height = stateGrid.rows
        nearDistance = max(1, (width + height) / 8)
    }

    /// The hidden state of cell `point`: `y·columns + x`.
    public func state(of point: GridPoint) -> Int {
        point.y * stateGrid.columns + point.x
    }

    /// The cell of state `state`, as coordinates for distances.
    public func centre(ofState state: Int) -> (x: Double, y: Double) {
        let (column, row) = stateGrid.cell(ofState: state)
        return (Double(column), Double(row))
    }

    /// `point` moved one cell in `direction` (0 stay, 1 north, 2 east, 3 south, 4 west), staying inside.
    public func moved(_ point: GridPoint, direction: Int) -> GridPoint {
        var next = point
        switch direction {
        case 1: next.y = max(0, point.y - 1)
        case 2: next.x = min(width - 1, point.x + 1)
        case 3: next.y = min(height - 1, point.y + 1)
        case 4: next.x = max(0, point.x - 1)
        default: break
        }
        return next
    }

    /// The direction of one greedy step from `point` towards `target`: along x first, then y; 0 when there.
    public func direction(from point: GridPoint, towards target: GridPoint) -> Int {
        if target.x > point.x { return 2 }
        if target.x < point.x { return 4 }
        if target.y > point.y { return 3 }
        if target.y < point.y { return 1 }
        return 0
    }

    /// A noisy sensor reading at `point` given the open `tasks`, drawing noise from `generator`.
    /// - Complexity: O(tasks).
    public func observation(
        at point: GridPoint,
        tasks: [WorldTask],
        generator: inout Xoshiro256StarStar
    ) -> Int {
        var region = stateGrid.region(ofState: state(of: point))
        if generator.nextUnitDouble() < Self.sensorNoise {
            region = Int(generator.next() % UInt64(stateGrid.regionCount))
        }
        let nearest = tasks.map { $0.location.distance(to: point) }.min() ?? Int.max
        var near = nearest <= nearDistance
        if generator.nextUnitDouble() < Self.sensorNoise { near.toggle() }
        return 2 * region + (near ? 1 : 0)
    }
}
