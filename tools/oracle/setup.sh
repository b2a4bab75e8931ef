#!/usr/bin/env bash
# Makes a Python venv with PyTorch (CPU) for the oracle, from a wheel already on this machine.
#   tools/oracle/setup.sh            venv in tools/oracle/.venv (git-ignored)
#   TORCH_WHEEL=/path/torch-….whl    use that wheel instead of searching
#   PYTHON=python3.11                the interpreter the venv is made from (must match the wheel)
# See docs/ORACLE.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${ORACLE_VENV:-$here/.venv}
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null; then
  echo "setup.sh: no $python on PATH. Install Python 3 (3.10 or newer) or set PYTHON=/path/to/python3." >&2
  exit 2
fi
tag=$("$python" -c 'import sys; print("cp%d%d" % sys.version_info[:2])') || {
  echo "setup.sh: $python does not run. Set PYTHON=/path/to/python3 (3.10 or newer)." >&2
  exit 2
}

wheel=${TORCH_WHEEL:-}
if [ -z "$wheel" ]; then
  # Usual places first; a search of the whole disk only when they hold none.
  for dir in /opt/wheels "$HOME/wheels" "$HOME/Downloads" "$here/wheels"; do
    [ -d "$dir" ] || continue
    wheel=$(ls "$dir"/torch-*-"$tag"-*.whl 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$wheel" ] && break
  done
fi
if [ -z "$wheel" ]; then
  wheel=$(find / -xdev -name "torch-*-$tag-*.whl" 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$wheel" ] || [ ! -f "$wheel" ]; then
  others=$(find / -xdev -name 'torch-*.whl' 2>/dev/null | head -n 5 || true)
  cat >&2 <<EOF
setup.sh: no PyTorch wheel for $tag ($("$python" --version 2>&1)) found on this machine.
${others:+Wheels for other Pythons were found:
$others
Run again with PYTHON= set to the matching interpreter (cp311 means python3.11).
}What to do, any one of:
  - put a CPU wheel (torch-<version>+cpu-$tag-…-linux_x86_64.whl) in /opt/wheels or ~/wheels and run this again;
  - run this again with TORCH_WHEEL=/path/to/torch-….whl;
  - where PyPI is reachable: $python -m venv $venv && $venv/bin/pip install torch (the CPU build is enough).
The committed fixtures do not need PyTorch: only regenerating them and the soak do.
EOF
  exit 2
fi
echo "setup.sh: PyTorch wheel $wheel"

"$python" -m venv "$venv"
pip=("$venv/bin/pip" --disable-pip-version-check --quiet --retries 0 --timeout 15)
# torch's wheel lists sympy, networkx, jinja2, fsspec, filelock and setuptools, but importing it
# and running autograd needs only typing_extensions (the rest serve torch.compile and export).
# So torch goes in without its dependencies, and typing_extensions from beside the wheel, this
# machine's package index, or the system's own copy, whichever works first.
"${pip[@]}" install --no-deps "$wheel"
if ! "$venv/bin/python" -c 'import typing_extensions' 2>/dev/null; then
  "${pip[@]}" install --no-index --find-links "$(dirname "$wheel")" typing_extensions 2>/dev/null \
    || "${pip[@]}" install typing_extensions 2>/dev/null \
    || { src=$("$python" -c 'import typing_extensions; print(typing_extensions.__file__)' 2>/dev/null) \
         && cp "$src" "$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/"; } \
    || { echo "setup.sh: torch is installed but typing_extensions is not, and no copy was found." \
              "Put a typing_extensions wheel next to $wheel and run this again." >&2; exit 2; }
fi

"$venv/bin/python" - <<'EOF'
import warnings
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")  # numpy is optional
import torch
x = torch.tensor([-1.0, 2.0], dtype=torch.float64, requires_grad=True)
torch.nn.functional.leaky_relu(x, 0.01).sum().backward()
assert x.grad.tolist() == [0.01, 1.0], x.grad
print("setup.sh: PyTorch %s ready; float64 autograd works" % torch.__version__)
EOF
echo "setup.sh: interpreter $venv/bin/python"
