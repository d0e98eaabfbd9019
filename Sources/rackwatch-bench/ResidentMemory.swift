import Foundation

/// Resident set size of this process, from `/proc/self/status` (Linux).
enum ResidentMemory {
  /// VmRSS in bytes, or nil where `/proc` is missing.
  static func bytes() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
      return digits.map { $0 * 1024 }
    }
    return nil
  }
}
