"""SQLAlchemy async engine, ORM models, repositories, unit of work and migrations."""
