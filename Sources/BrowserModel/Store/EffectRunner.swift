import CloudClient
import Foundation
import Synchronization

/// Performs the cloud effects against a `CloudService` and turns each answer into the action
/// the reducer expects. Timers, clipboard, bell and quit are the store's business.
public struct EffectRunner: Sendable {
  public let service: any CloudService
  /// Wall-clock time stamped on results (injected so tests control it).
  public let now: @Sendable () -> Date
  /// Turns list results into differences from the previous result.
  public let differ = ListDiffer()
  /// The last "could not be read" warning of each list, so a refresh says it once.
  let warnings = ListWarnings()
  /// A list is read whole at least this often (seconds); in between, a refresh of backups
  /// or snapshots asks only for what changed when the service can tell (`ChangeReader`).
  public var wholeListInterval: TimeInterval { wholeLists.shortest }
  /// How the whole-list interval grows with what a whole list costs.
  public let wholeLists: WholeListSchedule
  /// When each list was last read whole, and which servers were seen out of order.
  let book = FastRefreshBook()
  let reader = ChangeReader()

  /// - Parameter wholeListInterval: the shortest interval between whole lists; with the
  ///   default `longestWholeListInterval` it grows with the list's cost (`WholeListSchedule`),
  ///   with `longestWholeListInterval` equal to it, it is fixed.
  public init(
    service: any CloudService, now: @escaping @Sendable () -> Date,
    wholeListInterval: TimeInterval = 30, longestWholeListInterval: TimeInterval? = nil
  ) {
    self.service = service
    self.now = now
    self.wholeLists = WholeListSchedule(
      shortest: wholeListInterval,
      longest: longestWholeListInterval ?? max(wholeListInterval, WholeListSchedule().longest))
  }

  /// How long after its last whole read a list is read whole again.
  func wholeListInterval(_ kind: PaneKind, region: String) -> TimeInterval {
    wholeLists.interval(afterCost: book.wholeCost(kind, region: region))
  }

  /// Fast refreshes answered so far and the requests they made.
  public var fastRefreshTotals: (ticks: Int, requests: Int) { book.fastTotals }

  /// Runs one effect; nil for effects that are not cloud calls.
  public func perform(_ effect: Effect) async -> Action? {
    await actions(for: effect).first
  }

  /// Runs one effect: its answer, then a warning for the message line when a list had items
  /// that could not be read ("1 item could not be read").
  public func actions(for effect: Effect) async -> [Action] {
    let request: (kind: PaneKind, region: String, since: ListVersion?, watch: Set<String>)
    let mayTakeFastPath: Bool
    switch effect {
    case .load(let kind, let region, let since, let watch):
      (request, mayTakeFastPath) = ((kind, region, since, watch), true)
    case .reload(let kind, let region, let since, let watch):
      (request, mayTakeFastPath) = ((kind, region, since, watch), false)
    default:
      return await answer(effect).map { [$0] } ?? []
    }
    if mayTakeFastPath,
      let update = await changes(
        request.kind, region: request.region, since: request.since, watch: request.watch)
    {
      // A fast refresh sees only some items: the unreadable-items warning is left to the
      // whole lists, so it is neither repeated nor cleared by a fast tick.
      return [.listUpdated(request.kind, region: request.region, update, now: now())]
    }
    let report = ListReport()
    let action = await ListReport.$current.withValue(report) {
      await wholeList(
        request.kind, region: request.region, since: request.since, watch: request.watch)
    }
    var actions = [action]
    if let warning = warnings.news(report.warning, for: request.kind, region: request.region) {
      actions.append(.notify(.error, warning))
    }
    return actions
  }

  /// One whole list, as the difference from the version the pane holds when possible.
  private func wholeList(
    _ kind: PaneKind, region: String, since: ListVersion?, watch: Set<String>
  ) async -> Action {
    let started = now()
    let (result, count) = await readWhole(
      kind, region: region, since: since, watch: watch, started: started)
    // The list's pages and items are freed by now; give the pages back to the system (a
    // 100,000-item list leaves ~100 MB of freed heap that the next one would reuse anyway).
    if count >= HeapTrim.largeList { HeapTrim.returnFreedMemoryNowAndSoon() }
    switch result {
    case .success(let update):
      return .listUpdated(kind, region: region, update, now: now())
    case .failure(let error):
      return .listLoaded(kind, region: region, .failure(error), now: now())
    }
  }

