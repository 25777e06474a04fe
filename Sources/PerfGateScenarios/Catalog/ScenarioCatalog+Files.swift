import Foundation
public import PerfGateResults

extension ScenarioCatalog {
    /// The schema identifier of a scenario file.
    public static let fileSchema = "perfgate/scenario@1"

    /// The scenarios of `folder`, or of `Benchmarks/scenarios` when nil and present, else ``builtIn``.
    ///
    /// Every `*.json` file of the folder is one scenario, read in file-name order.
    /// - Throws: ``ResultsError`` naming the file and JSON path of the first problem, or a folder
    ///   with no scenario file.
    public static func load(folder: String?) throws(ResultsError) -> [ScenarioDefinition] {
        var isDirectory: ObjCBool = false
        guard let folder = folder ?? (FileManager.default.fileExists(atPath: defaultFolder, isDirectory: &isDirectory) && isDirectory.boolValue ? defaultFolder : nil) else {
            return builtIn
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw ResultsError(file: folder, message: "cannot list the scenario folder; pass an existing folder to --scenarios")
        }
        guard !names.isEmpty else {
            throw ResultsError(file: folder, message: "holds no scenario file (*.json); add one or remove the folder")
        }
        var definitions: [ScenarioDefinition] = []
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
            let definition = try read(path: path)
            if definitions.contains(where: { $0.name == definition.name }) {
                throw ResultsError(file: path, jsonPath: "$.name", message: "another file already defines \"\(definition.name)\"; names must be unique")
            }
            definitions.append(definition)
        }
        return definitions
    }

    /// Reads and validates one scenario file.
    public static func read(path: String) throws(ResultsError) -> ScenarioDefinition {
        let bytes = try FileContents.read(path: path, kind: "scenario")
        let json = try FileContents.parse(bytes, file: path, kind: "scenario", hint: "see docs/running.md, \"Adding a scenario\"")
        return try ScenarioFileDecoder(file: path).decode(json)
    }
}
