import BrowserModel
import TerminalUI

/// Rendering a 200x60 frame of an N-row pane with the default theme, the selection moving a
/// row between frames. Target: p99 < 2 ms.
enum RenderBench {
  /// Times `render(state, size: (200, 60), theme:)` on the snapshots pane, then on the
  /// backups pane, whose detail (beside the list at this width) reads the selected backup's
  /// chain from every backup.
  static func run(_ settings: Settings, state: inout BrowserState) -> [Figure] {
    [time(.snapshots, settings, &state), time(.backups, settings, &state)]
  }

  static func time(_ kind: PaneKind, _ settings: Settings, _ state: inout BrowserState) -> Figure {
    let theme = ThemeCatalog().defaultTheme
    _ = reduce(&state, .focusPane(kind))
    _ = reduce(&state, .setViewport(rows: 50))
    _ = reduce(&state, .moveSelection(by: settings.rows / 2))
    var samples: [Double] = []
    var cells = 0
    for _ in 0..<max(settings.iterations * 5, 3) {
      _ = reduce(&state, .moveSelection(by: 1))
      samples.append(
        Stopwatch.milliseconds {
          let frame = render(state, size: (cols: 200, rows: 60), theme: theme)
          cells &+= frame.width
        })
    }
    precondition(cells > 0)
    let stats = Samples(samples)
    let what = kind == .backups ? "backups pane with its detail and chain" : "pane"
    return Figure(
      name: "render: 200x60 frame, \(Format.count(Double(settings.rows)))-row \(what)",
      median: Format.ms(stats.median), p99: Format.ms(stats.p99), target: "p99 < 2 ms",
      verdict: Format.verdict(stats.p99 < 2))
  }
}
