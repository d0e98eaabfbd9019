import Foundation

/// Parses a request body the way the services do: one JSON object, or nil if it is not one.
enum RequestJSON {
  static func object(_ body: [UInt8]) -> [String: Any]? {
    guard !body.isEmpty,
      let value = try? JSONSerialization.jsonObject(with: Data(body), options: [])
    else { return nil }
    return value as? [String: Any]
  }

  /// Python-ish rendering of a value for validation messages (`{}` for an empty object).
  static func describe(_ value: Any) -> String {
    if let dict = value as? [String: Any] {
      let items = dict.keys.sorted().map { "'\($0)': \(describe(dict[$0] as Any))" }
      return "{" + items.joined(separator: ", ") + "}"
    }
    if let string = value as? String { return "'\(string)'" }
    return "\(value)"
  }
}

extension RequestJSON {
  /// A value as plain text (strings without quotes).
  static func plain(_ value: Any) -> String { (value as? String) ?? describe(value) }
}
