package org.rogatory.registry.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.rogatory.registry.api.Bodies.ErrorAnswer;
import org.rogatory.registry.domain.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as Confluent's {@code {"error_code": ..., "message": ...}}: the registry's own
 * refusals with their codes, and the HTTP layer's (unknown path, wrong method, wrong content type)
 * as rest-utils' WebApplicationExceptionMapper words them.
 */
@Controller
@Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class ErrorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

    @Singleton
    @Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    static class Refusals implements ExceptionHandler<RegistryException, HttpResponse<ErrorAnswer>> {
        @Override
        public HttpResponse<ErrorAnswer> handle(HttpRequest request, RegistryException e) {
            if (e.httpStatus() >= 500) {
                LOG.warn("{} {} failed: {}", request.getMethodName(), request.getPath(), e.getMessage());
            }
            return HttpResponse.<ErrorAnswer>status(HttpStatus.valueOf(e.httpStatus()))
                .body(new ErrorAnswer(e.errorCode(), e.getMessage()));
        }
    }

    /** Anything unforeseen still answers in Confluent's format (rest-utils GenericExceptionMapper: 500 / 500). */
    @Singleton
    @Produces({MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    static class Unforeseen implements ExceptionHandler<RuntimeException, HttpResponse<ErrorAnswer>> {
        @Override
        public HttpResponse<ErrorAnswer> handle(HttpRequest request, RuntimeException e) {
            LOG.error("{} {} failed", request.getMethodName(), request.getPath(), e);
            return HttpResponse.<ErrorAnswer>serverError().body(new ErrorAnswer(500, "Internal Server Error: " + e.getMessage()));
        }
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<ErrorAnswer> notFound() {
        return status(HttpStatus.NOT_FOUND, "HTTP 404 Not Found");
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<ErrorAnswer> methodNotAllowed() {
        return status(HttpStatus.METHOD_NOT_ALLOWED, "HTTP 405 Method Not Allowed");
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<ErrorAnswer> unsupportedMediaType() {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "HTTP 415 Unsupported Media Type");
    }

    @Error(status = HttpStatus.NOT_ACCEPTABLE, global = true)
    HttpResponse<ErrorAnswer> notAcceptable() {
        return status(HttpStatus.NOT_ACCEPTABLE, "HTTP 406 Not Acceptable");
    }

    private static HttpResponse<ErrorAnswer> status(HttpStatus status, String message) {
        return HttpResponse.<ErrorAnswer>status(status).body(new ErrorAnswer(status.getCode(), message));
    }
}
