"""Permission rules of this app (see kohtaanto.accounts.permissions)."""
