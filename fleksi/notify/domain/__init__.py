"""Pure rules of notification delivery (no Django)."""
