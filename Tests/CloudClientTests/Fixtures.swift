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

  /// Every file under `real/` except the index, as paths relative to the fixture root.
  static func realFiles() throws -> [String] {
    let base = root.appendingPathComponent("real")
    var found: [String] = []
    for folder in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() {
      var isDirectory: ObjCBool = false
      let path = base.appendingPathComponent(folder).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { continue }
      for file in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
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
