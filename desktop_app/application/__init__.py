"""Use cases: services over an abstract unit of work."""
