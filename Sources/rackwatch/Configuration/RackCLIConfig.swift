import Foundation

/// The `rack` CLI's `~/.rack/config`: INI sections, `[default]` plus named profiles, with
/// `username`, `api-key`, `region` and optionally `auth-url`.
struct RackCLIConfig: Sendable {
  var path: String
  var profiles: [Profile] = []

  static func load(path: String) throws -> RackCLIConfig? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw ConfigError(file: path, message: "cannot be read as UTF-8 text") }
    return try RackCLIConfig(path: path, text: text)
  }

  init(path: String, text: String) throws {
    self.path = path
    var current: Profile?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      let lineNumber = index + 1
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]"), line.count > 2 else {
          throw ConfigError(
            file: path, line: lineNumber, message: "a section must look like [name]")
        }
        if let current { profiles.append(current) }
        let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        current = Profile(name: name, source: .rackConfig(path: path))
        current?.authKind = .apiKey
        current?.origins[.auth] = "\(path):\(lineNumber) [\(name)] (rack signs in with an API key)"
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw ConfigError(file: path, line: lineNumber, message: "expected 'key = value'")
      }
      guard current != nil else {
        throw ConfigError(file: path, line: lineNumber, message: "a key comes before any [section]")
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      let origin = "\(path):\(lineNumber) [\(current?.name ?? "")] \(key)"
      switch key.replacingOccurrences(of: "_", with: "-") {
      case "username":
        current?.username = value
        current?.origins[.username] = origin
      case "api-key", "apikey":
        current?.apiKey = Secret(value)
        current?.origins[.apiKey] = origin
      case "region":
        current?.regions = [value.uppercased()]
        current?.origins[.regions] = origin
      case "auth-url", "identity-endpoint", "auth-endpoint":
        current?.identityURL = value
        current?.origins[.identity] = origin
      default: continue  // rack has other keys (output, ...) that do not concern us
      }
    }
    if let current { profiles.append(current) }
  }
}
