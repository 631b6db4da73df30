/**
 * Test fixtures shared by the services: a real Kafka broker in Docker from the offline image
 * {@code rogatory/kafka:4.2.0} (built by {@code deploy/kafka-image/build.sh}, never pulled, since
 * no image registry is reachable), the Docker check that skips locally but fails on CI, and the
 * Erlang C formulas the simulated nodes are checked against.
 */
package org.rogatory.testing;
