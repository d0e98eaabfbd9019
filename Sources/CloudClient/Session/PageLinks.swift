import Foundation

/// Finds and follows a list page's `next` link.
enum PageLinks {
  /// Only the link arrays of a page, so the next request can start before the items are
  /// decoded.
  private struct LinksOnly: Decodable {
    var next: String?

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      next = LinkList.all.lazy.compactMap { c.nextHref($0) }.first
    }
  }

  /// The next href in a page body, from `links`, `snapshots_links` or `volumes_links`.
  static func next(in body: Data) -> String? {
    (try? JSONDecoder().decode(LinksOnly.self, from: body))?.next
  }

  /// The next href read from the end of a page alone, before the page is decoded, so the
  /// next request can travel meanwhile (issue 17): Cinder and Trove write the link list
  /// after the items. The last `"<name>_links"` or `"links"` key in the last 4 kB, with the
  /// rest of the body after it, must read as one JSON object (a key-like text inside a
  /// string cannot: its quotes are escaped). Only a guess: the caller checks it against the
  /// decoded page.
  static func guessNext(in body: Data) -> String? {
    let tail = body[max(body.startIndex, body.endIndex - 4096)...]
    for name in ["\"snapshots_links\"", "\"volumes_links\"", "\"links\""] {
      guard let key = tail.lastRange(of: Data(name.utf8)) else { continue }
      var object = Data("{".utf8)
      object.append(body[key.lowerBound...])
      if let next = next(in: object) { return next }
    }
    return nil
  }

  /// The URL to request for `href`: the current request's scheme, host and path with the
  /// href's query merged over the current one. Trove writes `https://` links although it is
  /// served over plain HTTP and its marker is an offset (trove-26/backups-page1.json), so
  /// only the query of the link is trusted.
  static func follow(_ href: String, from current: String) -> String {
    guard let base = URLParts(current) else { return href }
    let linkQuery: String?
    if let parts = URLParts(href) {
      linkQuery = parts.query
    } else if let q = href.firstIndex(of: "?") {
      linkQuery = String(href[href.index(after: q)...])
    } else {
      linkQuery = nil
    }
    var merged: [(String, String)] = []
    for (name, value) in pairs(base.query) + pairs(linkQuery) {
      if let index = merged.firstIndex(where: { $0.0 == name }) {
        merged[index].1 = value
      } else {
        merged.append((name, value))
      }
    }
    let query = merged.map { $0.1.isEmpty ? $0.0 : "\($0.0)=\($0.1)" }.joined(separator: "&")
    return base.origin + base.path + (query.isEmpty ? "" : "?" + query)
  }

  private static func pairs(_ query: String?) -> [(String, String)] {
    guard let query, !query.isEmpty else { return [] }
    return query.split(separator: "&").map { item in
      let parts = item.split(separator: "=", maxSplits: 1)
      return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }
  }

  /// `name=value&...` with values percent-encoded for a query.
  static func query(_ items: [(String, String?)]) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    return items.compactMap { name, value in
      guard let value else { return nil }
      let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
      return "\(name)=\(encoded)"
    }.joined(separator: "&")
  }
}
