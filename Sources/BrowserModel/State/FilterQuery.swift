/// A parsed filter: words that must all appear (case-insensitive substrings of name, ID,
/// status, instance/volume) and `status:`, `datastore:`, `region:`, `instance:`, `volume:`
/// qualifiers.
struct FilterQuery: Sendable, Hashable {
  var words: [[UInt8]] = []
  var status: [String] = []
  var datastore: [String] = []
  var region: [String] = []
  /// `instance:NAME` / `volume:NAME` terms: the backups of an instance, the snapshots of a
  /// volume, by the other pane's name (or an ID).
  var related: [String] = []
  /// The IDs each related term stands for (lower-cased), resolved by the reducer from the
  /// other pane's names; a row matches a term by one of them or by the term itself.
  var relatedIDs: [[[UInt8]]] = []

  /// The qualifiers that name an item of another pane.
  static let relatedPrefixes = ["instance:", "volume:"]

  init(text: String) {
    for token in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      let word = String(token)
      if let value = Self.value(of: "status:", in: word) {
        status.append(value)
      } else if let value = Self.value(of: "datastore:", in: word) {
        datastore.append(value)
      } else if let value = Self.value(of: "region:", in: word) {
        region.append(value)
      } else if let value = Self.relatedPrefixes.lazy.compactMap({ Self.value(of: $0, in: word) })
        .first
      {
        related.append(value)
      } else {
        words.append(Array(word.utf8))
      }
    }
  }

  private static func value(of prefix: String, in word: String) -> String? {
    guard word.hasPrefix(prefix), word.count > prefix.count else { return nil }
    return String(word.dropFirst(prefix.count))
  }

  /// True when every row this query matches is also matched by `older` (each old term is a
  /// prefix of the new term at the same place; extra terms only narrow).
  func narrows(_ older: FilterQuery) -> Bool {
    func covers<T: Collection>(_ new: [T], _ old: [T]) -> Bool where T.Element: Equatable {
      guard new.count >= old.count else { return false }
      return zip(new, old).allSatisfy { $0.starts(with: $1) }
    }
    // Related terms resolve to other panes' IDs, which a longer term may not narrow.
    return !older.isEmpty && related.isEmpty && older.related.isEmpty
      && covers(words, older.words) && covers(status, older.status)
      && covers(datastore, older.datastore) && covers(region, older.region)
  }

  var isEmpty: Bool {
    words.isEmpty && status.isEmpty && datastore.isEmpty && region.isEmpty && related.isEmpty
  }

  /// Reads only the key fields of `rows[index]` (copying a whole row costs more than the
  /// byte scan itself).
  func matches(in rows: UnsafeBufferPointer<Row>, at index: Int) -> Bool {
    if !status.isEmpty {
      for value in status where !rows[index].statusKey.contains(value) { return false }
    }
    if !datastore.isEmpty {
      for value in datastore where !rows[index].datastoreKey.contains(value) { return false }
    }
    if !region.isEmpty {
      for value in region where !rows[index].id.region.lowercased().contains(value) {
        return false
      }
    }
    for (term, value) in related.enumerated() {
      let ids = term < relatedIDs.count ? relatedIDs[term] : []
      guard
        ids.contains(where: { Self.searchKeys(of: rows, index, contain: $0) })
          || Self.searchKeys(of: rows, index, contain: Array(value.utf8))
      else { return false }
    }
    for word in words
    where !Self.searchKeys(of: rows, index, contain: word)
      && !rows[index].id.key.contains(lowered: word)
    {
      return false
    }
    return true
  }

  /// Whether the row's lower-cased name, status or search words contain `needle`.
  private static func searchKeys(
    of rows: UnsafeBufferPointer<Row>, _ index: Int, contain needle: [UInt8]
  ) -> Bool {
    text(rows[index].nameKey, contains: needle) || text(rows[index].statusKey, contains: needle)
      || text(rows[index].wordsKey, contains: needle)
  }

  /// Byte substring search in a (lower-cased) string's UTF-8, in place.
  static func text(_ haystack: String, contains needle: [UInt8]) -> Bool {
    if let found = haystack.utf8.withContiguousStorageIfAvailable({ bytes($0, contain: needle) }) {
      return found
    }
    return bytes(Array(haystack.utf8), contain: needle)
  }

  /// Whether `string`, ASCII-lower-cased, contains `needle` (already lower-cased): IDs are
  /// matched where the row keeps them, not copied into the search key.
  static func lowered(_ string: String, contains needle: [UInt8]) -> Bool {
    var string = string
    return string.withUTF8 { lowered($0, contains: needle) }
  }

  /// The same over bytes in place.
  static func lowered(_ hay: UnsafeBufferPointer<UInt8>, contains needle: [UInt8]) -> Bool {
    let n = needle.count
    if n == 0 { return true }
    if n > hay.count { return false }
    return needle.withUnsafeBufferPointer { ndl in
      @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
      }
      var i = 0
      while i <= hay.count - n {
        if lower(hay[i]) == ndl[0] {
          var j = 1
          while j < n, lower(hay[i + j]) == ndl[j] { j += 1 }
          if j == n { return true }
        }
        i += 1
      }
      return false
    }
  }

  /// Plain byte substring search: the keys are lower-cased UTF-8 once, so a keystroke over
  /// 100,000 rows does no String work.
  static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { bytes($0, contain: needle) }
  }

  /// The same over bytes in place.
  static func bytes(_ hay: UnsafeBufferPointer<UInt8>, contain needle: [UInt8]) -> Bool {
    let n = needle.count
    let h = hay.count
    if n == 0 { return true }
    if n > h { return false }
    return needle.withUnsafeBufferPointer { ndl in
      let first = ndl[0]
      var i = 0
      while i <= h - n {
        if hay[i] == first {
          var j = 1
          while j < n, hay[i + j] == ndl[j] { j += 1 }
          if j == n { return true }
        }
        i += 1
      }
      return false
    }
  }
}
