/// Defaults for clouds (and test fakes) that know nothing of schedules: no `/schedules`.
extension CloudService {
  public func listSchedules(region: String) async throws -> [BackupSchedule]? { nil }

  public func createSchedule(_ request: ScheduleRequest, region: String) async throws
    -> BackupSchedule
  {
    throw CloudError(kind: .notFound, summary: "This cloud has no backup schedules")
  }

  public func updateSchedule(id: String, _ request: ScheduleRequest, region: String) async throws {
    throw CloudError(kind: .notFound, summary: "This cloud has no backup schedules")
  }

  public func deleteSchedule(id: String, region: String) async throws {
    throw CloudError(kind: .notFound, summary: "This cloud has no backup schedules")
  }

  public func copyBackup(
    id: String, to targetRegion: String, name: String?, description: String?, region: String
  ) async throws {
    throw CloudError(kind: .notFound, summary: "This cloud cannot copy backups between regions")
  }
}
