#!/usr/bin/env bash
# The long comparison of the SameDiff reference with PyTorch (docs/ORACLE.md), not run in CI:
#   tools/oracle/soak.sh [N]     N cases of every activation and head (default 20000)
# Prints the worst error per hidden activation and per head. Needs tools/oracle/setup.sh once.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1
n=${1:-20000}
python=${ORACLE_PYTHON:-tools/oracle/.venv/bin/python}
if [ ! -x "$python" ]; then
  echo "soak.sh: no oracle interpreter at $python; run tools/oracle/setup.sh first (or set ORACLE_PYTHON)." >&2
  exit 2
fi
out=${ORACLE_OUT:-target/oracle}
mkdir -p "$out"
tools/java-with-tests backprop.harness.reference.OracleCases soak "$n" "$out/soak-cases.json"
"$python" tools/oracle/pytorch_oracle.py "$out/soak-cases.json" "$out/soak-answered.json"
tools/java-with-tests backprop.harness.reference.OracleSoak "$out/soak-answered.json"
