import PerfGateAgents
import Testing

struct FaultInjectionTests {
    @Test func extraMemoryAddsTheRequestedFractionOfTheModelBytes() {
        let size = AgentModelSize.light
        let model = GenerativeModel(seededWith: 3, size: size)
        let plain = ActiveInferenceAgent(id: 0, model: model, seed: 3)
        let heavier = ActiveInferenceAgent(id: 0, model: model, seed: 3, injection: FaultInjection(extraMemory: 0.10))
        let added = heavier.allocatedBytes - plain.allocatedBytes
        #expect(added == FaultInjection(extraMemory: 0.10).extraDoubles(for: size) * 8)
        let ratio = Double(added) / Double(size.estimatedModelBytes)
        #expect(abs(ratio - 0.10) < 0.001)
    }

    @Test func aSwarmReportsTheInjectedBytesPerAgent() {
        let plain = Swarm(agentCount: 2, model: SwarmTests.size, seed: 1, roundDeadline: .seconds(1))
        let heavier = Swarm(
            agentCount: 2,
            model: SwarmTests.size,
            seed: 1,
            roundDeadline: .seconds(1),
            injection: FaultInjection(extraMemory: 0.25)
        )
        #expect(heavier.allocatedBytesPerAgent > plain.allocatedBytesPerAgent)
        let expected = FaultInjection(extraMemory: 0.25).extraDoubles(for: SwarmTests.size) * 8
        #expect(heavier.allocatedBytesPerAgent - plain.allocatedBytesPerAgent == expected)
    }

    @Test func injectedWorkAndMemoryDoNotChangeResults() async {
        let plain = await SwarmTests.run(rounds: 8)
        let faulty = await SwarmTests.run(injection: FaultInjection(slowdown: 0.5, extraMemory: 0.1), rounds: 8)
        #expect(plain.outcomes.map(\.stateDigest) == faulty.outcomes.map(\.stateDigest))
        #expect(plain.beliefs == faulty.beliefs)
    }

    @Test func slowdownDoesExtraWork() {
        let model = GenerativeModel(seededWith: 4, size: .light)
        var plain = ActiveInferenceAgent(id: 0, model: model, seed: 4)
        var slower = ActiveInferenceAgent(id: 0, model: model, seed: 4, injection: FaultInjection(slowdown: 0.1))
        for step in 0..<5 {
            #expect(
                plain.step(observation: step, previousAction: 1) == slower.step(observation: step, previousAction: 1)
            )
        }
        #expect(plain.injectedWorkChecksum == 0)
        #expect(slower.injectedWorkChecksum != 0)
    }
}
