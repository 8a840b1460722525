"""practice-monitor: keeps a therapy practice's social-media presence inside its own policy."""

__version__ = "0.1.0"
