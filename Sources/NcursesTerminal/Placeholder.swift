// The ncurses back end; see NcursesScreen.swift.
