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
}
