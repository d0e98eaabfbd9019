/// A Cinder v3 microversion (`OpenStack-API-Version: volume 3.71`), and its negotiation.
struct CinderMicroversion: Sendable, Comparable {
  let major: Int
  let minor: Int

  static let minimum = CinderMicroversion(major: 3, minor: 0)
  static let maximum = CinderMicroversion(major: 3, minor: 71)

  static func < (a: CinderMicroversion, b: CinderMicroversion) -> Bool {
    (a.major, a.minor) < (b.major, b.minor)
  }

  var text: String { "\(major).\(minor)" }

  /// At least `3.minor`.
  func atLeast(_ minor: Int) -> Bool { self >= CinderMicroversion(major: 3, minor: minor) }

  /// What the request asks for: no header means 3.0 (fixtures/real/cinder-29/
  /// snapshots-detail-noversion.json), `latest` the maximum; an unparsable version is 400
  /// (error-400-bad-microversion.json), one out of range 406 with a `computeFault` body
  /// (error-406.json).
  static func negotiate(_ header: String?) -> Result<CinderMicroversion, Failure> {
    guard let header else { return .success(.minimum) }
    // The header may name several services: "compute 2.1, volume 3.60".
    var requested: String? = nil
    for item in header.split(separator: ",") {
      let words = item.split(separator: " ", omittingEmptySubsequences: true)
      if words.count == 2, words[0].lowercased() == "volume" { requested = String(words[1]) }
    }
    guard let requested else { return .success(.minimum) }
    if requested.lowercased() == "latest" { return .success(.maximum) }
    let numbers = requested.split(separator: ".", omittingEmptySubsequences: false)
    guard numbers.count == 2, let major = Int(numbers[0]), let minor = Int(numbers[1]),
      numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
    else {
      return .failure(
        Failure(
          response: .badRequest(
            "API Version String \(requested) is of invalid format. "
              + "Must be of format MajorNum.MinorNum."), echo: nil))
    }
    let version = CinderMicroversion(major: major, minor: minor)
    guard version >= minimum, version <= maximum else {
      return .failure(
        Failure(
          response: .fault(
            406, "computeFault",
            "Version \(version.text) is not supported by the API. Minimum is \(minimum.text) "
              + "and maximum is \(maximum.text)."), echo: version.text))
    }
    return .success(version)
  }

  /// A refused negotiation: the answer, and the version the real server echoes in its header
  /// (it echoes 3.99 on the 406; nothing on the 400).
  struct Failure: Error {
    let response: SimResponse
    let echo: String?
  }
}
