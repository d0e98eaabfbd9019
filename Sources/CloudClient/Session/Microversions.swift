import Foundation

/// The Cinder v3 microversion to send per endpoint, negotiated once from the version
/// document: the server's maximum or rackwatch's, whichever is lower. An unreadable
/// document means 3.0 (what the server assumes with no header, per
/// cinder-29/snapshots-detail-noversion.json).
actor Microversions {
  private var chosen: [String: String] = [:]

  func header(for endpoint: ServiceEndpoint, wanted: String, fetch: (String) async -> Data?)
    async -> String?
  {
    guard endpoint.apiVersion >= 3 else { return nil }
    if let known = chosen[endpoint.url] { return known }
    var version = "3.0"
    if let root = endpoint.versionRootURL, let data = await fetch(root),
      let serverMax = Self.maximum(in: data)
    {
      version = Self.compare(serverMax, wanted) < 0 ? serverMax : wanted
    }
    chosen[endpoint.url] = version
    return version
  }

  /// The `version` of the v3 entry of `{"versions":[...]}` or `{"version":{...}}`
  /// (cinder-29/versions.json, v3-root.json).
  static func maximum(in data: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      return nil
    }
    var entries: [[String: Any]] = []
    if let list = object["versions"] as? [[String: Any]] { entries = list }
    if let single = object["version"] as? [String: Any] { entries.append(single) }
    let versions = entries.filter { ($0["id"] as? String)?.lowercased().hasPrefix("v3") ?? false }
      .compactMap { $0["version"] as? String }
      .filter { !$0.isEmpty }
    return versions.max { compare($0, $1) < 0 }
  }

  /// Compares "3.71" with "3.9" numerically per component.
  static func compare(_ lhs: String, _ rhs: String) -> Int {
    let l = lhs.split(separator: ".").map { Int($0) ?? 0 }
    let r = rhs.split(separator: ".").map { Int($0) ?? 0 }
    for i in 0..<max(l.count, r.count) {
      let a = i < l.count ? l[i] : 0
      let b = i < r.count ? r[i] : 0
      if a != b { return a < b ? -1 : 1 }
    }
    return 0
  }
}
