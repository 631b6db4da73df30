package org.rogatory.registry.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.rogatory.registry.api.Bodies.ConfigAnswer;
import org.rogatory.registry.api.Bodies.ConfigUpdated;
import org.rogatory.registry.domain.Registrar;

/** {@code /config}: compatibility levels, registry-wide and per subject (Confluent's ConfigResource). */
// writes wait for Kafka (or the leader): off the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/config")
@Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.GENERIC_REQUEST})
class ConfigController {

    private final Registrar registrar;
    private final WriteRouting writes;

    ConfigController(Registrar registrar, WriteRouting writes) {
        this.registrar = registrar;
        this.writes = writes;
    }

    @Get
    ConfigAnswer global() {
        return new ConfigAnswer(registrar.globalLevel().name());
    }

    @Put
    HttpResponse<?> setGlobal(HttpRequest<?> request, @Nullable @Body String body) {
        return writes.write(request, body, r -> r.setLevel(null, RequestBodies.compatibility(body)),
            level -> new ConfigUpdated(level.name()));
    }

    @Delete
    HttpResponse<?> clearGlobal(HttpRequest<?> request) {
        return writes.write(request, null, r -> r.clearLevel(null), level -> new ConfigAnswer(level.name()));
    }

    /** 40408 when the subject has no level of its own, unless {@code defaultToGlobal=true}. */
    @Get("/{subject}")
    ConfigAnswer subject(@PathVariable String subject, @QueryValue(defaultValue = "false") boolean defaultToGlobal) {
        return new ConfigAnswer(registrar.subjectLevel(subject, defaultToGlobal).name());
    }

    @Put("/{subject}")
    HttpResponse<?> setSubject(HttpRequest<?> request, @PathVariable String subject, @Nullable @Body String body) {
        return writes.write(request, body, r -> r.setLevel(subject, RequestBodies.compatibility(body)),
            level -> new ConfigUpdated(level.name()));
    }

    @Delete("/{subject}")
    HttpResponse<?> clearSubject(HttpRequest<?> request, @PathVariable String subject) {
        return writes.write(request, null, r -> r.clearLevel(subject), level -> new ConfigAnswer(level.name()));
    }
}
