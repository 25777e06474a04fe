/// A task in the world: a place, a value for doing it, and how many rounds of work it still needs.
public struct WorldTask: Sendable, Hashable, Identifiable {
    /// The task's id; ids grow in the order tasks appear.
    public var id: Int
    /// Where the work must be done.
    public var location: GridPoint
    /// What completing it is worth, in [1, 10).
    public var value: Double
    /// The rounds of work it needs in total, 1–3.
    public var difficulty: Int
    /// The rounds of work it still needs; the task is complete at 0.
    public var remainingWork: Int

    /// Creates a task; `remainingWork` defaults to `difficulty` (no work done yet).
    public init(id: Int, location: GridPoint, value: Double, difficulty: Int, remainingWork: Int? = nil) {
        self.id = id
        self.location = location
        self.value = value
        self.difficulty = difficulty
        self.remainingWork = remainingWork ?? difficulty
    }
}

/// The grid world the agents live in: their true positions and the open tasks, all seeded.
///
/// It keeps ``openTaskTarget`` = `max(1, ⌈agents / 2⌉)` tasks open: whenever tasks complete, new ones
/// appear at uniformly drawn cells with uniformly drawn value and difficulty. Agents start at uniformly
/// drawn cells. Every draw comes from one generator seeded at creation, used only by the coordinator in a
/// fixed order, so the world's history depends only on the seed and the agents' actions.
public struct GridWorld: Sendable {
    /// The world's shape and sensor.
    public let geometry: WorldGeometry
    /// The number of tasks kept open.
    public let openTaskTarget: Int
    /// The open tasks, by increasing id.
    public private(set) var tasks: [WorldTask] = []
    /// Each agent's true position, indexed by agent id.
    public private(set) var positions: [GridPoint]
    private var generator: Xoshiro256StarStar
    private var nextTaskID = 0

    /// Creates a world for `agentCount` agents of model `size`, with agents and tasks placed from `seed`.
    public init(size: AgentModelSize, agentCount: Int, seed: UInt64) {
        precondition(agentCount > 0, "a world needs at least one agent")
        geometry = WorldGeometry(size: size)
        openTaskTarget = max(1, (agentCount + 1) / 2)
        var generator = Xoshiro256StarStar(seed: seed)
        positions = (0..<agentCount).map { _ in Self.randomPoint(in: WorldGeometry(size: size), &generator) }
        self.generator = generator
        replenishTasks()
    }

    /// Moves agent `agentID` one cell in `direction` (0 stay, 1 north, 2 east, 3 south, 4 west).
    public mutating func move(agentID: Int, direction: Int) {
        positions[agentID] = geometry.moved(positions[agentID], direction: direction)
    }

    /// Does one round of work on task `taskID`; returns true when that completes (and removes) the task.
    public mutating func work(onTask taskID: Int) -> Bool {
        guard let index = tasks.firstIndex(where: { $0.id == taskID }) else { return false }
        tasks[index].remainingWork -= 1
        guard tasks[index].remainingWork <= 0 else { return false }
        tasks.remove(at: index)
        return true
    }

    /// Opens new tasks until ``openTaskTarget`` are open.
    public mutating func replenishTasks() {
        while tasks.count < openTaskTarget {
            let difficulty = 1 + Int(generator.next() % 3)
            tasks.append(
                WorldTask(
                    id: nextTaskID,
                    location: Self.randomPoint(in: geometry, &generator),
                    value: 1 + 9 * generator.nextUnitDouble(),
                    difficulty: difficulty,
                    remainingWork: difficulty
                )
            )
            nextTaskID += 1
        }
    }

    private static func randomPoint(in geometry: WorldGeometry, _ generator: inout Xoshiro256StarStar) -> GridPoint {
        GridPoint(
            x: Int(generator.next() % UInt64(geometry.width)),
            y: Int(generator.next() % UInt64(geometry.height))
        )
    }
}
