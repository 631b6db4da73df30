package org.rogatory.timer;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.CaseView;
import org.rogatory.platform.service.ServiceStreams;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.topology.CaseRecords;
import org.rogatory.timer.topology.CaseTimerTopology;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A case's current view from the timer's store, whichever instance of the timer holds it: the
 * Streams metadata names the instance ({@code application.server}) whose task owns the case's
 * partition; this one answers from its own store or asks that one over HTTP.
 */
@Singleton
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseViews {

    private final ServiceStreams services;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public CaseViews(ServiceStreams services) {
        this.services = services;
    }

    /** The case as JSON, empty if no instance knows it (or its partition is being restored). */
    public Optional<String> json(String caseId) {
        KafkaStreams streams = services.streams(CaseTimerStream.NAME);
        KeyQueryMetadata owner = streams.queryMetadataForKey(CaseTimerTopology.CASE_FILES_STORE, caseId,
            Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self())) {
            return local(caseId).map(CaseView::toString);
        }
        return remote(owner.activeHost(), caseId);
    }

    /** The case from this instance's store only. */
    public Optional<CaseView> local(String caseId) {
        try {
            ReadOnlyKeyValueStore<String, CaseFile> files = services.streams(CaseTimerStream.NAME).store(
                StoreQueryParameters.fromNameAndType(CaseTimerTopology.CASE_FILES_STORE,
                    QueryableStoreTypes.<String, CaseFile>keyValueStore()));
            return Optional.ofNullable(files.get(caseId)).map(CaseRecords::view);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // rebalancing or restoring: not queryable here right now
        }
    }

    private Optional<String> remote(HostInfo host, String caseId) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + CaseController.PATH + "/"
            + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20") + "?local=true");
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                return Optional.empty();
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the case timer at " + host + " answered " + answer.statusCode());
            }
            return Optional.of(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the case timer at " + host + " that holds " + caseId + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HostInfo self() {
        String server = services.configuration(CaseTimerStream.NAME).getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
        return server.isBlank() ? HostInfo.unavailable() : HostInfo.buildFromEndpoint(server);
    }
}
