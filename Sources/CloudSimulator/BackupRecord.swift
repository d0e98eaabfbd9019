/// One Trove backup as the simulator stores it: timing facts, from which the status, size and
/// `updated` a client sees are computed for any moment (so 100,000 rows need no timers).
struct BackupRecord: Sendable {
  /// Creation order; lists are served newest first.
  var seq: Int
  var id: String
  var name: String
  var description: String?
  var instanceID: String
  var parentID: String?
  var datastore: Int
  /// Simulated seconds since 1970 when the backup was requested.
  var created: Double
  /// Simulated seconds from NEW to the final state.
  var duration: Double
  /// Size in GB once COMPLETED.
  var finalSize: Double
  /// Ends FAILED instead of COMPLETED.
  var fails: Bool
  /// A delete of this backup failed (status DELETE_FAILED).
  var deleteFailed: Bool = false
  /// A delete is in progress; the row disappears (or turns DELETE_FAILED) at this time.
  var deleteDoneAt: Double? = nil
  /// The delete that is in progress will fail.
  var deleteWillFail: Bool = false
  /// For a copy made with `copy-backup` or `copy_to`: the backup it copies.
  var copiedFrom: String? = nil
  /// The schedule that took it, whose `full_backup_retention` prunes it.
  var scheduleID: String? = nil

  /// The NEW phase: Trove reports NEW until the guest agent picks the job up.
  var newPhase: Double { min(5, duration * 0.1) }

  func status(at now: Double) -> String {
    if deleteFailed { return "DELETE_FAILED" }
    let elapsed = now - created
    if elapsed < newPhase { return "NEW" }
    if elapsed < duration { return "BUILDING" }
    return fails ? "FAILED" : "COMPLETED"
  }

  func isRunning(at now: Double) -> Bool { !deleteFailed && now - created < duration }

  func isCompleted(at now: Double) -> Bool { status(at: now) == "COMPLETED" }

  /// Grows while BUILDING; null while NEW and after a failure (as trove leaves it).
  func size(at now: Double) -> Double? {
    let elapsed = now - created
    if elapsed < newPhase { return nil }
    if elapsed < duration {
      let grown = finalSize * (elapsed - newPhase) / max(duration - newPhase, 0.001)
      return max(0.01, (grown * 100).rounded(.down) / 100)
    }
    return fails ? nil : finalSize
  }

  func updated(at now: Double) -> Double {
    let elapsed = now - created
    if elapsed < newPhase { return created }
    if elapsed < duration { return now }
    return created + duration
  }
}
