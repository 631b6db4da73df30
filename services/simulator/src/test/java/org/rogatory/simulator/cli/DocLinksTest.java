package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link in the README, the module READMEs and docs/*.md points to a file that
 * exists and, when it names a section (#anchor) of a Markdown file, to a heading there.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *$");

    @Test
    @DisplayName("every relative link in the README and docs/ reaches an existing file and heading")
    void relativeLinksResolve() throws Exception {
        List<Path> documents = new ArrayList<>(DocumentedExamplesTest.markdownFiles());
        try (var services = Files.list(DocumentedExamplesTest.PROJECT.resolve("services"))) {
            services.map(s -> s.resolve("README.md")).filter(Files::isRegularFile).forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents) {
            for (String target : links(doc)) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                checked++;
                int hash = target.indexOf('#');
                Path file = hash == 0 ? doc : doc.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
                if (!Files.exists(file)) {
                    broken.add(doc.getFileName() + ": " + target + " (no such file)");
                } else if (hash >= 0 && file.toString().endsWith(".md") && !anchors(file).contains(target.substring(hash + 1))) {
                    broken.add(doc.getFileName() + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 50, "links found: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    @DisplayName("anchors are made as GitHub makes them: lower case, punctuation dropped, spaces to hyphens, repeats numbered")
    void anchorsAsGitHubMakesThem() {
        assertEquals(List.of("the-routers-decisions", "service-name-one-service-per-process", "injects-msel", "ci", "ci-1"),
            anchorsOf(List.of("## The router's decisions", "## `service NAME`: one service per process",
                "## Injects (MSEL)", "## CI", "### CI")));
    }

    /** Link targets outside fenced code blocks. */
    private static List<String> links(Path doc) {
        List<String> targets = new ArrayList<>();
        for (String line : prose(doc)) {
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    private static Set<String> anchors(Path doc) {
        return new HashSet<>(anchorsOf(prose(doc)));
    }

    private static List<String> anchorsOf(List<String> lines) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> anchors = new ArrayList<>();
        for (String line : lines) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = m.group(1).toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
            }
        }
        return anchors;
    }

    /** The lines of a Markdown file outside fenced code blocks (a YAML comment there is no heading). */
    private static List<String> prose(Path doc) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : DocumentedExamplesTest.read(doc).lines().toList()) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }
}
