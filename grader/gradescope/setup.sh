#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu). It
# installs Java 17 and Maven, then builds the grader and fetches its libraries, so that each
# submission is graded offline. The autograder zip unpacks to /autograder/source.
set -euo pipefail
source_dir="${AUTOGRADER_ROOT:-/autograder}/source"
if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven
fi
command -v mvn >/dev/null || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven; }
# A zip made on another system may not carry the executable bits.
chmod +x "$source_dir/run_autograder" "$source_dir"/grader/grade "$source_dir"/grader/setup 2>/dev/null || true
[ -f "${AUTOGRADER_ROOT:-/autograder}/run_autograder" ] && chmod +x "${AUTOGRADER_ROOT:-/autograder}/run_autograder"
"$source_dir/grader/setup"
