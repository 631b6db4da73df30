package org.rogatory.simulator.cli;

import org.rogatory.gateway.GatewayConfiguration;
import org.rogatory.gateway.Roster;
import org.rogatory.simulator.exercise.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The bearer tokens of an exercise's roster, issued when the exercise is served ({@code play},
 * {@code up --scenario}): a fresh random token per member, written with the member's role to a
 * file only its owner can read, for the trainer to hand out; the gateway gets only their SHA-256
 * (docs/api.md, Access control).
 */
final class RosterTokens {

    static final String FILE = "roster-tokens.csv";
    /** The gateway's roster settings as environment variables, for a gateway run apart ({@code rogatory roster}). */
    static final String ENVIRONMENT_FILE = "gateway.env";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RosterTokens() {
    }

    /**
     * Issues the tokens into {@code folder}/{@value #FILE} and returns the gateway's settings; an
     * exercise without a roster gets none (its API is open) and no file.
     */
    static Map<String, Object> issue(Scenario scenario, Path folder) {
        List<String> entries = new ArrayList<>();
        StringBuilder csv = new StringBuilder("name,role,scope,cleared,token\n");
        for (Scenario.Member member : scenario.roster()) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            entries.add(Roster.entry(token, member.role(), member.scope(), member.clearedForConfidential(), member.name()));
            csv.append(csvField(member.name())).append(',').append(member.role()).append(',')
                .append(member.scope() == null ? "" : member.scope()).append(',').append(member.clearedForConfidential())
                .append(',').append(token).append('\n');
        }
        if (!entries.isEmpty()) {
            write(folder.resolve(FILE), csv.toString());
        }
        return GatewayConfiguration.rosterProperties(entries);
    }

    /**
     * Issues the tokens into {@code folder}/{@value #FILE} and the gateway's settings into
     * {@code folder}/{@value #ENVIRONMENT_FILE}: {@code ROGATORY_SECURITY_ENABLED=true} and
     * {@code ROGATORY_GATEWAY_ROSTER}, the entries separated by commas (Micronaut's list from one
     * variable), unquoted as both Compose versions read an env file.
     */
    static void issueForEnvironment(Scenario scenario, Path folder) {
        scenario.roster().stream().filter(member -> member.name().contains(",")).findFirst().ifPresent(member -> {
            throw new IllegalArgumentException("roster: the name '" + member.name() + "' holds a comma, which would split its"
                + " entry in ROGATORY_GATEWAY_ROSTER");
        });
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) issue(scenario, folder).get(GatewayConfiguration.ROSTER);
        write(folder.resolve(ENVIRONMENT_FILE), "ROGATORY_SECURITY_ENABLED=true\nROGATORY_GATEWAY_ROSTER="
            + String.join(",", entries) + "\n");
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the roster's tokens to " + file + ": " + e.getMessage(), e);
        }
    }
}
