"""Pure rules of the public-service figures: the IKM index and grade, the safeguard's
comparison, the tightening a safeguard alert proposes, reading import rows, sparklines."""
