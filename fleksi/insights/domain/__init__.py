"""The pure part of the evaluation (C10): indicators, before vs after, units of concern, charts."""
