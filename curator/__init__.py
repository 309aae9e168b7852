"""curator: build and maintain an execution-based Python coding benchmark."""
