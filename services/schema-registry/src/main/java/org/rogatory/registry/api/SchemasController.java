package org.rogatory.registry.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import org.rogatory.registry.api.Bodies.SchemaAnswer;
import org.rogatory.registry.api.Bodies.SubjectVersion;
import org.rogatory.registry.domain.Registrar;
import org.rogatory.registry.domain.SchemaVersion;

import java.util.List;

/** {@code /schemas}: Confluent's SchemasResource, the id lookups deserializers live on. */
@Controller("/schemas")
@Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class SchemasController {

    private final Registrar registrar;

    SchemasController(Registrar registrar) {
        this.registrar = registrar;
    }

    @Get("/ids/{id}")
    SchemaAnswer byId(@PathVariable String id) {
        return SchemaAnswer.text(registrar.byId(id));
    }

    @Get("/ids/{id}/schema")
    String schemaText(@PathVariable String id) {
        return registrar.byId(id).schema();
    }

    @Get("/ids/{id}/subjects")
    List<String> subjects(@PathVariable String id, @QueryValue(defaultValue = "false") boolean deleted) {
        return registrar.subjectsOf(id, deleted);
    }

    @Get("/ids/{id}/versions")
    List<SubjectVersion> versions(@PathVariable String id, @QueryValue(defaultValue = "false") boolean deleted) {
        return registrar.versionsOf(id, deleted).stream().map(v -> new SubjectVersion(v.subject(), v.version())).toList();
    }

    /** Only Avro: JSON Schema and Protobuf registrations are refused with 42201. */
    @Get("/types")
    List<String> types() {
        return List.of(SchemaVersion.AVRO);
    }
}
