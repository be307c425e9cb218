"""The Qt user interface: main window, table models, dialogs. No SQLAlchemy here."""
