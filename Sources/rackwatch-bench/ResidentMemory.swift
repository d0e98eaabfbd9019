import CHeapStats
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

#if os(Linux)
  /// glibc's `malloc_trim`, which Swift's Glibc module does not import.
  @_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Resident set size of this process, from `/proc/self/status` (Linux).
enum ResidentMemory {
  /// VmRSS in bytes, or nil where `/proc` is missing. Returns freed heap pages to the system
  /// first (`malloc_trim`), so temporaries already released are not counted.
  static func bytes() -> Double? {
    #if os(Linux)
      _ = glibcMallocTrim(0)
    #endif
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
      return digits.map { $0 * 1024 }
    }
    return nil
  }

  /// Bytes allocated on the heap and still held, or nil where unknown: a difference of two
  /// readings is what was kept, whatever the fragmentation (which RSS also counts).
  static func heapInUse() -> Double? {
    let bytes = rw_heap_bytes_in_use()
    return bytes > 0 ? Double(bytes) : nil
  }
}
