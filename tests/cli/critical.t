# The critical path and slack (ldr critical), on Derbyshire: the latest end
# is P51's, which depends on nothing; to C12, the chain P11 -> P12 -> P08.
ldr critical roadmaps/derbyshire.yaml | head -12
ldr critical --to C12 roadmaps/derbyshire.yaml
ldr critical --to P09 --json roadmaps/derbyshire.yaml
# A plan already impossible: negative slack, and the earliest end.
ldr critical tests/cli/data/critical.yaml
ldr check --rule cannot-finish tests/cli/data/critical.yaml
# A cycle has no critical path; an unknown record.
ldr critical tests/cli/data/impact.yaml
ldr critical --to P99 roadmaps/derbyshire.yaml
