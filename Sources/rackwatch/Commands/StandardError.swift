import Foundation

/// Writes to stderr (progress and error lines never go to stdout, which belongs to data).
enum StandardError {
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
