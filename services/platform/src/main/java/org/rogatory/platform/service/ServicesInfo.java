package org.rogatory.platform.service;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /info}: the version and, per enabled stream service, its application id and inputs. */
@Singleton
class ServicesInfo implements InfoSource {

    private final ServiceStreams streams;

    ServicesInfo(ServiceStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        Map<String, Object> services = new LinkedHashMap<>();
        streams.services().forEach(s -> services.put(s.name(),
            Map.of("applicationId", streams.applicationId(s.name()), "inputs", s.inputTopics())));
        String version = ServicesInfo.class.getPackage().getImplementationVersion();
        return Publishers.just(new MapPropertySource("rogatory", Map.of("rogatory",
            Map.of("version", version == null ? "development" : version, "services", services))));
    }
}
