"""Cross-cutting helpers: password hashing, e-mail normalisation, paths, logging."""
