import Foundation

/// The fixture folders kept in the repo, `Tests/Fixtures/{real,docs}` (copied from the team's
/// shared captures; `real/INDEX.md` and `docs/SOURCES.md` say where each body came from).
enum Fixtures {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CloudClientTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures")

  static func data(_ relative: String) throws -> Data {
    try Data(contentsOf: root.appendingPathComponent(relative))
  }

  /// The files INDEX.md lists under "# Round 2" (restore, volume from snapshot, metadata,
  /// sorting and time filters): the issues that model them read them; the round-1 walks
  /// below leave them out until then.
  static func roundTwoFiles() throws -> Set<String> {
    let index = try String(
      contentsOf: root.appendingPathComponent("real/INDEX.md"), encoding: .utf8)
    guard let start = index.range(of: "\n# Round 2") else { return [] }
    var names: Set<String> = []
    for line in index[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
      let name = line.dropFirst(3).prefix { $0 != "`" }
      names.insert(String(name))
    }
    return names
  }

  /// Every round-1 file under `real/` (cinder-29, trove-26; not keystone/, which has its own
  /// tests, nor the round-2 captures), as paths relative to the fixture root.
  static func realFiles() throws -> [String] {
    let base = root.appendingPathComponent("real")
    let later = try roundTwoFiles()
    var found: [String] = []
    for folder in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted()
    where folder != "keystone" {
      var isDirectory: ObjCBool = false
      let path = base.appendingPathComponent(folder).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { continue }
      for file in try FileManager.default.contentsOfDirectory(atPath: path).sorted()
      where !later.contains(file) {
        found.append("real/\(folder)/\(file)")
      }
    }
    return found
  }

  /// UTC date from components.
  static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ frac: Double = 0)
    -> Date
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = calendar.date(
      from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
    return date.addingTimeInterval(frac)
  }
}
