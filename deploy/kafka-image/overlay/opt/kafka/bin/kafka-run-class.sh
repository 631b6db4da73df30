#!/bin/bash
# Runs a Kafka tool class with the image's jars: kafka-run-class.sh <main class> [args...]
exec java -Xmx256m -XX:TieredStopAtLevel=1 \
  -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties \
  -cp "/opt/kafka/libs/*" "$@"
