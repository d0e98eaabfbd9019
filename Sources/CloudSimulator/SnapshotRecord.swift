/// One Cinder snapshot as the simulator stores it; status and progress are computed from the
/// clock like ``BackupRecord``.
struct SnapshotRecord: Sendable {
  var seq: Int
  var id: String
  var name: String?
  var description: String?
  var volumeID: String
  var size: Int
  var created: Double
  var duration: Double
  var fails: Bool
  var metadata: [(String, String)] = []
  /// Last rename / re-describe, in simulated seconds.
  var changed: Double? = nil
  /// When a delete was accepted.
  var deleteStarted: Double? = nil
  /// When the delete ends (row gone, or error_deleting).
  var deleteDoneAt: Double? = nil
  var deleteWillFail: Bool = false
  var errorDeleting: Bool = false
  /// A status an admin set with `os-reset_status`.
  var resetStatus: String? = nil

  func status(at now: Double) -> String {
    if errorDeleting { return "error_deleting" }
    if deleteStarted != nil { return "deleting" }
    if let resetStatus { return resetStatus }
    if now - created < duration { return "creating" }
    return fails ? "error" : "available"
  }

  /// `os-extended-snapshot-attributes:progress`: a string, "0%" to "100%", with two decimals in
  /// between ("25.39%", as Rackspace prints it).
  func progress(at now: Double) -> String {
    let elapsed = now - created
    if elapsed >= duration || deleteStarted != nil { return fails ? "0%" : "100%" }
    let percent = ((elapsed / max(duration, 0.001)) * 10_000).rounded(.down) / 100
    if percent <= 0 { return "0%" }
    if percent == percent.rounded() { return "\(Int(percent))%" }
    return "\(percent)%"
  }

  /// `updated_at`: null right after create, at 0% (fixtures/real/cinder-29/
  /// snapshot-show-creating.json); then every progress change is saved with the snapshot and
  /// bumps it (on Cinder 29 progress and updated_at change together: ROUND2.md), so while
  /// progress moves it is the moment asked about.
  func updatedAt(at now: Double) -> Double? {
    var latest: Double? = now - created >= duration ? created + duration : nil
    if latest == nil, deleteStarted == nil, progress(at: now) != "0%" { latest = now }
    for t in [changed, deleteStarted].compactMap({ $0 }) where t <= now {
      latest = max(latest ?? t, t)
    }
    return latest
  }
}
