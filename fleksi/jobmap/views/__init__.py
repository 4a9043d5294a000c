"""Pages of the duty mapping (thin: check access, parse, call one service or selector)."""
