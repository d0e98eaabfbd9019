import Yams

/// A value read from an openstacksdk-style file (clouds.yaml, secure.yaml,
/// clouds-public.yaml), with the file, line and key it was written at, so that merged values
/// still say where they came from and errors name the line.
///
/// openstacksdk merges these files as plain dictionaries; keeping the tree lets rackwatch
/// merge the same way and still answer `rackwatch profiles`' "where did this come from?".
struct ConfigValue: Sendable {
  indirect enum Content: Sendable {
    case scalar(String)
    case list([ConfigValue])
    case map([(key: String, value: ConfigValue)])
  }

  var content: Content
  var origin: ConfigOrigin

  /// The tree under a Yams node.
  init(node: Node, file: String, keyPath: String) {
    origin = ConfigOrigin(file: file, line: node.mark?.line, key: keyPath)
    switch node {
    case .scalar(let scalar):
      content = .scalar(scalar.string)
    case .sequence(let sequence):
      content = .list(
        sequence.enumerated().map { index, item in
          ConfigValue(node: item, file: file, keyPath: "\(keyPath)[\(index)]")
        })
    case .mapping(let mapping):
      content = .map(
        mapping.map { key, value in
          let name = key.string ?? ""
          let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
          return (name, ConfigValue(node: value, file: file, keyPath: path))
        })
    case .alias:
      content = .scalar("")
    }
  }

  init(content: Content, origin: ConfigOrigin) {
    self.content = content
    self.origin = origin
  }

  /// A built-in value (a vendor profile rackwatch ships).
  static func builtIn(_ value: BuiltIn, source: String, keyPath: String = "") -> ConfigValue {
    let origin = ConfigOrigin(file: source, line: nil, key: keyPath)
    switch value {
    case .text(let text): return ConfigValue(content: .scalar(text), origin: origin)
    case .texts(let texts):
      return ConfigValue(
        content: .list(texts.map { builtIn(.text($0), source: source, keyPath: keyPath) }),
        origin: origin)
    case .keys(let pairs):
      return ConfigValue(
        content: .map(
          pairs.map { key, value in
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            return (key, builtIn(value, source: source, keyPath: path))
          }), origin: origin)
    }
  }

  /// The shape of a built-in value.
  indirect enum BuiltIn: Sendable {
    case text(String)
    case texts([String])
    case keys([(String, BuiltIn)])
  }

  /// The value under `key` when this is a mapping.
  subscript(key: String) -> ConfigValue? {
    guard case .map(let pairs) = content else { return nil }
    return pairs.last { $0.key == key }?.value
  }

  /// The keys of a mapping, in file order.
  var pairs: [(key: String, value: ConfigValue)] {
    if case .map(let pairs) = content { return pairs }
    return []
  }

  /// `other` laid over this value the way openstacksdk merges clouds.yaml with secure.yaml
  /// and vendor profiles: mappings merge key by key, anything else is replaced.
  func merging(_ other: ConfigValue) -> ConfigValue {
    guard case .map(var mine) = content, case .map(let theirs) = other.content else {
      return other
    }
    for (key, value) in theirs {
      if let index = mine.firstIndex(where: { $0.key == key }) {
        mine[index].value = mine[index].value.merging(value)
      } else {
        mine.append((key, value))
      }
    }
    return ConfigValue(content: .map(mine), origin: origin)
  }

  // MARK: Reading values, with errors that name the file and line

  func error(_ message: String) -> ConfigError {
    ConfigError(file: origin.file, line: origin.line, message: message)
  }

  /// A single value as text.
  func text() throws -> String {
    guard case .scalar(let text) = content else {
      throw error("'\(origin.key)' must be a single value")
    }
    return text
  }

  func bool() throws -> Bool {
    switch try text().lowercased() {
    case "true", "yes", "on", "1": return true
    case "false", "no", "off", "0": return false
    default: throw error("'\(origin.key)' must be true or false")
    }
  }

  /// A single value or a list of them (openstacksdk takes a comma-separated `region_name`).
  func texts() throws -> [String] {
    switch content {
    case .list(let items): return try items.map { try $0.text() }
    case .scalar(let text):
      return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    case .map: throw error("'\(origin.key)' must be a value or a list of values")
    }
  }

  func list() throws -> [ConfigValue] {
    guard case .list(let items) = content else { throw error("'\(origin.key)' must be a list") }
    return items
  }

  func requireMap() throws -> ConfigValue {
    guard case .map = content else { throw error("'\(origin.key)' must be a mapping of keys") }
    return self
  }
}

/// Where a configuration value was written.
struct ConfigOrigin: Sendable, Equatable, CustomStringConvertible {
  var file: String
  var line: Int?
  var key: String

  /// `~/.config/openstack/clouds.yaml:12 clouds.lab.auth.username`.
  var description: String {
    "\(file)\(line.map { ":\($0)" } ?? "") \(key)"
  }
}
