package org.rogatory.gateway;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A call the roster does not let through, as problem+json: 401 naming {@code Authorization} (no
 * token, or one not on the roster), 403 naming the role that may not call this endpoint.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AccessRefusals implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!exception.isForbidden()) {
            String detail = request.getHeaders().get(HttpHeaders.AUTHORIZATION) == null
                ? "Authorization: a bearer token of the exercise's roster is required (Authorization: Bearer <token>)"
                : "Authorization: the bearer token is not on this exercise's roster";
            return (MutableHttpResponse<?>) Problem.of(HttpStatus.UNAUTHORIZED, "not authenticated", detail, HttpHeaders.AUTHORIZATION)
                .toMutableResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Caller caller = Caller.of(exception.getAuthentication());
        return (MutableHttpResponse<?>) Problem.of(HttpStatus.FORBIDDEN, "not allowed for this role", "role: a "
            + caller.role() + (caller.scope() == null ? "" : " of " + caller.scope()) + " may not call "
            + request.getMethodName() + " " + request.getPath(), "role").toMutableResponse();
    }
}
