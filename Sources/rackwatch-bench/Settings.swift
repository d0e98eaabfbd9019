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

  /// The groups to run: all unless `--only model` or `--only network` narrows it.
  var groups: Set<Group> = Set(Group.allCases)

  /// Groups of figures that can be run alone while working on one layer.
  enum Group: String, CaseIterable {
    /// Memory, view-model and render figures (no HTTP).
    case model
    /// Simulator, decode and listing figures (over loopback).
    case network
    /// The Protection view's recompute at 2,000 instances and 200,000 backups.
    case protection
  }

  func runs(_ group: Group) -> Bool { groups.contains(group) }

  /// Reads `--smoke` and `--only GROUP` from the command line.
  static func fromArguments(_ arguments: [String]) -> Settings {
    var settings =
      arguments.contains("--smoke")
      ? Settings(smoke: true, rows: 1000, listed: 1000, pageItems: 100, iterations: 3)
      : Settings(smoke: false, rows: 100_000, listed: 100_000, pageItems: 1000, iterations: 200)
    if let flag = arguments.firstIndex(of: "--only"), flag + 1 < arguments.count {
      guard let group = Group(rawValue: arguments[flag + 1]) else {
        FileHandle.standardError.write(
          Data("rackwatch-bench: --only model|network|protection\n".utf8))
        exit(2)
      }
      settings.groups = [group]
    }
    return settings
  }
}
