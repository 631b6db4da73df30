package org.rogatory.simulator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.rogatory.authorities.domain.ECodexTransport;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.EvidenceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes report.json, cases.csv and report.html into the output directory. */
public final class ReportWriter {

    static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final List<CaseStatus> TIMELINE = Arrays.stream(CaseStatus.values())
        .filter(s -> s != CaseStatus.UNKNOWN).toList();

    private ReportWriter() {
    }

    /**
     * Each file appears whole or not at all (written aside, then moved), report.json last: a live
     * exercise's console, which waits for report.json while {@code play} writes them, never reads
     * half a file nor links to a page not there yet.
     */
    public static void write(ExerciseReport report, Collection<CaseView> cases, Path dir) {
        try {
            Files.createDirectories(dir);
            whole(dir.resolve("cases.csv"), casesCsv(cases).getBytes(StandardCharsets.UTF_8));
            whole(dir.resolve("report.html"), HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
            whole(dir.resolve("report.json"), JSON.writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void whole(Path file, byte[] content) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".part");
        Files.write(aside, content);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One row per case, sorted by case id: ids, type, channel, nodes, time of each status, clocks missed. */
    static String casesCsv(Collection<CaseView> cases) {
        StringBuilder csv = new StringBuilder("caseId,requestType,crimeArea,requestingState,requestedState,channel,"
            + "handlingNode,status,");
        csv.append(TIMELINE.stream().map(s -> s.name().toLowerCase() + "At").collect(Collectors.joining(",")));
        csv.append(",relayedAt,retrievedAt,negativeEvidence,clocksMissed,escalationLevel\n");
        Map<String, CaseView> sorted = new TreeMap<>();
        cases.forEach(c -> sorted.put(c.getCaseId(), c));
        for (CaseView view : sorted.values()) {
            List<String> row = new ArrayList<>(List.of(view.getCaseId(), view.getRequestType().name(),
                view.getCrimeArea().name(), view.getRequestingState(), view.getRequestedState(),
                view.getChannel() == null ? "" : view.getChannel().name(),
                view.getHandlingNode() == null ? "" : view.getHandlingNode(), view.getStatus().name()));
            for (CaseStatus status : TIMELINE) {
                Instant at = view.getStatusTimes().get(status.name());
                row.add(at == null ? "" : at.toString());
            }
            // the e-CODEX trail's times the statuses do not show (delivery is deliveredAt)
            row.add(firstEvidence(view, EvidenceType.RELAYED));
            row.add(firstEvidence(view, EvidenceType.RETRIEVED));
            row.add(view.getEvidence().stream().map(DeliveryEvidence::getType).filter(ECodexTransport.NEGATIVE::contains)
                .map(Enum::name).findFirst().orElse(""));
            row.add(view.getClocks().stream().filter(ClockState::getMissed).map(c -> c.getClock().name())
                .collect(Collectors.joining(";")));
            row.add(view.getEscalationLevel() == null ? "" : view.getEscalationLevel().name());
            csv.append(row.stream().map(ReportWriter::csvField).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    private static String firstEvidence(CaseView view, EvidenceType type) {
        return view.getEvidence().stream().filter(e -> e.getType() == type).findFirst()
            .map(e -> e.getAt().toString()).orElse("");
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
