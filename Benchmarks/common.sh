# Steps shared by Benchmarks/run and Benchmarks/tpch/run; sourced, not run. Logs go to stderr.

log() { echo "bench: $*" >&2; }

# Prints the path of a release insq built from the repository at $1 (scratch path .build-bench).
build_insq() {
    local repo="$1"
    [ -x "$repo/scripts/ensure-deps" ] && "$repo/scripts/ensure-deps"
    log "building insq (release, .build-bench; the first build takes a few minutes)"
    (cd "$repo" && swift build -c release --product insq --scratch-path .build-bench >&2) || return 1
    echo "$repo/.build-bench/release/insq"
}

# Prints $1 as an absolute path.
absolute_path() {
    echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}

# Makes the venv $1 with the pinned packages of the requirements text $2 from PyPI; does nothing when the venv
# already has exactly those (it keeps a copy of the text as requirements.installed).
ensure_venv() {
    local venv="$1" requirements="$2"
    if [ "$requirements" != "$(cat "$venv/requirements.installed" 2>/dev/null)" ]; then
        log "creating $venv"
        rm -rf "$venv"
        python3 -m venv "$venv"
        printf '%s\n' "$requirements" > "$venv/requirements.txt"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$venv/requirements.txt" >&2
        printf '%s\n' "$requirements" > "$venv/requirements.installed"
    fi
}

# Prints the label of the results: "insq <commit>", with "+dirty" when Sources or Package.swift have changes.
insq_label() {
    local repo="$1" commit
    commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [ -n "$(git -C "$repo" status --porcelain -- Sources Package.swift 2>/dev/null)" ] && commit="$commit+dirty"
    echo "insq $commit"
}
