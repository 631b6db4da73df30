# Sourced by ./mvnw, ./rogatory and .ci/run (POSIX sh): exports JAVA_HOME pointing at a JDK 25,
# because the machine's default java may be older. Order: JAVA_HOME if it is 25, then the usual
# JDK folders; otherwise one line saying what to install, and exit 1.
rogatory_is_jdk25() { [ -x "$1/bin/java" ] && grep -q '^JAVA_VERSION="25' "$1/release" 2>/dev/null; }
if [ -n "${JAVA_HOME:-}" ] && rogatory_is_jdk25 "$JAVA_HOME"; then
  :
else
  rogatory_jdk=""
  case $- in *f*) rogatory_noglob=1; set +f ;; *) rogatory_noglob= ;; esac
  for d in /usr/lib/jvm/*25* /usr/lib/jvm/*-25 /opt/java/*25* /opt/jdk*25* "$HOME"/.sdkman/candidates/java/25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if rogatory_is_jdk25 "$d"; then rogatory_jdk=$d; break; fi
  done
  [ -z "$rogatory_noglob" ] || set -f
  if [ -z "$rogatory_jdk" ]; then
    echo "rogatory: JDK 25 not found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm/*25*): install a JDK 25, e.g. Temurin 25, and set JAVA_HOME" >&2
    exit 1
  fi
  JAVA_HOME=$rogatory_jdk
fi
export JAVA_HOME
PATH="$JAVA_HOME/bin:$PATH"
export PATH
