import Foundation

/// Rackspace Cloud Databases scheduled backups (`/schedules`, rax-cdb-schedules.md).
///
/// OpenStack Trove has no `/schedules` and answers 404: `listSchedules` then returns nil,
/// which the Protection view reads as "no schedules on this cloud".
extension CloudSession {
  /// Every schedule of the account in the region; nil when the cloud has no `/schedules`.
  public func listSchedules(region: String) async throws -> [BackupSchedule]? {
    let operation = "Listing schedules"
    let service = try await endpoint(.database, region: region)
    do {
      let response = try await send(
        .GET, service.url + "/schedules", service: service, kind: .database, operation: operation)
      return try decode(ScheduleWire.Page.self, response, operation: operation).items
    } catch let error as CloudError where error.kind == .notFound {
      return nil
    }
  }

  /// Creates a schedule (202 with the schedule).
  public func createSchedule(_ request: ScheduleRequest, region: String) async throws
    -> BackupSchedule
  {
    let operation = "Creating a schedule for instance \(request.instanceID)"
    try Self.check(request, operation: operation)
    let service = try await endpoint(.database, region: region)
    let response = try await send(
      .POST, service.url + "/schedules", service: service, kind: .database,
      body: try ScheduleWire.createBody(request), operation: operation)
    return try decode(ScheduleWire.One.self, response, operation: operation).schedule.value
  }

  /// Changes a schedule. The cloud answers 202 with an empty body.
  public func updateSchedule(id: String, _ request: ScheduleRequest, region: String) async throws {
    let operation = "Changing schedule \(id)"
    try Self.check(request, operation: operation)
    let service = try await endpoint(.database, region: region)
    _ = try await send(
      .PUT, service.url + "/schedules/\(Self.segment(id))", service: service, kind: .database,
      body: try ScheduleWire.updateBody(request), operation: operation)
  }

  /// Deletes a schedule (202, empty body). Its backups stay.
  public func deleteSchedule(id: String, region: String) async throws {
    let service = try await endpoint(.database, region: region)
    _ = try await send(
      .DELETE, service.url + "/schedules/\(Self.segment(id))", service: service,
      kind: .database, operation: "Deleting schedule \(id)")
  }

  private static func check(_ request: ScheduleRequest, operation: String) throws {
    if let problem = request.problem {
      throw CloudError(kind: .invalidRequest, summary: "\(operation) failed: \(problem)")
    }
  }
}
