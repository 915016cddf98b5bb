# bench/lib.sh — shared by the bench scripts (sourced, not run): native Distributions on free 127.0.0.1 ports.
#
# Needs: die (the caller's), $work (a temporary directory the caller removes), curl.
# start_distribution [NAME] starts one (NAME, default "registry", names its config, storage and log in $work) and sets
# registry_bin, registry_pid, port and base, and appends to registry_pids and bases; stop_distribution stops every one
# started (call it from the caller's EXIT trap). Environment: REGCONFORM_DISTRIBUTION_BINARY (else registry or
# docker-registry on PATH).

registry_pid=""
registry_pids=()
bases=()

free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 12000))  # below the usual ephemeral range (32768-60999)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "found no free port on 127.0.0.1"
}

start_distribution() {
  local attempt name="${1:-registry}"
  for attempt in 1 2 3 4 5; do
    start_distribution_once "$name" && { registry_pids+=("$registry_pid"); bases+=("$base"); return; }
    grep -q "address already in use" "$work/$name.log" 2>/dev/null || break
  done
  cat "$work/$name.log" >&2
  die "Distribution did not start"
}

# Returns 1 when the registry exited (e.g. its port was taken meanwhile) or did not answer.
start_distribution_once() {
  local name="$1"
  registry_bin="${REGCONFORM_DISTRIBUTION_BINARY:-$(command -v registry || command -v docker-registry || true)}"
  [ -n "$registry_bin" ] && [ -x "$registry_bin" ] \
    || die "no Distribution binary: apt-get install docker-registry, or set REGCONFORM_DISTRIBUTION_BINARY"
  command -v curl >/dev/null || die "curl is needed to wait for the registry"
  port="$(free_port)"
  cat > "$work/$name.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: $work/$name-storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
  env -u REGISTRY_HTTP_ADDR "$registry_bin" serve "$work/$name.yml" >"$work/$name.log" 2>&1 &
  registry_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/v2/" || true)" = 200 ] && break
    kill -0 "$registry_pid" 2>/dev/null || { wait "$registry_pid" 2>/dev/null || true; registry_pid=""; return 1; }
    sleep 0.1
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/v2/")" = 200 ] || { kill "$registry_pid" 2>/dev/null; wait "$registry_pid" 2>/dev/null || true; registry_pid=""; return 1; }
}

stop_distribution() {
  local pid
  for pid in "${registry_pids[@]}" $registry_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  registry_pid=""
  registry_pids=()
}

machine_line() {
  echo "$(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
}
