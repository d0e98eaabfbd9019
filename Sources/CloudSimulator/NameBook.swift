/// Realistic names for seeded rows, and the hostile ones that test a terminal's defences.
enum NameBook {
  static let instances = [
    "orders-db", "billing-db", "analytics-db", "sessions-db", "inventory-db", "audit-db",
    "crm-db", "search-db", "payments-db", "reporting-db",
  ]
  static let volumes = [
    "web-data-01", "mysql-data", "app-logs", "build-cache", "media-store", "backup-staging",
    "etl-scratch", "git-repos", "web-data-02", "elastic-data",
  ]
  static let backupKinds = ["nightly", "nightly", "nightly", "weekly", "manual", "pre-deploy"]
  static let snapshotKinds = ["daily", "daily", "weekly", "pre-upgrade", "manual"]

  /// Names a careless renderer would mangle: escape sequences, `\r`, bidi overrides, a
  /// 300-character name, CJK and emoji (compare fixtures/real/cinder-29/snapshot-show-escape-name.json).
  static let hostile: [String] = [
    "evil\u{1B}[31mRED\u{1B}[0m\nline2",
    "progress 100%\rOVERWRITTEN",
    "invoice-\u{202E}fdp.exe",
    String(repeating: "very-long-name-", count: 20),
    "データベース-バックアップ-夜間",
    "🔥 prod 🚀 backup 🎉",
    "\u{1B}]52;c;ZXZpbA==\u{07}clipboard",
    "tab\tseparated\u{7F}del",
  ]

  static func numbered(_ list: [String], _ index: Int) -> String {
    let base = list[index % list.count]
    let round = index / list.count
    return round == 0 ? base : "\(base)-\(round + 1)"
  }

  /// `2026-11-20` from simulated seconds.
  static func day(_ t: Double) -> String { String(WireDate.trove(t).prefix(10)) }
}
