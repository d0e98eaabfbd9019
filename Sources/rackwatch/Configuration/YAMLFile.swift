import Foundation
import Yams

/// Reads a YAML file into Yams nodes, turning every problem into a `ConfigError` that names
/// the file and line, so a broken config never ends in a stack trace.
struct YAMLFile {
  let path: String
  let root: Node

  init(path: String, text: String) throws {
    self.path = path
    do {
      guard let node = try Yams.compose(yaml: text) else {
        root = .mapping(Node.Mapping([]))
        return
      }
      root = node
    } catch let error as YamlError {
      throw YAMLFile.configError(path: path, error)
    } catch {
      throw ConfigError(file: path, message: "not valid YAML: \(error)")
    }
  }

  static func load(path: String) throws -> YAMLFile? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, message: "cannot be read (check its permissions)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, message: "is not UTF-8 text")
    }
    return try YAMLFile(path: path, text: text)
  }

  private static func configError(path: String, _ error: YamlError) -> ConfigError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ConfigError(file: path, line: mark.line, message: "not valid YAML: \(problem)")
    default:
      return ConfigError(file: path, message: "not valid YAML: \(error)")
    }
  }

  /// The mapping at the root, or an error if the file holds something else.
  func rootMapping() throws -> Node.Mapping {
    guard let mapping = root.mapping else {
      throw error(at: root, "expected a mapping of keys at the top level")
    }
    return mapping
  }

  func error(at node: Node, _ message: String) -> ConfigError {
    ConfigError(file: path, line: node.mark?.line, message: message)
  }

  /// A scalar value as text, or an error naming the key when it is a list or mapping.
  func string(_ node: Node, key: String) throws -> String {
    guard let scalar = node.scalar else {
      throw error(at: node, "'\(key)' must be a single value")
    }
    return scalar.string
  }

  func bool(_ node: Node, key: String) throws -> Bool {
    switch try string(node, key: key).lowercased() {
    case "true", "yes", "on", "1": return true
    case "false", "no", "off", "0": return false
    default: throw error(at: node, "'\(key)' must be true or false")
    }
  }

  func number(_ node: Node, key: String) throws -> Double {
    // A day at most: longer would be a typo, and larger numbers overflow an interval.
    guard let value = Double(try string(node, key: key)), value > 0, value <= 86_400 else {
      throw error(at: node, "'\(key)' must be a number of seconds between 0 and 86400")
    }
    return value
  }

  /// A single value or a list of values (regions may be written either way).
  func strings(_ node: Node, key: String) throws -> [String] {
    if let sequence = node.sequence {
      var result: [String] = []
      for item in sequence { result.append(try string(item, key: key)) }
      return result
    }
    return try string(node, key: key).split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }

  func mapping(_ node: Node, key: String) throws -> Node.Mapping {
    guard let mapping = node.mapping else {
      throw error(at: node, "'\(key)' must be a mapping of keys")
    }
    return mapping
  }
}
