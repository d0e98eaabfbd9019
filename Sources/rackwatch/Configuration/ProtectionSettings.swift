import BrowserModel
import Yams

/// The `protection:` block of a profile, read by both the Protection view and
/// `rackwatch check`: `{ backup: 26h, snapshot: 8d, grace: 1h, off_region: true }`.
/// Durations take `s m h d` suffixes (or plain seconds), as the command-line flags do.
enum ProtectionSettings {
  static func read(_ node: Node, into profile: inout Profile, file: YAMLFile, name: String) throws {
    for (keyNode, value) in try file.mapping(node, key: "protection") {
      let key = keyNode.string ?? ""
      func duration() throws -> Double {
        let text = try file.string(value, key: "protection.\(key)")
        guard let parsed = DurationArgument(argument: text), parsed.seconds > 0 else {
          throw file.error(
            at: value, "profile '\(name)': protection.\(key) must be a duration like 26h or 8d")
        }
        return parsed.seconds
      }
      switch key {
      case "backup": profile.protectionBackup = try duration()
      case "snapshot": profile.protectionSnapshot = try duration()
      case "grace": profile.protectionGrace = try duration()
      case "off_region", "offregion":
        profile.protectionOffRegion = try file.bool(value, key: "protection.\(key)")
      default:
        throw file.error(
          at: keyNode,
          "profile '\(name)': protection takes backup, snapshot, grace and off_region")
      }
    }
  }

  /// The thresholds a profile sets, defaults for the rest.
  static func thresholds(_ profile: Profile) -> ProtectionThresholds {
    var thresholds = ProtectionThresholds()
    if let backup = profile.protectionBackup { thresholds.backup = backup }
    if let snapshot = profile.protectionSnapshot { thresholds.snapshot = snapshot }
    if let grace = profile.protectionGrace { thresholds.grace = grace }
    if let offRegion = profile.protectionOffRegion { thresholds.offRegion = offRegion }
    return thresholds
  }
}
