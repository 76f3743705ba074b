# Counting records; a ROADMAP is a file or a directory holding roadmap.yaml.
ldr stat roadmaps/derbyshire.yaml
ldr stat --json roadmaps/derbyshire.yaml
ldr stat --json roadmaps/annex2-illustration.yaml
mkdir $T/repo && cp roadmaps/annex2-illustration.yaml $T/repo/roadmap.yaml && ldr stat $T/repo
ldr stat - < roadmaps/annex2-illustration.yaml
ldr stat $T/missing.yaml
ldr stat $T
