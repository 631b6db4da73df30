package org.rogatory.registry.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import org.rogatory.registry.api.Bodies.CompatibilityAnswer;
import org.rogatory.registry.domain.Registrar;

import java.util.List;

/** {@code /compatibility}: tests a schema without registering it (Confluent's CompatibilityResource). */
@Controller("/compatibility")
@Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
@Consumes({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.GENERIC_REQUEST})
class CompatibilityController {

    private final Registrar registrar;

    CompatibilityController(Registrar registrar) {
        this.registrar = registrar;
    }

    @Post("/subjects/{subject}/versions/{version}")
    CompatibilityAnswer againstVersion(@PathVariable String subject, @PathVariable String version,
                                       @QueryValue(defaultValue = "false") boolean verbose, @Nullable @Body String body) {
        return answer(registrar.checkCompatibility(subject, version, RequestBodies.schema(body), verbose), verbose);
    }

    @Post("/subjects/{subject}/versions")
    CompatibilityAnswer againstSubject(@PathVariable String subject, @QueryValue(defaultValue = "false") boolean verbose,
                                       @Nullable @Body String body) {
        return answer(registrar.checkCompatibility(subject, null, RequestBodies.schema(body), verbose), verbose);
    }

    private static CompatibilityAnswer answer(List<String> incompatibilities, boolean verbose) {
        return new CompatibilityAnswer(incompatibilities.isEmpty(), verbose ? incompatibilities : null);
    }
}
