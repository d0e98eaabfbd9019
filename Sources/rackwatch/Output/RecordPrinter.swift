import CloudClient
import Foundation

/// Prints one record: `name  value` lines for a person, or JSON / CSV for a script; every
/// value made inert for a terminal.
enum RecordPrinter {
  static func text(_ record: Record, format: OutputFormat) -> String {
    guard format == .table else {
      return RecordWriter(format: format, sanitize: { TerminalSafe.sanitize($0) }).render([record])
    }
    let width = record.fields.map(\.name.count).max() ?? 0
    return record.fields.map { field in
      field.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
        + TerminalSafe.sanitize(Record.text(field.value))
    }.joined(separator: "\n") + "\n"
  }

  static func print(_ record: Record, format: OutputFormat) {
    FileHandle.standardOutput.write(Data(text(record, format: format).utf8))
  }
}
