// Placeholder: replaced by `@main` over PerfGateCommands.
print("bench: not built yet")
