import CloudClient
import Foundation

/// Writes records as an aligned table, JSON (an array of objects, keys in schema order) or
/// CSV (RFC 4180 quoting). Every format is inert on a terminal (`TerminalSafe`): table and
/// CSV cells show control characters as visible placeholders (CSV keeps line breaks and
/// tabs, inside quotes), and JSON escapes the same characters as `\uXXXX`, so the data
/// stays exact for a parser.
struct RecordWriter {
  var format: OutputFormat
  var header: Bool = true
  /// Columns shown by `table` (JSON and CSV always carry every field).
  var tableColumns: [String]?
  /// Makes a network string safe to print to a terminal.
  var sanitize: @Sendable (String) -> String

  func render(_ records: [Record]) -> String {
    switch format {
    case .json: json(records)
    case .csv: csv(records)
    case .table: table(records)
    }
  }

  private func json(_ records: [Record]) -> String {
    var out = "["
    out.reserveCapacity(records.count * 300)
    for (index, record) in records.enumerated() {
      out += index == 0 ? "\n  {" : ",\n  {"
      for (fieldIndex, field) in record.fields.enumerated() {
        if fieldIndex > 0 { out += ", " }
        JSONText.appendString(field.name, to: &out)
        out += ": "
        JSONText.appendValue(field.value, to: &out)
      }
      out += "}"
    }
    out += records.isEmpty ? "]\n" : "\n]\n"
    return out
  }

  private func csv(_ records: [Record]) -> String {
    guard let first = records.first else { return "" }
    var lines: [String] = []
    if header { lines.append(first.fields.map { Self.csvField($0.name) }.joined(separator: ",")) }
    for record in records {
      lines.append(
        record.fields.map {
          Self.csvField(TerminalSafe.sanitize(Record.text($0.value), keepingLineBreaks: true))
        }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func table(_ records: [Record]) -> String {
    guard let first = records.first else { return header ? "(none)\n" : "" }
    let names = tableColumns ?? first.fields.map(\.name)
    let rows = records.map { record in
      names.map { name in sanitize(record[name].map(Record.text) ?? "") }
    }
    var widths = names.map { header ? $0.count : 0 }
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = min(max(widths[i], cell.count), 60) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, cell in
        let clipped = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
        return i == cells.count - 1
          ? clipped : clipped.padding(toLength: widths[i], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    var out: [String] = []
    if header { out.append(line(names.map { $0.uppercased() })) }
    out += rows.map(line)
    return out.joined(separator: "\n") + "\n"
  }
}

/// Minimal JSON text writer (faster than JSONSerialization for large lists, and keeps the
/// schema's key order).
enum JSONText {
  static func appendValue(_ value: Record.Value, to out: inout String) {
    switch value {
    case .string(let s): appendString(s, to: &out)
    case .number(let d): out += d.isFinite ? String(d) : "null"
    case .integer(let i): out += String(i)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .strings(let list):
      out += "["
      for (i, s) in list.enumerated() {
        if i > 0 { out += ", " }
        appendString(s, to: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (i, pair) in pairs.enumerated() {
        if i > 0 { out += ", " }
        appendString(pair.0, to: &out)
        out += ": "
        appendString(pair.1, to: &out)
      }
      out += "}"
    }
  }

  static func appendString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where TerminalSafe.isUnsafe(scalar):
        out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
