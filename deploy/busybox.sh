# Sourced by both image builds (bash): sets $busybox to busybox-static's binary (a shell and the
# tools healthchecks and Testcontainers use inside the images), installing the package with
# apt-get when it is missing (as root).
if [ "$(dpkg-query -W -f='${Status}' busybox-static 2>/dev/null)" != "install ok installed" ]; then
  echo "build.sh: installing busybox-static"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q busybox-static </dev/null >/dev/null \
    || { apt-get update -q >/dev/null && apt-get install -y -q busybox-static </dev/null >/dev/null; }
fi
busybox=$(dpkg -L busybox-static | grep '/bin/busybox$')
busybox=${busybox%%$'\n'*}
