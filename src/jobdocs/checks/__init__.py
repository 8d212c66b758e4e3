"""Rules over a loaded project that yield located problems, and the formats problems are
printed in. Checks read content and documents; they never import the CLI."""
