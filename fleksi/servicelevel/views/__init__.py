"""Pages of the public-service figures."""
