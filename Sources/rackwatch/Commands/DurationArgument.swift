import ArgumentParser

/// A span of time written `90s`, `30m`, `1h30m` or a bare number of seconds.
struct DurationArgument: ExpressibleByArgument, Sendable, Equatable {
  var seconds: Double

  init(seconds: Double) { self.seconds = seconds }

  init?(argument: String) {
    if let plain = Double(argument), plain >= 0 {
      seconds = plain
      return
    }
    var total = 0.0
    var digits = ""
    for character in argument.lowercased() {
      if character.isNumber || character == "." {
        digits.append(character)
        continue
      }
      guard let value = Double(digits) else { return nil }
      switch character {
      case "s": total += value
      case "m": total += value * 60
      case "h": total += value * 3600
      case "d": total += value * 86400
      default: return nil
      }
      digits = ""
    }
    guard digits.isEmpty, total > 0 else { return nil }
    seconds = total
  }
}
