import CloudClient
import Foundation

/// Which cloud and profile the header names.
public struct ProfileInfo: Sendable, Hashable {
  public var profileName: String
  public var cloudName: String
  public var isDemo: Bool
  /// `--readonly` or a profile flag: create/delete/rename are refused.
  public var readOnly: Bool
  /// Theme colour name for the header (e.g. red for production), chosen by the profile.
  public var headerColor: String?
  /// The profile says `admin: true`: Cinder's admin actions (reset status, force delete) are
  /// offered (never in read-only mode).
  public var admin: Bool

  public init(
    profileName: String, cloudName: String, isDemo: Bool = false, readOnly: Bool = false,
    headerColor: String? = nil, admin: Bool = false
  ) {
    self.profileName = profileName
    self.cloudName = cloudName
    self.isDemo = isDemo
    self.readOnly = readOnly
    self.headerColor = headerColor
    self.admin = admin
  }
}

/// One region, or all of them at once.
public enum RegionSelection: Sendable, Hashable {
  case one(String)
  case all

  public var title: String {
    switch self {
    case .one(let region): region
    case .all: "all regions"
    }
  }
}

/// What the keyboard is typing into, if anything.
public enum InputMode: Sendable, Hashable {
  case normal
  /// `/` typing into the focused pane's filter.
  case filter
  /// `:` typing a command.
  case command
}

/// Everything the screen draws. A value: the UI renders it, the reducer changes it.
public struct BrowserState: Sendable {
  public var profile: ProfileInfo
  public var region: RegionSelection
  /// Regions the catalog offers, sorted.
  public var availableRegions: [String]
  public var focusedPane: PaneKind = .backups
  public var panes: [PaneKind: PaneState]
  /// The detail view of the focused pane's selected row is open.
  public var detailOpen = false
  /// Lines the detail view is scrolled down by (reset when another row is shown).
  public var detailScroll = 0
  /// How many lines the open detail view has and shows, as the UI last measured them: the
  /// scroll stops at the last line.
  public var detailExtent = ScrollExtent()
  /// Flavors by region, loaded the first time a restore dialog needs them.
  public var flavors: [String: [Flavor]] = [:]
  /// The deletion of marked rows in progress, reported as one line when it ends.
  public var bulk: BulkProgress?
  public var dialog: Dialog?
  public var inputMode: InputMode = .normal
  /// The filter text before `/` was pressed, restored by Esc.
  public var filterBeforeEdit: String = ""
  public var command = CommandPrompt()
  public var helpVisible = false
  /// Lines the help is scrolled down by, and its size as the UI measured it.
  public var helpScroll = 0
  public var helpExtent = ScrollExtent()
  public var messages: [Message] = []
  public var connection = ConnectionStatus()
  /// Theme name from `:theme NAME` (the UI loads it).
  public var themeName: String
  /// Times shown as ages ("3h", "2d") instead of UTC dates (`t` switches).
  public var timesAsAges = false
  /// Rows visible per page, reported by the UI for page up/down.
  public var viewportRows = 20
  /// Ring the terminal bell when a job finishes or fails.
  public var bellEnabled: Bool
  /// The latest time an action brought (`tick(now:)` and results); the reducer never
  /// reads a clock.
  public var now: Date
  public var refresh: RefreshPolicy
  /// True once `quit` was handled: the front end exits.
  public var shouldQuit = false
  /// Wake-up requested from the runner last time (so it is not re-sent each action).
  public var scheduledWakeup: Date?
  /// The event history, digest, notifications, ETAs, events view and pause.
  public var watch = WatchState()
  /// The Protection view (`5`, `:protection`), derived from the panes.
  public var protection = ProtectionViewState()
  var nextMessageID = 1
  var nextPendingID = 1

  public init(
    profile: ProfileInfo, region: RegionSelection, availableRegions: [String],
    themeName: String = "default", refresh: RefreshPolicy = RefreshPolicy(),
    bellEnabled: Bool = false, now: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.profile = profile
    self.region = region
    self.availableRegions = availableRegions
    self.themeName = themeName
    self.refresh = refresh
    self.bellEnabled = bellEnabled
    self.now = now
    var panes: [PaneKind: PaneState] = [:]
    for kind in PaneKind.allCases { panes[kind] = PaneState(kind: kind) }
    self.panes = panes
  }

  /// The pane of a kind (always present).
  public func pane(_ kind: PaneKind) -> PaneState { panes[kind] ?? PaneState(kind: kind) }

  /// The focused pane.
  public var focused: PaneState { pane(focusedPane) }

  /// The regions currently watched.
  public var watchedRegions: [String] {
    switch region {
    case .one(let name): [name]
    case .all: availableRegions
    }
  }

  /// Columns to draw for a pane: the Region column only when several regions are shown.
  public func columns(for kind: PaneKind) -> [Column] { columnSpecs(for: kind).map(\.column) }

  /// The descriptor's columns to draw for a pane (the Region column only for several regions).
  public func columnSpecs(for kind: PaneKind) -> [ColumnSpec] {
    if case .all = region { return kind.descriptor.columns }
    return kind.descriptor.columns.filter { $0.column != .region }
  }

  /// True while anything is moving (fast refresh, spinner).
  public var anythingInMotion: Bool {
    panes.values.contains { $0.anyInMotion }
  }

  /// Messages not yet expired, newest last.
  public var activeMessages: [Message] { messages.filter { $0.expires > now } }

  mutating func withPane(_ kind: PaneKind, _ change: (inout PaneState) -> Void) {
    var pane = panes[kind] ?? PaneState(kind: kind)
    panes[kind] = nil  // keep the arrays uniquely referenced: no copy of 100,000 rows
    change(&pane)
    panes[kind] = pane
  }
}

extension BrowserState {
  /// The same state with every pane's rows left out: what the front end keeps between frames
  /// to map keys. While it held a whole state, the store's next change to a pane copied every
  /// row (100,000 rows: about twenty reference counts each) because two values shared the
  /// arrays; with only the store holding them, changes are made in place.
  public func withoutRows() -> BrowserState {
    var copy = self
    copy.protection.backupTallies = nil
    copy.protection.snapshotTallies = nil
    for kind in PaneKind.allCases {
      guard let pane = copy.panes[kind] else { continue }
      var light = PaneState(kind: kind)
      light.filter = pane.filter
      light.selectedID = pane.selectedID
      light.lists = pane.lists
      copy.panes[kind] = light
    }
    return copy
  }
}
