#ifndef BRIEFING_CNCURSESW_SHIM_H
#define BRIEFING_CNCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config gives, so the wide-character API is switched on here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

// Swift 6 refuses curses' mutable globals; these accessors read them on the caller's (single) actor.
static inline WINDOW *briefing_stdscr(void) { return stdscr; }
static inline int briefing_lines(void) { return LINES; }
static inline int briefing_cols(void) { return COLS; }
static inline int briefing_colors(void) { return COLORS; }
static inline int briefing_color_pairs(void) { return COLOR_PAIRS; }
static inline chtype briefing_acs(char c) { return NCURSES_ACS(c); }

#endif
