import Foundation

/// What a list could not read, for the operator: items skipped (no `id`, not an object) and
/// lists the server sent as `null`. The rest of the list is still shown.
///
/// Set one as `ListReport.current` around list calls (`ListReport.$current.withValue`);
/// the session's page readers add to it. Without one, nothing is recorded.
public final class ListReport: @unchecked Sendable {
  /// The report list calls on this task (and the tasks it starts) add to.
  @TaskLocal public static var current: ListReport?

  private let lock = NSLock()
  private var unreadable = 0
  private var nullLists = 0

  public init() {}

  /// Adds what one page could not read (the session calls this; so may a fake service).
  public func record(unreadable count: Int, nullList: Bool = false) {
    guard count > 0 || nullList else { return }
    lock.withLock {
      unreadable += count
      if nullList { nullLists += 1 }
    }
  }

  /// Items skipped so far.
  public var unreadableItems: Int { lock.withLock { unreadable } }

  /// One line for the operator, nil when everything was read: "1 item could not be read".
  public var warning: String? {
    let (skipped, nulls) = lock.withLock { (unreadable, nullLists) }
    var parts: [String] = []
    if skipped > 0 { parts.append("\(skipped) item\(skipped == 1 ? "" : "s") could not be read") }
    if nulls > 0 { parts.append("the server sent no list (null), shown as empty") }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}
