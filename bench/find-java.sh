#!/usr/bin/env bash
# Prints a java executable of version >= 21: $JAVA_HOME, then PATH, then /usr/lib/jvm/*. Fails with one line.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then echo "$candidate"; exit 0; fi
  fi
done
echo "no JDK >= 21 found: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it" >&2
exit 1
