#!/usr/bin/env bash
# Runs nbval on notebooks once per numeric setting that differs between x86-64 machines: one thread,
# no AVX-512 (AVX2 kernels in oneDNN, MKL, ATen and XLA), SSE4 only, the frameworks' non-oneDNN code paths, and
# another temporary folder (warnings name the files IPython writes there).
# Every stored output must come out the same under each; one that does not depends on the machine.
# Usage: tools/portable_outputs.sh [notebook ...]   (default: the chapter notebooks and the masters)
set -uo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
[ $# -gt 0 ] || set -- nbs/0[1-9]_*.ipynb exercises/*/*.ipynb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
variants=(
  "as is|"
  "one thread, another TMPDIR|OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 XLA_FLAGS=--xla_cpu_multi_thread_eigen=false TMPDIR=$tmp"
  "AVX2, no AVX-512|ONEDNN_MAX_CPU_ISA=AVX2 DNNL_MAX_CPU_ISA=AVX2 MKL_ENABLE_INSTRUCTIONS=AVX2 ATEN_CPU_CAPABILITY=avx2 XLA_FLAGS=--xla_cpu_max_isa=AVX2"
  "SSE4 only|ONEDNN_MAX_CPU_ISA=SSE41 DNNL_MAX_CPU_ISA=SSE41 MKL_ENABLE_INSTRUCTIONS=SSE4_2 ATEN_CPU_CAPABILITY=default OPENBLAS_CORETYPE=Nehalem XLA_FLAGS=--xla_cpu_max_isa=SSE4_2"
  "no oneDNN|TF_ENABLE_ONEDNN_OPTS=0 MXNET_MKLDNN_ENABLED=0 MKL_CBWR=COMPATIBLE"
)
status=0
for v in "${variants[@]}"; do
  name=${v%%|*}; settings=${v#*|}
  if out=$(env $settings "$py" -m pytest -q -p no:randomly "$@" 2>&1); then
    echo "ok    $name ($settings)"
  else
    echo "FAIL  $name ($settings)"; echo "$out" | grep -E "^(FAILED|ERROR)|^ *[-+] " | head -40
    status=1
  fi
done
exit $status
