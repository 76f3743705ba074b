#!/bin/sh
# Run a command within bounds of time and memory, as the hostile-input
# tests require: a file must never make ldr hang or grow without limit.
# LDR_VMEM_KB=unlimited under sanitizers, which reserve huge address space.
ulimit -v "${LDR_VMEM_KB:-1500000}" 2>/dev/null
exec timeout "${LDR_TIMEOUT:-60}" "$@"
