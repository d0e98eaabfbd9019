import Foundation

/// What a Cinder 29 list request may ask beyond paging, as the stock `resource_filters.json`
/// allows it (cinder-29/ROUND2 captures): `sort=key:dir` (the next link keeps it),
/// `with_count` from 3.45, the filters each resource takes, and `updated_at`/`created_at`
/// comparisons on volumes only (`gt:`, `gte:`, `lt:`, `lte:`, `eq:`, `neq:`). Anything else
/// is 400 "Invalid filters X are found in query options." (`changes-since` included).
struct CinderListQuery {
  enum SortKey: String {
    case createdAt = "created_at", updatedAt = "updated_at", id, name, status, size
  }

  var sortKey: SortKey = .createdAt
  var descending = true
  var withCount = false
  /// `updated_at` / `created_at` comparisons (volumes).
  var timeFilters: [(key: SortKey, op: String, time: Double)] = []

  /// Whether the answer is in the stored (newest created first) order, the fast path.
  var isDefaultOrder: Bool { sortKey == .createdAt && descending }

  /// Parameters that are not filters.
  static let paging: Set<String> = [
    "limit", "marker", "offset", "sort", "sort_key", "sort_dir", "with_count", "all_tenants",
  ]
  static let snapshotFilters: Set<String> = [
    "name", "status", "volume_id", "metadata", "availability_zone", "display_name",
  ]
  static let volumeFilters: Set<String> = [
    "name", "status", "metadata", "bootable", "migration_status", "availability_zone",
    "group_id", "size", "created_at", "updated_at", "display_name",
  ]

  /// The query, or the 400 Cinder answers.
  static func parse(
    _ req: SimRequest, filters: Set<String>, dialect: CinderWire.Dialect
  ) -> Result<CinderListQuery, CinderAPI.Refusal> {
    var query = CinderListQuery()
    guard !dialect.isV1 else { return .success(query) }  // Rackspace v1: no such rules
    let unknown = req.query.map(\.0).filter { !paging.contains($0) && !filters.contains($0) }
    if let first = unknown.first {
      return .failure(.init(.badRequest("Invalid filters \(first) are found in query options.")))
    }
    if let sort = req.queryValue("sort") ?? req.queryValue("sort_key") {
      let parts = sort.split(separator: ":", maxSplits: 1).map(String.init)
      guard let key = SortKey(rawValue: parts[0]) else {
        return .failure(.init(.badRequest("Invalid input received: Invalid sort key \(parts[0])")))
      }
      query.sortKey = key
      let direction = parts.count > 1 ? parts[1] : (req.queryValue("sort_dir") ?? "desc")
      guard direction == "asc" || direction == "desc" else {
        return .failure(.init(.badRequest("Invalid input received: Invalid sort dir \(direction)")))
      }
      query.descending = direction == "desc"
    }
    if let count = req.queryValue("with_count") {
      guard dialect.atLeast(45) else {
        return .failure(
          .init(.badRequest("Invalid filters with_count are found in query options.")))
      }
      query.withCount = ["true", "1", "yes"].contains(count.lowercased())
    }
    for key in [SortKey.createdAt, .updatedAt] {
      guard filters.contains(key.rawValue), let text = req.queryValue(key.rawValue) else {
        continue
      }
      let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, ["gt", "gte", "lt", "lte", "eq", "neq"].contains(parts[0]) else {
        return .failure(.init(.badRequest("Invalid \(parts[0]) operator")))
      }
      guard let time = Self.time(parts[1]) else {
        return .failure(.init(.badRequest("Invalid \(parts[1]) value")))
      }
      query.timeFilters.append((key, parts[0], time))
    }
    return .success(query)
  }

  /// `2026-12-01T05:28:01`, with or without fractions and a `Z`, as UTC seconds.
  static func time(_ text: String) -> Double? {
    var body = Substring(text)
    if body.hasSuffix("Z") { body = body.dropLast() }
    let dateAndTime = body.split(separator: "T")
    guard dateAndTime.count == 2 else { return nil }
    let day = dateAndTime[0].split(separator: "-").compactMap { Int($0) }
    let clock = dateAndTime[1].split(separator: ":")
    guard day.count == 3, clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
      let second = Double(clock[2])
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard
      let date = calendar.date(
        from: DateComponents(year: day[0], month: day[1], day: day[2], hour: hour, minute: minute))
    else { return nil }
    return date.timeIntervalSince1970 + second
  }

  /// Whether a time passes every comparison asked for `key` (a null time passes none).
  func passes(_ key: SortKey, _ time: Double?) -> Bool {
    for filter in timeFilters where filter.key == key {
      guard let time else { return false }
      let ok: Bool
      switch filter.op {
      case "gt": ok = time > filter.time
      case "gte": ok = time >= filter.time
      case "lt": ok = time < filter.time
      case "lte": ok = time <= filter.time
      case "eq": ok = time == filter.time
      default: ok = time != filter.time
      }
      if !ok { return false }
    }
    return true
  }
}

/// The first `k` of `items` in `areInOrder` order, in O(n log k): a fast tick that asks for
/// the 50 newest-updated of 100,000 snapshots sorts 50, not 100,000.
func smallest<T>(_ k: Int, of items: [T], by areInOrder: (T, T) -> Bool) -> [T] {
  guard k > 0 else { return [] }
  if items.count <= k { return items.sorted(by: areInOrder) }
  // A max-heap (by order) of the best k so far: its root is the worst kept.
  var heap: [T] = []
  heap.reserveCapacity(k)
  func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard areInOrder(heap[parent], heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }
  func siftDown() {
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var worst = parent
      if left < heap.count, areInOrder(heap[worst], heap[left]) { worst = left }
      if right < heap.count, areInOrder(heap[worst], heap[right]) { worst = right }
      if worst == parent { return }
      heap.swapAt(parent, worst)
      parent = worst
    }
  }
  for item in items {
    if heap.count < k {
      heap.append(item)
      siftUp(heap.count - 1)
    } else if areInOrder(item, heap[0]) {
      heap[0] = item
      siftDown()
    }
  }
  return heap.sorted(by: areInOrder)
}
