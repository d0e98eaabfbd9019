import CloudClient

/// Equality and a hash of everything a row shows, for refresh merges and the runner's
/// differences. Statuses are normalised when decoded, so the resources' own `==` and hash
/// compare every field without allocating; there is no hand-kept list of fields to drift.
enum ResourceComparison {
  static func same(_ a: Resource, _ b: Resource) -> Bool { a == b }

  /// A hash of the fields `same` compares.
  static func fingerprint(_ resource: Resource) -> Int {
    var h = Hasher()
    h.combine(resource)
    return h.finalize()
  }
}
