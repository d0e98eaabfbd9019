import CloudClient
import Foundation

/// The Protection view's cloud calls: schedules.
extension EffectRunner {
  func answer(_ effect: ProtectionEffect) async -> Action {
    switch effect {
    case .loadSchedules(let region):
      let result = await capture { try await service.listSchedules(region: region) }
      return .protection(.schedulesLoaded(region: region, result, now: now()))
    case .createSchedule(let request, let region):
      let result = await capture {
        _ = try await service.createSchedule(request, region: region)
      }
      return .protection(
        .scheduleSaved(
          region: region, "Backups of \(request.instanceID) scheduled", result, now: now()))
    case .updateSchedule(let id, let request, let region):
      let result = await capture {
        try await service.updateSchedule(id: id, request, region: region)
      }
      return .protection(
        .scheduleSaved(region: region, "Schedule \(id) changed", result, now: now()))
    case .copyBackup(let id, let target, let region):
      let result = await capture {
        try await service.copyBackup(
          id: id, to: target, name: nil, description: nil, region: region)
      }
      return .protection(
        .scheduleSaved(
          region: region, "Copy of backup \(id) to \(target) requested", result, now: now()))
    case .deleteSchedule(let id, let region):
      let result = await capture { try await service.deleteSchedule(id: id, region: region) }
      return .protection(
        .scheduleSaved(region: region, "Schedule \(id) deleted", result, now: now()))
    }
  }
}
