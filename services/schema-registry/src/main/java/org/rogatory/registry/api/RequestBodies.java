package org.rogatory.registry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rogatory.registry.api.Bodies.ConfigUpdate;
import org.rogatory.registry.api.Bodies.Reference;
import org.rogatory.registry.api.Bodies.SchemaBody;
import org.rogatory.registry.domain.RegistryException;
import org.rogatory.registry.domain.SchemaRequest;

import java.util.List;

/**
 * Reads request bodies as Confluent's Jersey resources do. A body that is not JSON, or whose JSON
 * does not fit the request type, is 400 with error code 400 and Jackson's own message (Confluent
 * rest-utils JsonParseExceptionMapper and JsonMappingExceptionMapper); a missing body is 422 with
 * error code 422 (rest-utils ConstraintViolationExceptionMapper on the {@code @NotNull} request).
 */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RequestBodies() {
    }

    static SchemaRequest schema(String body) {
        SchemaBody parsed = read(body, SchemaBody.class);
        List<Reference> references = parsed.references() == null ? List.of() : parsed.references();
        return new SchemaRequest(parsed.schema(), parsed.schemaType(), references.stream().map(Reference::toDomain).toList());
    }

    static String compatibility(String body) {
        return read(body, ConfigUpdate.class).compatibility();
    }

    private static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new RegistryException(422, 422, "The request body is required");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new RegistryException(422, 422, "The request body is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, e.getOriginalMessage());
        }
    }
}
