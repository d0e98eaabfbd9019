import ArgumentParser

/// The resource kinds `list` understands.
enum ListedKind: String, ExpressibleByArgument, CaseIterable {
  case backups, snapshots, instances, volumes

  init?(argument: String) {
    switch argument.lowercased() {
    case "backups", "backup": self = .backups
    case "snapshots", "snapshot": self = .snapshots
    case "instances", "instance": self = .instances
    case "volumes", "volume": self = .volumes
    default: return nil
    }
  }
}

/// The kinds `show` and `wait` take a single ID of.
enum SingleKind: String, ExpressibleByArgument, CaseIterable {
  case backup, snapshot

  init?(argument: String) {
    switch argument.lowercased() {
    case "backup", "backups": self = .backup
    case "snapshot", "snapshots": self = .snapshot
    default: return nil
    }
  }
}
