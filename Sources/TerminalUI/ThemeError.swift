/// Why a theme file was rejected: names the file, the line and the key, so the operator can
/// go straight to it. The default theme is used instead.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  /// 1-based line in the file, when known.
  public var line: Int?
  /// The offending key path (`styles.selection.fg`), when the problem is one key.
  public var key: String?
  public var problem: String

  public init(file: String, line: Int?, key: String?, problem: String) {
    self.file = file
    self.line = line
    self.key = key
    self.problem = problem
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if let key { text += "key '\(key)': " }
    return text + problem
  }
}
