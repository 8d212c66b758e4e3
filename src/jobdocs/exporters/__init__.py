"""One module per output format, each with `write(rendered, target)`."""
