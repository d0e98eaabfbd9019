import BrowserModel
import Foundation

/// One row of scriptable output: ordered fields with typed values.
///
/// The field names here ARE the documented JSON schema (README, "Scriptable output"):
/// change them only with a note in the README.
struct Record: Sendable {
  enum Value: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case strings([String])
    case object([(String, String)])
    case null

    static func == (lhs: Value, rhs: Value) -> Bool {
      switch (lhs, rhs) {
      case (.string(let a), .string(let b)): a == b
      case (.number(let a), .number(let b)): a == b
      case (.integer(let a), .integer(let b)): a == b
      case (.bool(let a), .bool(let b)): a == b
      case (.strings(let a), .strings(let b)): a == b
      case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
      case (.null, .null): true
      default: false
      }
    }
  }

  var fields: [(name: String, value: Value)]

  subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }

  /// Text for a table or CSV cell.
  static func text(_ value: Value) -> String {
    switch value {
    case .string(let s): s
    case .number(let d):
      d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(format: "%.2f", d)
    case .integer(let i): String(i)
    case .bool(let b): b ? "true" : "false"
    case .strings(let list): list.joined(separator: ",")
    case .object(let pairs): pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    case .null: ""
    }
  }
}

extension Record.Value {
  init(_ string: String?) { self = string.map { .string($0) } ?? .null }
  init(_ number: Double?) { self = number.map { .number($0) } ?? .null }
  init(_ int: Int?) { self = int.map { .integer($0) } ?? .null }
  init(date: Date?) { self = date.map { .string(Timestamp.iso8601($0)) } ?? .null }
}

/// Dates in scriptable output: ISO 8601 in UTC, seconds precision, with `Z` (the one UTC
/// formatter, `Formatting`).
enum Timestamp {
  static func iso8601(_ date: Date) -> String { Formatting.iso8601(date) }
}
