import Foundation

/// Writes data to stdout as it is held, without copying it into one `Data` first.
enum StandardOutput {
  /// Writes every chunk in order; a write that fails (other than being interrupted) stops
  /// there, as `FileHandle.write` gave up.
  static func write(_ chunks: [[UInt8]]) {
    for chunk in chunks {
      let written = chunk.withUnsafeBytes { raw -> Bool in
        var offset = 0
        while offset < raw.count {
          let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            return false
          }
          offset += n
        }
        return true
      }
      if !written { return }
    }
  }
}
