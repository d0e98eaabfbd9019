/// Percent-encoding and decoding for query strings and path segments.
enum QueryEncoding {
  private static let unreserved: Set<UInt8> = Set(
    Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

  static func escape(_ text: String) -> String {
    var out = [UInt8]()
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in text.utf8 {
      if unreserved.contains(byte) {
        out.append(byte)
      } else {
        out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func unescape<S: StringProtocol>(_ text: S, plusIsSpace: Bool) -> String {
    var out = [UInt8]()
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.popFirst() {
      if byte == UInt8(ascii: "%"), bytes.count >= 2,
        let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16)
      {
        out.append(value)
        bytes = bytes.dropFirst(2)
      } else if plusIsSpace, byte == UInt8(ascii: "+") {
        out.append(UInt8(ascii: " "))
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `a=1&b=2` as ordered pairs.
  static func parse(_ query: String?) -> [(String, String)] {
    guard let query, !query.isEmpty else { return [] }
    return query.split(separator: "&").map { item in
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = unescape(pair[0], plusIsSpace: true)
      let value = pair.count > 1 ? unescape(pair[1], plusIsSpace: true) : ""
      return (name, value)
    }
  }
}
