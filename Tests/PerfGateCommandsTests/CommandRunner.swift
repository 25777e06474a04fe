@testable import PerfGateCommands

/// Runs `bench` in-process with captured output.
struct CommandRun {
    var status: ExitStatus
    var standardOutput: String
    var standardError: String
}

func runBench(_ arguments: [String], environment: [String: String] = [:], terminal: Bool = false) async -> CommandRun {
    let output = TextOutput.makeBuffer(isTerminal: terminal)
    let error = TextOutput.makeBuffer(isTerminal: terminal)
    let context = CommandContext(
        standardOutput: output, standardError: error, environment: environment, executablePath: "/nonexistent/bench"
    )
    let status = await BenchCommand.run(arguments, context: context)
    return CommandRun(status: status, standardOutput: output.text, standardError: error.text)
}
