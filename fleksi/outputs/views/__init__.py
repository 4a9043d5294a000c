"""Pages of the output supervision."""
