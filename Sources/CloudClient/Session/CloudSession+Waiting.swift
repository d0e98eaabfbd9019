import Foundation

/// Watching one backup or snapshot until it settles: the seed's `WaitUntilComplete` and
/// `WaitUntilDeleted` as async sequences of the states observed.
extension CloudSession {
  /// Yields the backup each time its status changes, ending after a settled state
  /// (COMPLETED, FAILED, ...). Throws `.timeout` if it is still in motion after `timeout`.
  public func waitUntilComplete(
    backupID: String, region: String, interval: Duration = .seconds(2),
    timeout: Duration = .seconds(3600)
  ) -> AsyncThrowingStream<Backup, any Error> {
    watch(
      what: "backup \(backupID)", interval: interval, timeout: timeout,
      fetch: { [self] in try await backup(id: backupID, region: region) },
      settled: { !$0.isInMotion }, goneIsDone: false, status: { $0.status.wire })
  }

  /// Yields the backup while it is being deleted and finishes when it answers 404. A
  /// DELETE_FAILED state is yielded and ends the sequence.
  public func waitUntilDeleted(
    backupID: String, region: String, interval: Duration = .seconds(2),
    timeout: Duration = .seconds(3600)
  ) -> AsyncThrowingStream<Backup, any Error> {
    watch(
      what: "backup \(backupID)", interval: interval, timeout: timeout,
      fetch: { [self] in try await backup(id: backupID, region: region) },
      settled: { $0.status == .deleteFailed || $0.status == .failed }, goneIsDone: true,
      status: { $0.status.wire })
  }

  /// Yields the snapshot each time its status or progress changes, ending once it is
  /// available at 100% or in error.
  public func waitUntilComplete(
    snapshotID: String, region: String, interval: Duration = .seconds(2),
    timeout: Duration = .seconds(3600)
  ) -> AsyncThrowingStream<Snapshot, any Error> {
    watch(
      what: "snapshot \(snapshotID)", interval: interval, timeout: timeout,
      fetch: { [self] in try await snapshot(id: snapshotID, region: region) },
      settled: { !$0.isInMotion }, goneIsDone: false, status: { $0.status.wire })
  }

  /// Yields the snapshot while it is being deleted and finishes when it answers 404;
  /// `error_deleting` is yielded and ends the sequence.
  public func waitUntilDeleted(
    snapshotID: String, region: String, interval: Duration = .seconds(2),
    timeout: Duration = .seconds(3600)
  ) -> AsyncThrowingStream<Snapshot, any Error> {
    watch(
      what: "snapshot \(snapshotID)", interval: interval, timeout: timeout,
      fetch: { [self] in try await snapshot(id: snapshotID, region: region) },
      settled: { $0.status == .errorDeleting }, goneIsDone: true, status: { $0.status.wire })
  }

  func watch<Item: Sendable & Equatable>(
    what: String, interval: Duration, timeout: Duration,
    fetch: @escaping @Sendable () async throws -> Item,
    settled: @escaping @Sendable (Item) -> Bool, goneIsDone: Bool,
    status: @escaping @Sendable (Item) -> String
  ) -> AsyncThrowingStream<Item, any Error> {
    let clock = configuration.clock
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          try await Self.poll(
            clock, what: what, interval: interval, timeout: timeout, fetch: fetch,
            settled: settled, goneIsDone: goneIsDone, status: status,
            yield: { continuation.yield($0) })
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  /// Fetches until settled or the deadline: the last sleep ends at the deadline and one more
  /// look is taken there before giving up.
  private static func poll<C: Clock<Duration>, Item: Equatable>(
    _ clock: C, what: String, interval: Duration, timeout: Duration,
    fetch: () async throws -> Item, settled: (Item) -> Bool, goneIsDone: Bool,
    status: (Item) -> String, yield: (Item) -> Void
  ) async throws {
    let deadline = clock.now.advanced(by: timeout)
    var last: Item?
    while true {
      let item: Item
      do {
        item = try await fetch()
      } catch let error as CloudError where goneIsDone && error.kind == .notFound {
        return
      }
      if item != last { yield(item) }
      last = item
      if settled(item) { return }
      if clock.now >= deadline {
        let seconds = timeout.components.seconds
        throw CloudError(
          kind: .timeout,
          summary: "Waiting for \(what) timed out after \(seconds) s (last status \(status(item)))")
      }
      do {
        try await clock.sleep(
          until: min(clock.now.advanced(by: interval), deadline), tolerance: nil)
      } catch {
        throw CloudError(kind: .cancelled, summary: "Waiting for \(what) cancelled")
      }
    }
  }
}
