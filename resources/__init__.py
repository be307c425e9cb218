"""Icons; installed as the package desktop_app._resources (pyproject.toml)."""
