#!/usr/bin/env bash
# Assembles the operating-system part of the container image into a directory that the image build adds
# on top of an empty ("scratch") base, so the image needs no base image from a registry:
#   /opt/java                  a Java runtime linked (jlink) from the JDK that builds the image
#   /lib/…, /lib64/…           the C libraries that runtime and the native code shipped in dependency
#                              jars (the gradient-boosting library) load, found with ldd
#   /etc/passwd, group, …      the unprivileged user the process runs as, name-service and time-zone basics
#   /app/data, /tmp            writable directories (the embedded H2 database, temporary files)
# Usage: assemble-runtime.sh JAVA_HOME OUTPUT_DIR CLASSPATH_FILE
set -euo pipefail
java_home="$1"; out="$2"; classpath_file="$3"
if [ "$(uname -m)" != x86_64 ]; then
  echo "the image is assembled from this machine's libraries and is x86-64 only; this machine is $(uname -m)" >&2
  exit 1
fi
for tool in ldd unzip; do
  command -v "$tool" >/dev/null || { echo "assembling the image needs $tool" >&2; exit 1; }
done

# Only modules of the Java SE platform and the few JDK modules that libraries reach for (sun.misc.Unsafe,
# JMX, DNS naming, locale data, zip file systems, extra charsets and crypto providers, JFR).
modules=java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.localedata,jdk.zipfs,jdk.charsets,\
jdk.crypto.cryptoki,jdk.net,jdk.jfr,jdk.security.auth,jdk.security.jgss

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/app/data" "$out/tmp" "$out/lib64" "$out/lib/x86_64-linux-gnu"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$out/opt/java"
# The process is headless: the X11 toolkit, sound and splash-screen libraries are never loaded, and
# dropping them keeps X11 and ALSA libraries out of the image.
rm -f "$out"/opt/java/lib/{libawt_xawt,libjawt,libjsound,libsplashscreen}.so

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
objects=("$out/opt/java/bin/java")
while IFS= read -r -d '' so; do objects+=("$so"); done < <(find "$out/opt/java/lib" -name '*.so' -print0)
# native libraries that dependency jars carry and unpack at run time (linux, x86-64 only)
tr ':' '\n' < "$classpath_file" | while IFS= read -r jar; do
  [ -f "$jar" ] || continue
  if unzip -Z1 "$jar" 2>/dev/null | grep -Eq '(linux|Linux).*(x86_64|amd64).*\.so$'; then
    unzip -q -o "$jar" -d "$work/$(basename "$jar")" '*linux*x86_64*.so' '*linux*amd64*.so' '*Linux*amd64*.so' 2>/dev/null || true
  fi
done
while IFS= read -r -d '' so; do objects+=("$so"); done < <(find "$work" -name '*.so' -print0)

libs="$(for o in "${objects[@]}"; do ldd "$o" 2>/dev/null || true; done \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | grep -v "^$out/" | sort -u)"
missing="$(for o in "${objects[@]}"; do ldd "$o" 2>/dev/null || true; done | awk '$3 == "not" { print $1 }' \
  | grep -Ev '^lib(jvm|java|jli|net|nio|awt|verify|management|zip)\.so$' | sort -u || true)"
if [ -n "$missing" ]; then
  echo "libraries not found on this machine: $missing" >&2
  exit 1
fi
for lib in $libs; do
  cp -L "$lib" "$out/lib/x86_64-linux-gnu/$(basename "$lib")"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/ld-linux-x86-64.so.2"

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
finbridge:x:65532:65532:Finbridge:/app:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
finbridge:x:65532:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$out/etc/hosts"
echo "assembled $(du -sh "$out" | cut -f1) into $out ($(echo "$libs" | wc -l) shared libraries)" >&2
