"""The domain: entities, DTOs, validation, errors and repository interfaces (stdlib only)."""
