"""Pages of presence: the check-in page (with its manifest and service worker), the monthly
recaps and their exports, the manual fallback."""
