/// A Trove database instance: the thing a backup is taken of.
struct InstanceRecord: Sendable {
  var id: String
  var name: String
  /// Status when no backup runs (ACTIVE, or e.g. SHUTDOWN to exercise the 422 path).
  var baseStatus: String
  var datastore: Int
  var flavorID: String
  var volumeSize: Int
  var volumeUsed: Double
  var created: Double
  /// A restored instance is BUILD until then (seeded instances: at creation).
  var readyAt: Double = 0
  /// A restore that ends in ERROR instead of ACTIVE (the failure rate).
  var buildFails: Bool = false
  /// When a delete was accepted: SHUTDOWN, then gone (trove-26/instance-show-after-delete-request.json).
  var deleteStarted: Double? = nil
  /// The backup a restored instance came from.
  var restoredFrom: String? = nil

  /// Simulated seconds an instance stays SHUTDOWN after a delete before it is gone
  /// (trove-26/error-404-instance-after-delete.json came ~3 s later).
  static let shutdownTime = 3.0

  /// Status of the instance itself, a running backup aside.
  func ownStatus(at now: Double) -> String {
    if deleteStarted != nil { return "SHUTDOWN" }
    if now < readyAt { return "BUILD" }
    return buildFails ? "ERROR" : baseStatus
  }
}
