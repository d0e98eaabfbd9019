import CloudClient
import Foundation

/// One item as a JSON object with the keys of `rackwatch show --format json`, in the
/// descriptor's order, one key per line: what `Y` copies.
public enum RecordJSON {
  public static func object(_ resource: Resource, region: String) -> String {
    let fields = resource.descriptor.record
    var out = "{\n"
    for (index, field) in fields.enumerated() {
      out += "  "
      appendString(field.key, to: &out)
      out += ": "
      appendValue(field.value(resource, region), to: &out)
      out += index == fields.count - 1 ? "\n" : ",\n"
    }
    return out + "}\n"
  }

  static func appendValue(_ value: RecordValue, to out: inout String) {
    switch value {
    case .string(let text): text.map { appendString($0, to: &out) } ?? (out += "null")
    case .number(let number):
      out += number.map { $0.isFinite ? String($0) : "null" } ?? "null"
    case .integer(let integer): out += integer.map(String.init) ?? "null"
    case .bool(let bool): out += bool.map { $0 ? "true" : "false" } ?? "null"
    case .date(let date):
      date.map { appendString(Formatting.iso8601($0), to: &out) } ?? (out += "null")
    case .strings(let list):
      out += "["
      for (index, text) in list.enumerated() {
        if index > 0 { out += ", " }
        appendString(text, to: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (index, pair) in pairs.enumerated() {
        if index > 0 { out += ", " }
        appendString(pair.0, to: &out)
        out += ": "
        appendString(pair.1, to: &out)
      }
      out += "}"
    }
  }

  /// A JSON string; control and terminal-unsafe characters escaped as `\uXXXX`, so the text
  /// is inert wherever it is pasted.
  static func appendString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where TerminalSafe.isUnsafe(scalar): out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
