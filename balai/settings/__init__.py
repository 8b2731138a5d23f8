"""Settings package: ``base`` (every deployment, environment-driven) and ``test``."""
