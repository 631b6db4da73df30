package org.rogatory.simulator.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks an external broker and registry answer before anything starts, with one clear message if not. */
final class ExternalEndpoints {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ExternalEndpoints() {
    }

    static void check(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("invalid --bootstrap-servers '" + bootstrapServers + "': " + e.getMessage());
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registryUrl.split(",")[0].trim() + "/subjects"))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the schema registry at " + registryUrl + " answered HTTP "
                    + response.statusCode() + " to GET /subjects");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot reach the schema registry at " + registryUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static long recordCount(Admin admin, String topic) {
        try {
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            var first = admin.listOffsets(earliest).all().get();
            var last = admin.listOffsets(latest).all().get();
            return last.entrySet().stream().mapToLong(e -> e.getValue().offset() - first.get(e.getKey()).offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
