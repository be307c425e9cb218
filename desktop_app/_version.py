"""The version of desktop_app, in this one place: pyproject.toml reads it from here (setuptools'
``attr:``, without importing the package), and so do ``--version``, About and the bundle."""

__version__ = "0.1.0"
