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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.rogatory.registry.api.Bodies.Registered;
import org.rogatory.registry.api.Bodies.SchemaAnswer;
import org.rogatory.registry.domain.RegistryState;
import org.rogatory.registry.domain.Registrar;

import java.util.List;

/** {@code /subjects}: Confluent's SubjectsResource and SubjectVersionsResource. */
// writes wait for Kafka (or the leader): off the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/subjects")
@Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.GENERIC_REQUEST})
class SubjectsController {

    private final Registrar registrar;
    private final RegistryState state;
    private final WriteRouting writes;

    SubjectsController(Registrar registrar, RegistryState state, WriteRouting writes) {
        this.registrar = registrar;
        this.state = state;
        this.writes = writes;
    }

    @Get
    List<String> subjects(@QueryValue(defaultValue = "false") boolean deleted,
                          @QueryValue(defaultValue = "") String subjectPrefix) {
        return state.subjects(deleted).stream().filter(subject -> subject.startsWith(subjectPrefix)).toList();
    }

    /** Which version of the subject holds this schema: 40401 without the subject, 40403 without the schema. */
    @Post("/{subject}")
    SchemaAnswer lookup(@PathVariable String subject, @QueryValue(defaultValue = "false") boolean deleted,
                        @Nullable @Body String body) {
        return SchemaAnswer.placed(registrar.lookup(subject, RequestBodies.schema(body), deleted));
    }

    @Delete("/{subject}")
    HttpResponse<?> deleteSubject(HttpRequest<?> request, @PathVariable String subject,
                                  @QueryValue(defaultValue = "false") boolean permanent) {
        return writes.write(request, null, r -> r.deleteSubject(subject, permanent), versions -> versions);
    }

    @Get("/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @QueryValue(defaultValue = "false") boolean deleted) {
        return registrar.versions(subject, deleted);
    }

    @Post("/{subject}/versions")
    HttpResponse<?> register(HttpRequest<?> request, @PathVariable String subject, @Nullable @Body String body) {
        return writes.write(request, body, r -> r.register(subject, RequestBodies.schema(body)), Registered::new);
    }

    @Get("/{subject}/versions/{version}")
    SchemaAnswer version(@PathVariable String subject, @PathVariable String version,
                         @QueryValue(defaultValue = "false") boolean deleted) {
        return SchemaAnswer.placed(registrar.version(subject, version, deleted));
    }

    /** The schema text alone, unquoted. */
    @Get("/{subject}/versions/{version}/schema")
    String schemaText(@PathVariable String subject, @PathVariable String version,
                      @QueryValue(defaultValue = "false") boolean deleted) {
        return registrar.version(subject, version, deleted).schema();
    }

    @Get("/{subject}/versions/{version}/referencedby")
    List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
        return registrar.referencedBy(subject, version);
    }

    @Delete("/{subject}/versions/{version}")
    HttpResponse<?> deleteVersion(HttpRequest<?> request, @PathVariable String subject, @PathVariable String version,
                                  @QueryValue(defaultValue = "false") boolean permanent) {
        return writes.write(request, null, r -> r.deleteVersion(subject, version, permanent), deleted -> deleted);
    }
}
