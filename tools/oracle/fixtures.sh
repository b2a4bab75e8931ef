#!/usr/bin/env bash
# Regenerates src/test/resources/oracle/pytorch-fixtures.json: the harness writes its cases,
# PyTorch answers them. Needs tools/oracle/setup.sh once. See docs/ORACLE.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1
python=${ORACLE_PYTHON:-tools/oracle/.venv/bin/python}
if [ ! -x "$python" ]; then
  echo "fixtures.sh: no oracle interpreter at $python; run tools/oracle/setup.sh first (or set ORACLE_PYTHON)." >&2
  exit 2
fi
mkdir -p target/oracle src/test/resources/oracle
tools/java-with-tests "$@" backprop.harness.reference.OracleCases fixtures target/oracle/fixture-cases.json
"$python" tools/oracle/pytorch_oracle.py target/oracle/fixture-cases.json src/test/resources/oracle/pytorch-fixtures.json
ls -l src/test/resources/oracle/pytorch-fixtures.json