  /// The whole list's difference and how many items it had; the items live only in here.
  private func readWhole(
    _ kind: PaneKind, region: String, since: ListVersion?, watch: Set<String>, started: Date
  ) async -> (Result<ListUpdate, CloudError>, Int) {
    switch await capture({ try await list(kind, region: region) }) {
    case .success(let resources):
      let update = differ.update(kind, region: region, resources, since: since, watch: watch)
      book.wholeListed(
        kind, region: region, at: started, cost: now().timeIntervalSince(started))
      return (.success(update), resources.count)
    case .failure(let error):
      return (.failure(error), 0)
    }
  }

  private func answer(_ effect: Effect) async -> Action? {
    switch effect {
    case .loadRegions:
      return .regionsLoaded(await capture { try await service.regions() })
    case .load(let kind, let region, let since, let watch),
      .reload(let kind, let region, let since, let watch):
      return await wholeList(kind, region: region, since: since, watch: watch)
    case .createBackup(let request, let region, let placeholder):
      let result = await capture { try await service.createBackup(request, region: region) }
      return .backupCreated(placeholder: placeholder, result, now: now())
    case .createSnapshot(let request, let region, let placeholder):
      let result = await capture { try await service.createSnapshot(request, region: region) }
      return .snapshotCreated(placeholder: placeholder, result, now: now())
    case .updateSnapshot(let id, let request, let region):
      let result = await capture {
        try await service.updateSnapshot(id: id, request, region: region)
      }
      return .snapshotUpdated(RowID(region: region, id: id), result, now: now())
    case .deleteBackup(let id, let region):
      let result = await capture { try await service.deleteBackup(id: id, region: region) }
      return .deleted(.backups, RowID(region: region, id: id), result, now: now())
    case .deleteSnapshot(let id, let region):
      let result = await capture { try await service.deleteSnapshot(id: id, region: region) }
      return .deleted(.snapshots, RowID(region: region, id: id), result, now: now())
    case .continueMerge(let kind, let region):
      return .continueMerge(kind, region: region)
    case .loadFlavors, .restoreBackup, .createVolume, .changeSnapshotMetadata, .resetSnapshotStatus,
      .forceDeleteSnapshot:
      return await recover(effect)
    case .protection(let effect):
      return await answer(effect)
    case .scheduleTick, .copyToClipboard, .bell, .loadTheme, .quit, .recordHistory, .notifyDesktop:
      return nil
    }
  }

  /// One list request per pane and region covers every row of it.
  func list(_ kind: PaneKind, region: String) async throws -> [Resource] {
    switch kind {
    case .backups: try await service.listBackups(region: region).map(Resource.backup)
    case .snapshots: try await service.listSnapshots(region: region).map(Resource.snapshot)
    case .instances: try await service.listInstances(region: region).map(Resource.instance)
    case .volumes: try await service.listVolumes(region: region).map(Resource.volume)
    }
  }

  /// Any thrown error becomes a `CloudError` (the client throws only those; anything else is
  /// described without trusting its text).
  func capture<T: Sendable>(_ body: () async throws -> T) async -> Result<T, CloudError> {
    do {
      return .success(try await body())
    } catch let error as CloudError {
      return .failure(error)
    } catch is CancellationError {
      return .failure(CloudError(kind: .cancelled, summary: "Cancelled"))
    } catch {
      return .failure(
        CloudError(
          kind: .network, summary: TerminalSafe.sanitize(String(describing: type(of: error)))))
    }
  }
}

/// The warning each list gave last time: a refresh that finds the same items unreadable
/// again does not repeat the message; a change, or the same warning after a clean read, does.
final class ListWarnings: Sendable {
  private let last = Mutex<[String: String]>([:])

  /// `warning` when it is new for this list, else nil.
  func news(_ warning: String?, for kind: PaneKind, region: String) -> String? {
    let key = "\(kind)\u{1F}\(region)"
    return last.withLock { last in
      let previous = last[key]
      last[key] = warning
      return warning == previous ? nil : warning
    }
  }
}
