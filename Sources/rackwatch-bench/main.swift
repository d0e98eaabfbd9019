import BrowserModel
import Foundation

/// rackwatch-bench: measures the figures promised in issue #7 and prints them as one table.
///
/// `swift run -c release rackwatch-bench` for the real figures (release build only);
/// `rackwatch-bench --smoke` runs every measurement at a tiny size in seconds and exits 0
/// unless something fails (CI runs it on a debug build; its numbers mean nothing).

let settings = Settings.fromArguments(CommandLine.arguments)
var figures: [Figure] = []

do {
  if settings.runs(.model) {
    let (loaded, memory) = StateMemoryBench.run(settings)
    var state = loaded
    figures += memory
    figures += ViewModelBench.run(settings, state: &state)
    figures += RenderBench.run(settings, state: &state)
  }
  if settings.runs(.protection) { figures += ProtectionBench.run(settings) }
  let fixture = try await SimulatorFixture.start(
    items: settings.runs(.network) ? settings.listed : 1)
  do {
    if settings.runs(.network) {
      // First, while the heap is least fragmented: its figure is a difference of RSS.
      figures += try await LoadedMemoryBench.run(settings, fixture)
      figures += try await SimulatorBench.run(settings, fixture)
      figures += try await DecodeBench.run(settings, fixture)
      figures += try await ListingBench.run(settings, fixture)
    }
  } catch {
    await fixture.server.shutdown()
    throw error
  }
  await fixture.server.shutdown()
} catch {
  FileHandle.standardError.write(Data("rackwatch-bench: \(error)\n".utf8))
  exit(1)
}

#if DEBUG
  let build = "debug build: figures are not meaningful"
#else
  let build = "release build"
#endif
if settings.smoke {
  for i in figures.indices where figures[i].verdict != "-" { figures[i].verdict = "(smoke)" }
}
let load =
  (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
  .joined(separator: " ") ?? "?"
let mode = settings.smoke ? "SMOKE run (tiny sizes)" : "full run"
Table.print(
  figures,
  header:
    "rackwatch-bench: \(mode), \(build), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    + " (\(ProcessInfo.processInfo.processorCount) online), load average \(load) at the end, \(Date())"
)
