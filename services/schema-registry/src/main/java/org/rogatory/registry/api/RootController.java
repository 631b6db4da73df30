package org.rogatory.registry.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import org.rogatory.registry.api.Bodies.ModeAnswer;

import java.util.Map;

/** {@code /} (an empty object, Confluent's liveness answer) and {@code /mode}. */
@Controller
@Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class RootController {

    @Get
    Map<String, Object> root() {
        return Map.of();
    }

    /** Always READWRITE: IMPORT and READONLY modes are not offered. */
    @Get("/mode")
    ModeAnswer mode() {
        return new ModeAnswer("READWRITE");
    }
}
