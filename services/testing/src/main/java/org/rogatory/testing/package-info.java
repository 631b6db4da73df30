/**
 * Test fixtures shared by the services: a real Kafka broker in Docker from the offline image
 * {@code rogatory/kafka:4.2.0} (built by {@code deploy/kafka-image/build.sh}, never pulled, since
 * no image registry is reachable), and the Docker check that skips locally but fails on CI.
 */
package org.rogatory.testing;
