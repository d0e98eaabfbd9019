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
        let (unchanged, changed) = merge(settings, &state)
        return [
          figure("refresh merge, nothing changed (\(rows) rows)", unchanged),
          figure("refresh merge, 10% of rows changed (\(rows) rows)", changed),
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

  /// A list result for the whole pane arrives: first unchanged (the common, settled case),
  /// then alternately with the 10,000 rows in motion finished and back again (every tenth row
  /// changes status and size, so the merge marks and re-sorts them).
  private static func merge(_ settings: Settings, _ state: inout BrowserState) -> (
    Samples, Samples
  ) {
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
    let rounds = max(3, settings.iterations / 10)
    var step = 0
    func load(_ result: [Resource]) -> Double {
      step += 1
      let now = state.now.addingTimeInterval(Double(step))
      return Stopwatch.milliseconds {
        _ = reduce(&state, .listLoaded(.backups, region: region, .success(result), now: now))
      }
    }
    _ = load(moving)
    let unchanged = (0..<rounds).map { _ in load(moving) }
    let changed = (0..<rounds).map { i in load(i % 2 == 0 ? settled : moving) }
    return (Samples(unchanged), Samples(changed))
  }
}
