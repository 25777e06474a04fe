#!/usr/bin/env bash
# Speed check: runs Benchmarks/Speed/run.sh, which times PerfGate's Mann–Whitney, Hodges–Lehmann
# and `bench compare` on 1,000 × 1,000 synthetic files in release, beside scipy's mannwhitneyu in
# the same run. The figures are printed for the log, never asserted (CI machines are shared); the
# check fails only if something does not build or run. Installs numpy and scipy into .venv-speed
# when the system python3 lacks them.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v python3 >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
fi
python=python3
if ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  if [ ! -x .venv-speed/bin/python ]; then
    python3 -m venv .venv-speed || {
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
      python3 -m venv .venv-speed
    }
  fi
  .venv-speed/bin/pip install --quiet numpy scipy
  python=.venv-speed/bin/python
fi

echo "speed: timing perfgate-speed and scipy (figures only, nothing asserted)"
PYTHON=$python bash Benchmarks/Speed/run.sh
echo "speed: ok (perfgate-speed and scipy_mannwhitney.py ran; figures above)"
