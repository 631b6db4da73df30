#!/bin/bash
# Builds the Docker image rogatory/kafka:4.2.0 without any image registry (none is reachable from
# these machines): a JRE jlink'd from the local JDK 25, busybox-static and bash from Debian, the
# broker's jars from Maven Central, and overlay/ (start script with the apache/kafka image's
# conventions), packed into a root filesystem and loaded with `tar | docker import`.
#
#   deploy/kafka-image/build.sh            build unless the image exists already
#   deploy/kafka-image/build.sh --force    rebuild
#
# Needs a running Docker daemon, JDK 25 (deploy/find-jdk.sh) and Maven Central (./mvnw).
# Installs busybox-static with apt-get when it is missing (as root).
set -euo pipefail

image=rogatory/kafka:4.2.0
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$here/build
rootfs=$build/rootfs

. "$repo/deploy/image-build.sh"
image_build_options "$@"
if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
  echo "build.sh: $image exists (use --force to rebuild)"
  exit 0
fi

started=$(date +%s)
. "$repo/deploy/find-jdk.sh"
echo "build.sh: building $image with the JDK at $JAVA_HOME"

image_busybox

rm -rf "$rootfs" "$build/libs"
mkdir -p "$rootfs"/{bin,etc,root,tmp,opt/kafka/libs,var/lib/kafka/data}
chmod 1777 "$rootfs/tmp"

echo "build.sh: Kafka jars (deploy/kafka-image/pom.xml)"
"$repo/mvnw" -q -B -f "$here/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$build/libs"
cp "$build"/libs/*.jar "$rootfs/opt/kafka/libs/"

# busybox gives the shell tools (Testcontainers runs `sh -c` and a wait loop); bash runs the start
# scripts (Testcontainers writes its own as #!/bin/bash).
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
done
cp /bin/bash "$rootfs/bin/bash"

echo "build.sh: jlink JRE"
# Modules: what `jdeps --print-module-deps` finds in the broker's jars (java.compiler left out: only
# log4j's annotation processor uses it), plus modules loaded by name at run time: JAAS login
# modules (jdk.security.auth), the JMX platform beans (jdk.management), charsets, zip filesystem.
# A class data sharing archive makes the two JVM starts per container faster.
"$JAVA_HOME/bin/jlink" \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.management,jdk.security.auth,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
  --output "$rootfs/opt/java"
# The heap stays far below 32 GB, so the archive for uncompressed object pointers is never used.
rm "$rootfs/opt/java/lib/server/classes_nocoops.jsa"

# glibc and whatever else bash and the JRE link against, at the paths ldd reports; libgcc_s is
# loaded by glibc at run time (thread exit/unwinding), so ldd does not list it.
{
  for f in "$rootfs/bin/bash" $(find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \)); do
    ldd "$f" 2>/dev/null | grep -o '/[^ ]*' | grep -v "^$rootfs" || true
  done
  echo /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
} | sort -u | while read -r lib; do cp --parents -L "$lib" "$rootfs/"; done

printf 'root:x:0:0:root:/root:/bin/bash\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\n' > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
cp -a "$here/overlay/." "$rootfs/"

echo "build.sh: docker import"
previous=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/opt/kafka/bin:/opt/java/bin:/usr/bin:/bin' \
  --change 'ENV JAVA_HOME=/opt/java' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'WORKDIR /opt/kafka' \
  --change 'EXPOSE 9092' \
  --change 'CMD ["/etc/kafka/docker/run"]' \
  --message "rogatory offline Kafka 4.2.0 (deploy/kafka-image/build.sh)" \
  - "$image" >/dev/null
# A rebuild leaves the previous image untagged; drop it unless a container still uses it.
if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect -f '{{.Id}}' "$image")" ]; then
  docker rmi "$previous" >/dev/null 2>&1 || true
fi

size=$(docker image inspect -f '{{.Size}}' "$image")
echo "build.sh: $image built in $(( $(date +%s) - started )) s, $(( size / 1000000 )) MB"
