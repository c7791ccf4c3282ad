"""The store's one exception type."""


class StoreError(Exception):
    """A store that cannot be opened or a record that cannot be stored."""
