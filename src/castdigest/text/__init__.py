"""Language-aware text helpers shared by readers and stages (pure functions, no I/O)."""
