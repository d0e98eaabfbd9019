import BrowserModel
import CloudClient
import Foundation
import Logging
import NcursesTerminal
import TerminalUI

/// The run loop of the terminal UI: keys from the screen become actions for the store; every
/// new state (and every resize) is rendered to a frame and drawn. Nothing else draws.
enum TerminalApp {
  enum Outcome: Sendable {
    case quit
    case failed(String)
  }

  private enum Event: Sendable {
    case key(Key)
    /// The store has a new state (read from the store when drawing: the event carries none,
    /// so no row array is held while it waits in the queue).
    case stateChanged
    /// A spinner step while something is in motion (at most 4 a second).
    case animate
    case finished
  }

  static func run(
    state initial: BrowserState, service: any CloudService, userThemeDirectory: String,
    watch: WatchSetup, logger: Logger
  ) async -> Outcome {
    let environment = ProcessInfo.processInfo.environment
    var catalog = ThemeCatalog(directories: [URL(fileURLWithPath: userThemeDirectory)])
    var theme = catalog.initialTheme(requested: initial.themeName, environment: environment)
    var themeName = initial.themeName
    for problem in catalog.problems { logger.warning("theme skipped: \(problem)") }

    let screen: NcursesScreen
    do {
      screen = try await NcursesScreen.open(theme: theme)
    } catch {
      return .failed("\(error)")
    }
    let wholeLists = environment["RACKWATCH_WHOLE_LISTS"] == "1"
    let store = BrowserStore(
      state: initial, service: wholeLists ? WholeListsOnly(base: service) : service,
      clock: ContinuousClock(),
      hooks: FrontEndHooks(
        copyToClipboard: { text in Task { await screen.copyToClipboard(text) } },
        bell: { Task { await screen.bell() } },
        recordHistory: { events in watch.history?.append(events) },
        notify: { notification in
          logger.info("notification: \(notification.body)")
          switch watch.style {
          case .none: return
          case .bell: Task { await screen.bell() }
          case .osc9, .osc777:
            let bytes = TerminalNotification.sequence(
              notification, style: watch.style, insideTmux: watch.insideTmux)
            Task { await screen.writeNotification(bytes) }
          }
        }))

    let (events, sink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
    let keyPump = Task {
      for await key in screen.keys { sink.yield(.key(key)) }
      sink.yield(.finished)
    }
    let statePump = Task {
      for await _ in store.states { sink.yield(.stateChanged) }
      sink.yield(.finished)
    }
    let animation = Animation(sink: sink)

    await Self.reportThemeProblems(
      catalog, requested: initial.themeName, using: theme.name,
      noColor: !(environment["NO_COLOR"] ?? "").isEmpty, to: store)
    // Between frames only a state without rows is kept (to map keys): see `withoutRows`.
    var keyState = initial.withoutRows()
    var size = await screen.size()
    await store.send(.setViewport(rows: Self.viewportRows(keyState, size)))
    await store.start()

    loop: for await event in events {
      switch event {
      case .key(.resize):
        size = await screen.size()
        keyState = await store.state.withoutRows()
        await store.send(.setViewport(rows: Self.viewportRows(keyState, size)))
      case .key(let key):
        // Map each key against the store's current state, not the last one drawn: keys
        // typed faster than frames (a paste, a script) must see the dialog the previous key
        // opened.
        if let action = KeyMap.action(for: key, in: keyState) {
          await store.send(action)
          keyState = await Self.afterKey(store, size)
        }
        continue loop
      case .stateChanged:
        // The stream may hand over a state older than one already read after a key.
        let state = await store.state.withoutRows()
        keyState = state
        if state.shouldQuit { break loop }
        if state.themeName != themeName {
          themeName = state.themeName
          if let next = catalog.theme(named: themeName)
            ?? Self.reload(&catalog, themeName, userThemeDirectory)
          {
            theme = next
            await screen.setTheme(theme)
          } else {
            await Self.reportThemeProblems(
              catalog, requested: themeName, using: theme.name, noColor: false, to: store,
              onlyRequested: true)
          }
        }
      case .animate:
        break
      case .finished:
        break loop
      }
      let (frame, moving, drawn) = await Self.compose(store, size: size, theme: theme)
      keyState = drawn
      // Only the focused pane is on screen: a stale instance in BACKUP on another pane must not
      // keep the spinner (and the CPU) busy.
      animation.update(active: moving)
      await screen.draw(frame)
    }
    animation.update(active: false)
    keyPump.cancel()
    statePump.cancel()
    await store.send(.quit)
    await screen.close()
    return .quit
  }

  /// Tells the operator, on the message line, about broken theme files (file, line, key)
  /// and a requested theme that cannot be used. The requested theme's own problem is sent
  /// last, so it is the message that stays in view.
  private static func reportThemeProblems<C>(
    _ catalog: ThemeCatalog, requested: String, using fallback: String, noColor: Bool,
    to store: BrowserStore<C>, onlyRequested: Bool = false
  ) async {
    let ownFile = { (problem: ThemeError) in
      problem.file.hasSuffix("/\(requested).yaml") || problem.file.hasSuffix("/\(requested).yml")
    }
    if !onlyRequested {
      for problem in catalog.problems where !ownFile(problem) {
        await store.send(.notify(.error, "Theme skipped: \(problem)"))
      }
    }
    guard catalog.theme(named: requested) == nil, !noColor else { return }
    if let problem = catalog.problems.last(where: ownFile) {
      await store.send(.notify(.error, "Theme \(problem); using \(fallback)"))
    } else {
      let known = catalog.names.joined(separator: ", ")
      await store.send(
        .notify(.error, "No theme named \(requested); using \(fallback). Known: \(known)"))
    }
  }

  /// After a key: the list's height (opening the detail changes it on a narrow screen) and
  /// the detail's and help's extents, then the state to map the next key against.
  private static func afterKey<C>(_ store: BrowserStore<C>, _ size: (cols: Int, rows: Int)) async
    -> BrowserState
  {
    var state = await store.state
    let rows = Self.viewportRows(state, size)
    if rows != state.viewportRows {
      await store.send(.setViewport(rows: rows))
      state = await store.state
    }
    return await Self.measureDetail(state, size, store).withoutRows()
  }

  /// The frame of the store's current state, whether the focused pane moves (the spinner),
  /// and that state without rows. The whole state lives only inside this call.
  private static func compose<C>(
    _ store: BrowserStore<C>, size: (cols: Int, rows: Int), theme: Theme
  ) async -> (Frame, Bool, BrowserState) {
    var view = await Self.measureDetail(await store.state, size, store)
    let moving = view.focused.anyInMotion || view.focused.isLoading
    view.now = max(Date(), view.now)
    let frame = render(view, size: size, theme: theme)
    return (frame, moving, view.withoutRows())
  }

  /// Tells the model how long the open detail view and the help are, so scrolling stops at
  /// their last line.
  private static func measureDetail<C>(
    _ state: BrowserState, _ size: (cols: Int, rows: Int), _ store: BrowserStore<C>
  ) async -> BrowserState {
    var actions: [Action] = []
    if let extent = Renderer.detailExtent(state, cols: size.cols, rows: size.rows),
      extent != state.detailExtent
    {
      actions.append(.setDetailExtent(extent))
    }
    if let extent = Renderer.helpExtent(state, cols: size.cols, rows: size.rows),
      extent != state.helpExtent
    {
      actions.append(.setHelpExtent(extent))
    }
    guard !actions.isEmpty else { return state }
    for action in actions { await store.send(action) }
    return await store.state
  }

  /// Table rows on screen, from the same layout the renderer draws.
  static func viewportRows(_ state: BrowserState, _ size: (cols: Int, rows: Int)) -> Int {
    ScreenLayout.viewportRows(for: state, cols: size.cols, rows: size.rows)
  }

  private static func reload(_ catalog: inout ThemeCatalog, _ name: String, _ directory: String)
    -> Theme?
  {
    catalog.load(directory: URL(fileURLWithPath: directory))
    return catalog.theme(named: name)
  }

  /// Ticks the spinner 4 times a second while something is in motion, and not at all
  /// otherwise, so an idle screen costs nothing.
  private final class Animation: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private let sink: AsyncStream<Event>.Continuation

    init(sink: AsyncStream<Event>.Continuation) { self.sink = sink }

    func update(active: Bool) {
      lock.withLock {
        if active, task == nil {
          task = Task { [sink] in
            while !Task.isCancelled {
              try? await Task.sleep(for: .milliseconds(250))
              if Task.isCancelled { return }
              sink.yield(.animate)
            }
          }
        } else if !active, let running = task {
          running.cancel()
          task = nil
        }
      }
    }
  }
}
