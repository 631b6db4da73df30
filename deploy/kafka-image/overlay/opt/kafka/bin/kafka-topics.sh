#!/bin/bash
# As in the official image: kafka-topics.sh --bootstrap-server localhost:9092 --list
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.TopicCommand "$@"
