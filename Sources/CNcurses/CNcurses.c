#include "CNcurses.h"
int cn_placeholder(void) { return 0; }
