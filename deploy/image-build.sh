# Sourced by both image builds (bash), which share their start and their busybox.
#   image_build_options "$@"   sets force=true for --force, refuses anything else; needs a Docker daemon
#   image_busybox              sets $busybox to busybox-static's binary (a shell and the tools
#                              healthchecks and Testcontainers use inside the images), installing
#                              the package with apt-get when it is missing (as root)
image_build_options() {
  force=false
  case "${1:-}" in
    --force) force=true ;;
    "") ;;
    *) echo "usage: $0 [--force]" >&2; exit 2 ;;
  esac
  if ! docker info >/dev/null 2>&1; then
    echo "build.sh: no Docker daemon answers (docker info failed); start dockerd, or run .ci/run, which does" >&2
    exit 1
  fi
}

image_busybox() {
  if [ "$(dpkg-query -W -f='${Status}' busybox-static 2>/dev/null)" != "install ok installed" ]; then
    echo "build.sh: installing busybox-static"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q busybox-static </dev/null >/dev/null \
      || { apt-get update -q >/dev/null && apt-get install -y -q busybox-static </dev/null >/dev/null; }
  fi
  busybox=$(dpkg -L busybox-static | grep '/bin/busybox$')
  busybox=${busybox%%$'\n'*}
}
