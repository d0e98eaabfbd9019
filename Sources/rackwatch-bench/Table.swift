import Foundation

/// Prints the figures as one aligned, pipe-separated table (Markdown-friendly).
enum Table {
  /// Renders `figures` under a header line naming the machine.
  static func print(_ figures: [Figure], header: String) {
    let titles = ["figure", "median / value", "p99", "target", "result"]
    let rows = figures.map { [$0.name, $0.median, $0.p99, $0.target, $0.verdict] }
    var widths = titles.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      "| "
        + cells.enumerated().map { i, cell in
          cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
        }.joined(separator: " | ") + " |"
    }
    Swift.print(header)
    Swift.print("")
    Swift.print(line(titles))
    Swift.print(
      "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    for row in rows { Swift.print(line(row)) }
  }
}
