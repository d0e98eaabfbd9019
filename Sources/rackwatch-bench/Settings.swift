import Foundation

/// Sizes and repetitions for one run: the full benchmark or the `--smoke` run that CI uses
/// to prove every measurement still works (tiny sizes, figures meaningless).
struct Settings {
  /// True with `--smoke`.
  var smoke: Bool
  /// Rows per pane for the view-model, render and memory figures (100,000).
  var rows: Int
  /// Snapshots and backups seeded in the simulator and listed (100,000 each).
  var listed: Int
  /// Items per page for the decode and page-serving figures (1,000).
  var pageItems: Int
  /// Repetitions of each timed operation.
  var iterations: Int

  /// Reads `--smoke` from the command line.
  static func fromArguments(_ arguments: [String]) -> Settings {
    if arguments.contains("--smoke") {
      return Settings(smoke: true, rows: 1000, listed: 1000, pageItems: 100, iterations: 3)
    }
    return Settings(smoke: false, rows: 100_000, listed: 100_000, pageItems: 1000, iterations: 200)
  }
}
