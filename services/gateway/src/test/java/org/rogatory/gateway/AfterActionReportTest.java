package org.rogatory.gateway;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AfterActionReportTest {

    @Test
    @DisplayName("the report's files once written, nothing else of the report folder (not the roster's tokens)")
    void onlyTheReport(@TempDir Path folder) throws Exception {
        AfterActionReport report = new AfterActionReport(folder.toString());
        var notYet = report.file("report.html");
        assertThat(notYet.code()).as("not written yet").isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(notYet.getHeaders().get("Cache-Control")).as("asked again, not kept by the browser").isEqualTo("no-store");

        Files.writeString(folder.resolve("report.html"), "<h1>after action</h1>");
        Files.writeString(folder.resolve("roster-tokens.csv"), "role,name,token");
        var html = report.file("report.html");
        assertThat(html.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(new String(html.body())).isEqualTo("<h1>after action</h1>");
        assertThat(html.getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo("text/html"));
        assertThat(report.file("roster-tokens.csv").code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(report.file("..%2Froster-tokens.csv").code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }
}
