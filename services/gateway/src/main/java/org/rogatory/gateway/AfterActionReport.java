package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code GET /report/{file}}: the after-action report of a live exercise, once {@code play} has
 * written it (404 until then), so that the console links to it (docs/console.md). Only the
 * report's own files are served, never the rest of the report folder (it holds the roster's
 * tokens); like the console's pages they need no token, a link cannot carry one.
 */
@Controller("/report")
@Requires(property = "rogatory.gateway.enabled", value = "true")
@Requires(property = "rogatory.gateway.report-dir")
public class AfterActionReport {

    /** The files ReportWriter writes, and their media types. */
    static final Map<String, String> FILES = Map.of(
        "report.html", MediaType.TEXT_HTML + ";charset=utf-8",
        "report.json", MediaType.APPLICATION_JSON,
        "cases.csv", "text/csv;charset=utf-8");

    private final Path folder;

    public AfterActionReport(@Value("${rogatory.gateway.report-dir}") String folder) {
        this.folder = Path.of(folder);
    }

    @Hidden
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{file}")
    public HttpResponse<byte[]> file(@PathVariable String file) {
        String type = FILES.get(file);
        Path path = folder.resolve(file);
        if (type == null || !Files.isRegularFile(path)) {
            return HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND).header("Cache-Control", "no-store"); // written at the end
        }
        try {
            return HttpResponse.ok(Files.readAllBytes(path)).contentType(type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's " + path + ": " + e.getMessage(), e);
        }
    }
}
