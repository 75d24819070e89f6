"""The bundled library that `newsread` opens when no other is configured (data only)."""
