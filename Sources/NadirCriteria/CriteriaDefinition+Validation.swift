extension CriteriaDefinition {
    /// Checks what `Codable` cannot: the logic exists and has its parameter section, and the measure fits it.
    func validate() throws {
        guard LogicName.implemented.contains(logic) else {
            throw CriteriaError(code: .unknownLogic, file: file, keyPath: "logic",
                                message: "'\(logic)' is not implemented; known: \(LogicName.implemented.map(\.rawValue).joined(separator: ", "))")
        }
        let required: [(LogicName, String, Bool)] = [
            (.irecistConfirmation, "irecist", irecist != nil),
            (.pcwg3BoneFlare, "pcwg3", pcwg3 != nil),
            (.luganoPETPrecedence, "lugano", lugano != nil),
            (.choiDensity, "choi", choi != nil),
            (.ranoConfirmation, "rano", rano != nil),
        ]
        for (name, key, present) in required where logic == name && !present {
            throw CriteriaError(code: .missingKey, file: file, keyPath: key,
                                message: "logic '\(name)' needs its '\(key):' parameter section")
        }
        if response.progression.absoluteIncrease != nil, response.progression.absoluteIncreaseScope == nil {
            throw CriteriaError(code: .missingKey, file: file, keyPath: "response.progression.absoluteIncreaseScope",
                                message: "say whether the absolute increase applies to the 'sum' or 'any-lesion'")
        }
        if baseline.sliceThicknessMultiple != nil, baseline.sliceThicknessLimit == nil {
            throw CriteriaError(code: .missingKey, file: file, keyPath: "baseline.sliceThicknessLimit",
                                message: "a slice-thickness multiple needs the slice thickness above which it applies")
        }
        if version.isEmpty || citation.isEmpty {
            throw CriteriaError(code: .invalidValue, file: file, keyPath: version.isEmpty ? "version" : "citation",
                                message: "must not be empty")
        }
    }
}
