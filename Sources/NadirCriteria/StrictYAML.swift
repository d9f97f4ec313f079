internal import Foundation
internal import Yams

/// Strict YAML decoding: a value is decoded, re-encoded, and every key of the original document must survive
/// the round trip; a key that does not is unknown to the schema and is reported with its path.
///
/// This keeps the schema in one place (the `Codable` types) while rejecting misspelt keys, which plain
/// `Decodable` silently ignores.
enum StrictYAML {
    /// Decodes `type` from `text`, mapping every failure to a `CriteriaError` naming `file` and the key path.
    static func decode<T: Codable>(_ type: T.Type, from text: String, file: String) throws -> T {
        let original: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw CriteriaError(code: .malformedYAML, file: file, message: "the file is empty")
            }
            original = node
        } catch let error as CriteriaError {
            throw error
        } catch {
            throw CriteriaError(code: .malformedYAML, file: file, message: "not valid YAML: \(error)")
        }
        let value: T
        do {
            value = try YAMLDecoder().decode(type, from: original)
        } catch let error as DecodingError {
            throw criteriaError(from: error, file: file)
        } catch {
            throw CriteriaError(code: .invalidValue, file: file, message: "\(error)")
        }
        let reencoded: Node
        do {
            let text = try YAMLEncoder().encode(value)
            guard let node = try Yams.compose(yaml: text) else {
                throw CriteriaError(code: .invalidValue, file: file, message: "the definition re-encodes to nothing")
            }
            reencoded = node
        } catch let error as CriteriaError {
            throw error
        } catch {
            throw CriteriaError(code: .invalidValue, file: file, message: "cannot re-encode for key checking: \(error)")
        }
        if let path = unknownKey(in: original, comparedWith: reencoded, path: []) {
            throw CriteriaError(code: .unknownKey, file: file, keyPath: path,
                                message: "unknown key; check its spelling against Criteria/README.md")
        }
        return value
    }

    /// The dotted path of the first key in `original` that `known` lacks.
    static func unknownKey(in original: Node, comparedWith known: Node, path: [String]) -> String? {
        switch (original, known) {
        case let (.mapping(mapping), .mapping(knownMapping)):
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? "?"
                guard let knownValue = knownMapping[key] else {
                    // An explicit `null` decodes to nil and is not re-encoded: that is not an unknown key.
                    if case .scalar(let scalar) = valueNode, scalar.string == "null" || scalar.string == "~" {
                        continue
                    }
                    return (path + [key]).joined(separator: ".")
                }
                if let found = unknownKey(in: valueNode, comparedWith: knownValue, path: path + [key]) {
                    return found
                }
            }
            return nil
        case let (.mapping(mapping), _):
            // A mapping that decoded into a scalar value: every key is unknown.
            let key = mapping.first.flatMap { $0.key.string } ?? "?"
            return (path + [key]).joined(separator: ".")
        case let (.sequence(sequence), .sequence(knownSequence)):
            for (index, element) in sequence.enumerated() where index < knownSequence.count {
                if let found = unknownKey(in: element, comparedWith: knownSequence[index], path: path + ["[\(index)]"]) {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// Maps a `DecodingError` to a `CriteriaError` with the key path.
    static func criteriaError(from error: DecodingError, file: String) -> CriteriaError {
        func dotted(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            return CriteriaError(code: .missingKey, file: file, keyPath: dotted(context.codingPath + [key]),
                                 message: "required key is missing")
        case let .valueNotFound(_, context):
            return CriteriaError(code: .missingKey, file: file, keyPath: dotted(context.codingPath),
                                 message: "required value is missing")
        case let .typeMismatch(_, context), let .dataCorrupted(context):
            return CriteriaError(code: .invalidValue, file: file, keyPath: dotted(context.codingPath),
                                 message: context.debugDescription)
        @unknown default:
            return CriteriaError(code: .invalidValue, file: file, message: "\(error)")
        }
    }
}
