/// The endpoints a token may use, normalised from identity v2.0 and v3 catalogs.
struct ServiceCatalog: Sendable {
  struct Entry: Sendable, Hashable {
    var type: String
    var name: String
    /// Nil for global services.
    var region: String?
    var interface: EndpointInterface
    var url: String
  }

  var entries: [Entry]

  /// The best endpoint for a service in a region: right type or name, right interface,
  /// highest API version (Cinder v3 over v2 over v1), then the preferred type. A type the
  /// profile prefers (clouds.yaml `database_service_type`) wins whenever the catalog has it.
  func endpoint(
    for kind: ServiceKind, region: String, interface: EndpointInterface,
    preferredType: String? = nil
  ) -> ServiceEndpoint? {
    let inRegion = entries.filter { entry in
      entry.interface == interface
        && (entry.region == nil || entry.region?.caseInsensitiveCompare(region) == .orderedSame)
    }
    if let preferred = preferredType?.lowercased(),
      let chosen = inRegion.first(where: { $0.type.lowercased() == preferred })
    {
      return ServiceEndpoint(url: chosen.url)
    }
    let candidates = inRegion.filter { matches($0, kind) }
    return
      candidates
      .map { (entry: $0, endpoint: ServiceEndpoint(url: $0.url)) }
      .max { lhs, rhs in
        if lhs.endpoint.apiVersion != rhs.endpoint.apiVersion {
          return lhs.endpoint.apiVersion < rhs.endpoint.apiVersion
        }
        return typeRank(lhs.entry, kind) > typeRank(rhs.entry, kind)
      }?.endpoint
  }

  /// Regions offering any of the services, sorted.
  func regions(for kinds: [ServiceKind]) -> [String] {
    let found = entries.filter { entry in kinds.contains { matches(entry, $0) } }
      .compactMap(\.region)
    return Array(Set(found)).sorted()
  }

  private func matches(_ entry: Entry, _ kind: ServiceKind) -> Bool {
    kind.catalogTypes.contains(entry.type.lowercased())
      || kind.catalogNames.contains(entry.name.lowercased())
  }

  private func typeRank(_ entry: Entry, _ kind: ServiceKind) -> Int {
    kind.catalogTypes.firstIndex(of: entry.type.lowercased()) ?? kind.catalogTypes.count
  }
}

/// A service base URL, e.g. `http://127.0.0.1:8776/v3/PROJECT`, and its API major version.
struct ServiceEndpoint: Sendable, Hashable {
  /// Without a trailing slash.
  var url: String
  /// 1, 2 or 3 from a `/vN` or `/vN.M` path segment; 3 when the URL names none.
  var apiVersion: Int

  init(url: String) {
    var trimmed = url
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.url = trimmed
    apiVersion = Self.version(in: trimmed) ?? 3
  }

  static func version(in url: String) -> Int? {
    let path = URLParts(url)?.path ?? url
    for segment in path.split(separator: "/").reversed() {
      guard segment.first == "v", segment.count >= 2 else { continue }
      let number = segment.dropFirst().split(separator: ".").first ?? ""
      if let major = Int(number) { return major }
    }
    return nil
  }

  /// The version document URL: the endpoint up to and including its `/vN` segment, with a
  /// trailing slash (cinder-29/v3-root.json was fetched from `/v3/`).
  var versionRootURL: String? {
    guard let parts = URLParts(url) else { return nil }
    var kept: [Substring] = []
    for segment in parts.path.split(separator: "/") {
      kept.append(segment)
      if segment.first == "v", Int(segment.dropFirst().split(separator: ".").first ?? "") != nil {
        return parts.origin + "/" + kept.joined(separator: "/") + "/"
      }
    }
    return nil
  }
}

/// `scheme://host:port` and the rest of a URL, split by hand (no Foundation `URL` quirks
/// with `{` or `:` in paths).
struct URLParts: Sendable, Hashable {
  var origin: String
  /// Path with leading slash, without the query.
  var path: String
  /// Without the `?`; nil when absent.
  var query: String?

  init?(_ url: String) {
    guard let schemeEnd = url.range(of: "://") else { return nil }
    let afterScheme = url[schemeEnd.upperBound...]
    let hostEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
    origin = String(url[..<hostEnd])
    let rest = url[hostEnd...]
    if let q = rest.firstIndex(of: "?") {
      path = String(rest[..<q])
      query = String(rest[rest.index(after: q)...])
    } else {
      path = String(rest)
      query = nil
    }
    if path.isEmpty { path = "/" }
  }
}
