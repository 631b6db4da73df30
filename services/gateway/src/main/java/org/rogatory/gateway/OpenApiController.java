package org.rogatory.gateway;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /api/v1/openapi.yml}: the API's OpenAPI document, written from the controllers when the gateway is built. */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
@OpenAPIDefinition(info = @Info(title = "rogatory-gateway", version = "v1",
    description = "Submit cooperation requests and read cases (docs/api.md)."))
public class OpenApiController {

    /** Where micronaut-openapi writes the document: META-INF/swagger/{title}-{version}.yml. */
    static final String DOCUMENT = "META-INF/swagger/rogatory-gateway-v1.yml";
    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: the build writes it");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }

    @Hidden
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(uri = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<String> document() {
        return HttpResponse.ok(document);
    }
}
