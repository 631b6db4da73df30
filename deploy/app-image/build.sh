#!/bin/bash
# Builds the application image rogatory/app:<project version> (and :latest) without any image
# registry, like deploy/kafka-image/build.sh: a JRE jlink'd from the local JDK 25, the CLI jar
# Maven built (services/simulator/target/rogatory.jar: every service, `rogatory service NAME`),
# the scenarios, busybox-static (shell, and wget for healthchecks) and the glibc libraries the JRE
# and the jar's native libraries (RocksDB, zstd, lz4, snappy) link against, packed into a root
# filesystem and loaded with `tar | docker import`.
#
#   deploy/app-image/build.sh            build unless the image holds the current jar already
#   deploy/app-image/build.sh --force    rebuild
#
# Needs a running Docker daemon, JDK 25 (deploy/find-jdk.sh) and the jar:
#   ./mvnw -B -q -pl services/simulator -am package -Dmaven.test.skip=true
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$here/build
rootfs=$build/rootfs
jar=$repo/services/simulator/target/rogatory.jar
# the project's version: the first <version> after </parent> (awk reads the file itself: an early-exiting
# reader at the end of a pipe would kill the writer with SIGPIPE, which pipefail turns into a failure)
version=$(awk '/<\/parent>/ { after = 1 } after && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$repo/pom.xml")
image=rogatory/app:$version
uid=10001

. "$repo/deploy/image-build.sh"
image_build_options "$@"
if [ ! -f "$jar" ]; then
  echo "build.sh: $jar is missing; build it first: ./mvnw -B -q -pl services/simulator -am package -Dmaven.test.skip=true" >&2
  exit 1
fi
# The image is labelled with the digest of the jar it holds: a newer jar rebuilds it, so a test or
# a compose stack never runs yesterday's code under today's tag.
digest=$(sha256sum "$jar" | cut -c1-64)
if ! $force && [ "$(docker image inspect -f '{{index .Config.Labels "org.rogatory.jar-sha256"}}' "$image" 2>/dev/null)" = "$digest" ]; then
  echo "build.sh: $image holds the current jar (use --force to rebuild)"
  exit 0
fi

started=$(date +%s)
. "$repo/deploy/find-jdk.sh"
echo "build.sh: building $image with the JDK at $JAVA_HOME"

image_busybox

rm -rf "$build"
mkdir -p "$rootfs"/{bin,etc,tmp,opt/rogatory,home/rogatory} "$build/native"
# Writable whatever the uid (Kubernetes may run the image under an arbitrary one): /tmp holds the
# Streams state (state.dir) and the extracted native libraries, the home the run reports (out/).
chmod 1777 "$rootfs/tmp" "$rootfs/home/rogatory"

cp "$jar" "$rootfs/opt/rogatory/rogatory.jar"
# The ready exercises, so that `service authorities --scenario /opt/rogatory/scenarios/…` and `demo`
# work from the image alone (Kubernetes); docker-compose.yml mounts the working copy over them.
cp -r "$repo/scenarios" "$rootfs/opt/rogatory/scenarios"

# busybox: sh, and wget for the healthchecks (`wget -q -O- http://127.0.0.1:8080/health`).
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
done

echo "build.sh: jlink JRE"
# Modules: what `jdeps --print-module-deps --ignore-missing-deps` finds in the jar (java.compiler
# left out: only annotation processors use it), plus modules loaded by name at run time: JAAS
# login modules for Kafka's SASL (jdk.security.auth), charsets, the zip filesystem, DNS names
# (jdk.naming.dns, Netty and JNDI). jdeps over the 141 MB jar takes 20 s, so the list is written
# out; re-run it after a dependency change.
"$JAVA_HOME/bin/jlink" \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.security.auth,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
  --output "$rootfs/opt/java"
rm "$rootfs/opt/java/lib/server/classes_nocoops.jsa"

# glibc and the rest that the JRE and the jar's Linux x86-64 native libraries (extracted to /tmp
# at run time) link against, at the paths ldd reports; libgcc_s is loaded by glibc at run time.
(cd "$build/native" && unzip -q -o "$jar" 'librocksdbjni-linux64.so' 'linux/amd64/*.so' \
  'net/jpountz/util/linux/amd64/*.so' 'org/xerial/snappy/native/Linux/x86_64/*.so')
{
  for f in $(find "$rootfs/opt/java" "$build/native" -type f \( -name '*.so' -o -path '*/bin/*' \)); do
    ldd "$f" 2>/dev/null | grep -o '/[^ ]*' | grep -v "^$rootfs" || true
  done
  echo /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
} | sort -u | while read -r lib; do cp --parents -L "$lib" "$rootfs/"; done

printf 'root:x:0:0:root:/root:/bin/sh\nrogatory:x:%s:%s:rogatory:/home/rogatory:/bin/sh\n' $uid $uid > "$rootfs/etc/passwd"
printf 'root:x:0:\nrogatory:x:%s:\n' $uid > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"

echo "build.sh: docker import"
previous=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
# Exec form: the JVM is PID 1 and receives SIGTERM (docker stop, Kubernetes), so the services'
# shutdown hook closes their streams cleanly. JAVA_TOOL_OPTIONS adds JVM options (heap...).
tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -c . \
  | docker import \
    --change 'ENV PATH=/opt/java/bin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV ROGATORY_HTTP_HOST=0.0.0.0' \
    --change 'ENV SCHEMA_REGISTRY_HOST=0.0.0.0' \
    --change "LABEL org.rogatory.jar-sha256=$digest" \
    --change "LABEL org.opencontainers.image.version=$version" \
    --change "USER $uid:$uid" \
    --change 'WORKDIR /home/rogatory' \
    --change 'EXPOSE 8080 8081' \
    --change 'ENTRYPOINT ["/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.rogatory.contracts", "-Drogatory.home=/opt/rogatory", "-jar", "/opt/rogatory/rogatory.jar"]' \
    --change 'CMD ["--help"]' \
    --message "rogatory application $version (deploy/app-image/build.sh)" \
    - "$image" >/dev/null
docker tag "$image" rogatory/app:latest
if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect -f '{{.Id}}' "$image")" ]; then
  docker rmi "$previous" >/dev/null 2>&1 || true
fi
rm -rf "$build"

size=$(docker image inspect -f '{{.Size}}' "$image")
echo "build.sh: $image built in $(( $(date +%s) - started )) s, $(( size / 1000000 )) MB"
