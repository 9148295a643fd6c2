#!/usr/bin/env bash
# Runs the image built by `mvn -Pimage package` without a container engine, to check it on a machine that
# has none: unpacks the layers of the docker-load tarball into a directory and starts the image's
# entrypoint there as its user, with its environment and working directory, in new mount and process
# namespaces (chroot; the host's network, like `docker run --network host`). Needs root.
# Usage: run-unpacked.sh IMAGE_TAR ROOTFS_DIR [ENV=VALUE…] [-- ARG…]
set -euo pipefail
tarball="$(realpath "$1")"; rootfs="$2"; shift 2
extra_env=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do extra_env+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift

rm -rf "$rootfs"; mkdir -p "$rootfs/.image"
tar -xf "$tarball" -C "$rootfs/.image"
read_config() { python3 - "$rootfs/.image" "$1" <<'PY'
import json, sys, os
d, what = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(d, "manifest.json")))[0]
c = json.load(open(os.path.join(d, m["Config"])))["config"]
if what == "layers": print("\n".join(m["Layers"]))
elif what == "env": print("\n".join(c.get("Env", [])))
elif what == "entrypoint": print("\n".join(c.get("Entrypoint", []) + (c.get("Cmd") or [])))
elif what == "workdir": print(c.get("WorkingDir") or "/")
elif what == "user": print(c.get("User") or "0:0")
PY
}
while IFS= read -r layer; do tar -xzf "$rootfs/.image/$layer" -C "$rootfs" --numeric-owner -p; done < <(read_config layers)
mapfile -t env < <(read_config env)
mapfile -t entrypoint < <(read_config entrypoint)
workdir="$(read_config workdir)"; user="$(read_config user)"
rm -rf "$rootfs/.image"
mkdir -p "$rootfs/proc" "$rootfs/dev"
# what a container engine provides: /proc, the basic devices, the host's name resolution
[ -f /etc/resolv.conf ] && cp -L /etc/resolv.conf "$rootfs/etc/resolv.conf"
exec unshare --mount --pid --fork --propagation private bash -c '
  set -e; r="$1"; shift
  mount -t proc proc "$r/proc"
  mount --rbind /dev "$r/dev"
  exec "$@"' _ "$rootfs" \
  python3 -c '
import os, sys
root, workdir, user, nenv = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
env = dict(e.split("=", 1) for e in sys.argv[5:5 + nenv])
argv = sys.argv[5 + nenv:]
uid, _, gid = user.partition(":")
os.chroot(root); os.chdir(workdir)
os.setgroups([]); os.setgid(int(gid or uid)); os.setuid(int(uid))
os.execve(argv[0], argv, env)
' "$rootfs" "$workdir" "$user" $(( ${#env[@]} + ${#extra_env[@]} )) "${env[@]}" "${extra_env[@]}" "${entrypoint[@]}" "$@"
