"""Print-ready job descriptions from TOML content."""
