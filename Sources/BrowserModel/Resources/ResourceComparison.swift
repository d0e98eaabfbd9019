import CloudClient

/// A hash of everything a row shows, for the runner's differences. Statuses are normalised
/// when decoded, so the resources' own hash covers every field without allocating; there is
/// no hand-kept list of fields to drift. (Merges compare the rows' stored values, which
/// compare as the resources do: `CompactRowTests`.)
enum ResourceComparison {
  /// A hash of every field of the resource.
  static func fingerprint(_ resource: Resource) -> Int {
    var h = Hasher()
    h.combine(resource)
    return h.finalize()
  }
}
