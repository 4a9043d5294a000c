"""Pages of the WFA schedule (thin: check access, parse, call one service or selector)."""
