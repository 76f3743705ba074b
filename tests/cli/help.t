# The command line itself: help, version, usage errors (exit 64).
ldr --version
ldr --help
ldr help
ldr help fmt
ldr help stat
ldr stat --help
ldr
ldr frmt roadmaps/derbyshire.yaml
ldr help nope
ldr fmt --chek roadmaps/derbyshire.yaml
ldr fmt
ldr stat
ldr stat roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml
