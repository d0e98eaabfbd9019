import BrowserModel
import CloudClient
import Foundation

/// The view-model at N rows per pane: a filter keystroke, a sort change and a refresh merge,
/// each a single `reduce` call, timed one by one. Target: p99 < 16 ms.
enum ViewModelBench {
  /// Times the three operations on the backups pane of `state`.
  static func run(_ settings: Settings, state: inout BrowserState) -> [Figure] {
    _ = reduce(&state, .focusPane(.backups))
    _ = reduce(&state, .setViewport(rows: 50))
    let rows = Format.count(Double(settings.rows))
    return [
      figure("filter keystroke (\(rows) rows)", filter(settings, &state)),
      figure("sort change (\(rows) rows)", sort(settings, &state)),
    ]
      + {
        let merged = merge(settings, &state)
        return [
          figure("refresh merge, nothing changed (\(rows) rows)", merged.unchanged),
          figure(
            "refresh merge, 10% changed: each step (\(rows) rows)", merged.changedSteps),
          Figure(
            name: "view-model: refresh merge, 10% changed: all \(merged.stepsPerMerge) steps",
            median: Format.ms(merged.changed.median), p99: Format.ms(merged.changed.p99),
            target: "-", verdict: "-"),
          Figure(
            name: "runner: diff of a \(rows)-row list result (off the UI)",
            median: Format.ms(merged.diff.median), p99: Format.ms(merged.diff.p99), target: "-",
            verdict: "-"),
          Figure(
            name: "view-model: whole-list merge, \(rows) rows (pane reset)",
            median: Format.ms(merged.whole), p99: "-", target: "-", verdict: "-"),
        ]
      }()
  }

  private static func figure(_ name: String, _ samples: Samples) -> Figure {
    Figure(
      name: "view-model: " + name, median: Format.ms(samples.median), p99: Format.ms(samples.p99),
      target: "p99 < 16 ms", verdict: Format.verdict(samples.p99 < 16))
  }

  /// Types "nightly" and erases it again, one keystroke per sample.
  private static func filter(_ settings: Settings, _ state: inout BrowserState) -> Samples {
    let word = Array("nightly").map { String($0) }
    var samples: [Double] = []
    _ = reduce(&state, .beginFilter)
    while samples.count < settings.iterations {
      for letter in word {
        samples.append(Stopwatch.milliseconds { _ = reduce(&state, .editFilter(.insert(letter))) })
      }
      for _ in word {
        samples.append(Stopwatch.milliseconds { _ = reduce(&state, .editFilter(.backspace)) })
      }
    }
    _ = reduce(&state, .cancelFilter)
    return Samples(samples)
  }

  /// `s` (next sort column) and `S` (reverse), alternately.
  private static func sort(_ settings: Settings, _ state: inout BrowserState) -> Samples {
    var samples: [Double] = []
    for i in 0..<settings.iterations {
      let action: Action = i % 3 == 2 ? .reverseSort : .sortNextColumn
      samples.append(Stopwatch.milliseconds { _ = reduce(&state, action) })
    }
    return Samples(samples)
  }

  /// A list result for the whole pane arrives the way the app gets it: the effect runner's
  /// `ListDiffer` turns it into the difference from the previous result (timed on its own:
  /// it runs in the runner's task, off the UI), then the reducer merges that difference
  /// (the figure held against the target: it is what a keystroke can wait behind). First
  /// unchanged (the common, settled case), then alternately with the 10,000 rows in motion
  /// finished and back again (every tenth row changes status and size, so the merge marks,
  /// announces and moves them).
  private static func merge(_ settings: Settings, _ state: inout BrowserState) -> MergeSamples {
    let region = state.availableRegions.first ?? "ORD"
    let moving = SampleData.backups(count: settings.rows).map(Resource.backup)
    let settled = SampleData.backups(count: settings.rows).map { backup -> Resource in
      var done = backup
      if done.status == .building {
        done.status = .completed
        done.size = 1.5
      }
      return .backup(done)
    }
    let differ = ListDiffer()
    let rounds = max(3, settings.iterations / 10)
    var step = 0
    var diffing: [Double] = []
    var steps: [Double] = []
    func load(_ result: [Resource]) -> Double {
      step += 1
      let now = state.now.addingTimeInterval(Double(step))
      let since = state.pane(.backups).lists[region]?.version
      var update: ListUpdate?
      diffing.append(
        Stopwatch.milliseconds {
          update = differ.update(.backups, region: region, result, since: since)
        })
      // Each reducer step is timed (what a keystroke can wait behind); a large difference
      // takes several (`RefreshPolicy.mergeStep`), sent by the store one after another.
      var total = 0.0
      var next: Action? = .listUpdated(.backups, region: region, update!, now: now)
      while let action = next {
        var effects: [Effect] = []
        let ms = Stopwatch.milliseconds { effects = reduce(&state, action) }
        steps.append(ms)
        total += ms
        next =
          effects.contains(.continueMerge(.backups, region: region))
          ? .continueMerge(.backups, region: region) : nil
      }
      return total
    }
    let whole = load(moving)  // the pane's version is not the runner's yet: a whole list
    diffing.removeAll()
    let unchanged = (0..<rounds).map { _ in load(moving) }
    steps.removeAll()
    let changed = (0..<rounds).map { i in load(i % 2 == 0 ? settled : moving) }
    return MergeSamples(
      unchanged: Samples(unchanged), changedSteps: Samples(steps), changed: Samples(changed),
      stepsPerMerge: steps.count / rounds, diff: Samples(diffing), whole: whole)
  }

  struct MergeSamples {
    var unchanged: Samples
    /// Every reducer step of the merges with 10% changed.
    var changedSteps: Samples
    /// Those merges from first step to last.
    var changed: Samples
    var stepsPerMerge: Int
    /// The runner's diff of each result (off the UI).
    var diff: Samples
    /// One whole-list merge (a pane reset, or a region switched back).
    var whole: Double
  }
}
