import Foundation
import PerfGateCommands

/// The `bench` executable: a thin entry point over `PerfGateCommands`.
@main
enum BenchMain {
    static func main() async {
        let executablePath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let status = await BenchCommand.main(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment,
            executablePath: executablePath
        )
        exit(status)
    }
}
