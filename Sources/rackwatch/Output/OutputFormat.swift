import ArgumentParser

/// How `list` and `show` print: a table for people, JSON or CSV for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table, json, csv
}
