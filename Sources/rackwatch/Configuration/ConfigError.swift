/// A configuration file or value that cannot be used. The message names the file and line.
struct ConfigError: Error, Sendable, CustomStringConvertible {
  var file: String?
  var line: Int?
  var message: String

  var description: String {
    switch (file, line) {
    case (let file?, let line?): "\(file):\(line): \(message)"
    case (let file?, nil): "\(file): \(message)"
    default: message
    }
  }
}
