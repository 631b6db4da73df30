package org.rogatory.simulator.exercise;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.DayOfWeek;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.router.domain.NoLegalBasisPolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("World file: YAML to directory and treaty records, errors naming file, line and field")
class WorldLoaderTest {

    static final Path DEFAULT_WORLD_FILE = Path.of("../../scenarios/worlds/default-world.yaml");
    private static final World WORLD = WorldLoader.load(DEFAULT_WORLD_FILE);

    private static Set<String> states(java.util.function.Predicate<StateFacts> filter) {
        return WORLD.states().stream().filter(filter).map(StateFacts::code).collect(Collectors.toSet());
    }

    private static boolean party(String state, Instrument instrument) {
        return WORLD.treatiesByKey().containsKey(state + "|" + instrument);
    }

    private static boolean hasRole(String state, NodeRole role) {
        return WORLD.directory().stream().anyMatch(n -> n.getState().equals(state) && n.getRole() == role && n.getActive());
    }

    @Test
    @DisplayName("the default world has at least 12 fictional states spanning UTC-8 to UTC+10")
    void defaultWorldSize() {
        assertTrue(WORLD.states().size() >= 12, () -> WORLD.states().size() + " states");
        Set<Integer> offsets = WORLD.states().stream()
            .map(s -> ZoneId.of(s.timeZone()).getRules().getOffset(Instant.EPOCH).getTotalSeconds() / 3600)
            .collect(Collectors.toSet());
        assertTrue(offsets.contains(-8) && offsets.contains(10), offsets::toString);
        assertTrue(WORLD.states().stream().allMatch(s -> s.code().matches("[A-Z]{3}")));
    }

    @Test
    @DisplayName("the default world exercises every rule: parties and non-parties, treaties, missing nodes, shared offices, languages, staffing")
    void defaultWorldCoverage() {
        assertFalse(states(s -> party(s.code(), Instrument.UNTOC)).isEmpty(), "UNTOC parties");
        assertFalse(states(s -> !party(s.code(), Instrument.UNTOC)).isEmpty(), "UNTOC non-parties");
        assertFalse(states(s -> party(s.code(), Instrument.CYBERCRIME_CONVENTION)).isEmpty(), "Cybercrime parties");
        assertFalse(states(s -> !party(s.code(), Instrument.CYBERCRIME_CONVENTION)).isEmpty(), "Cybercrime non-parties");
        assertTrue(WORLD.treaties().stream().anyMatch(t -> t.getInstrument() == Instrument.BILATERAL_TREATY), "bilateral treaties");
        assertTrue(WORLD.treaties().stream().anyMatch(t -> t.getInstrument() == Instrument.RECIPROCITY), "reciprocity offers");
        assertFalse(states(s -> !hasRole(s.code(), NodeRole.POC_247)).isEmpty(), "states without a 24/7 point");
        assertFalse(states(s -> !hasRole(s.code(), NodeRole.NCB)).isEmpty(), "states without an NCB");
        // One office for MLA and extradition: a node handling both.
        assertTrue(WORLD.directory().stream().anyMatch(n -> n.getHandles().contains(org.rogatory.contracts.RequestType.MLA)
            && n.getHandles().contains(org.rogatory.contracts.RequestType.EXTRADITION) && n.getRole() != NodeRole.MFA), "shared office");
        assertTrue(WORLD.states().stream().map(StateFacts::languages).flatMap(List::stream).distinct().count() >= 5, "languages");
        assertFalse(states(StateFacts::refusesUntranslated).isEmpty(), "states refusing untranslated requests");
        assertEquals(Set.of(NoLegalBasisPolicy.REFUSE, NoLegalBasisPolicy.DIPLOMATIC),
            WORLD.states().stream().map(StateFacts::noLegalBasisPolicy).collect(Collectors.toSet()));
        assertTrue(WORLD.directory().stream().map(DirectoryEntry::getOfficers).distinct().count() >= 4, "staffing differs");
        assertTrue(WORLD.directory().stream().anyMatch(n -> !n.getActive()), "a withdrawn designation");
        assertFalse(states(s -> !s.liaisonOfficersPostedIn().isEmpty()).isEmpty(), "liaison officers");
    }

    @Test
    @DisplayName("records: node defaults by role, liaison officer on the host's clock, bilateral treaty on both sides, own-law record")
    void records() {
        DirectoryEntry poc = WORLD.directoryByKey().get("KES-POC-247");
        assertTrue(poc.getHours().getRoundTheClock());
        assertEquals("UTC+08:00", poc.getTimeZone());
        DirectoryEntry liaison = WORLD.directoryByKey().get("ALD-LO-KES");
        assertEquals(List.of("ALD", "KES", "UTC+08:00"), List.of(liaison.getState(), liaison.getPostedIn(), liaison.getTimeZone()));
        TreatyMembership fenKes = WORLD.treatiesByKey().get("FEN|BILATERAL_TREATY|KES");
        TreatyMembership kesFen = WORLD.treatiesByKey().get("KES|BILATERAL_TREATY|FEN");
        assertTrue(fenKes.getInForce() && kesFen.getInForce());
        assertFalse(WORLD.treatiesByKey().get("DUN|NONE").getConducts().contains(org.rogatory.contracts.ConductCategory.WILDLIFE_TRAFFICKING));
        assertEquals("GRT|RECIPROCITY|*", World.treatyKey(WORLD.treatiesByKey().get("GRT|RECIPROCITY|*")));
        assertEquals(Instant.parse("2026-01-05T00:00:00Z").toEpochMilli(), WORLD.effectiveFrom());
        assertEquals(ZoneOffset.ofHours(-8), ZoneId.of(WORLD.directoryByKey().get("ALD-MFA").getTimeZone()).getRules().getOffset(Instant.EPOCH));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("validation errors name the file, the line and the field")
    @CsvSource(delimiter = '|', textBlock = """
        bad time zone    | Mars/Olympus | BRV | CA_MLA | 4 | states[0].timeZone: timeZone 'Mars/Olympus' is not a zone id or UTC offset
        unknown role     | UTC          | BRV | CHIEF  | 8 | states[0].nodes[0].role: 'CHIEF' is not one of [CA_MLA, CA_EXT, POC_247, NCB, MFA, EXECUTING_AUTHORITY, LIAISON_OFFICER, INTERPOL_GS]
        liaison unposted | UTC          | BRV | LIAISON_OFFICER | 8 | states[0].nodes[0].postedIn: postedIn is required for a LIAISON_OFFICER and only for one
        unknown partner  | UTC          | QQQ | CA_MLA | 6 | states[0].bilateral[0]: unknown state 'QQQ' (known: ALD, BRV)
        self partner     | UTC          | ALD | CA_MLA | 6 | states[0].bilateral[0]: a state cannot be its own treaty partner
        """)
    void errors(String name, String timeZone, String partner, String role, int line, String message) {
        String yaml = """
            states:
              - code: ALD
                name: Aldoria
                timeZone: %s
                languages: [en]
                bilateral: [%s]
                nodes:
                  - {role: %s}
              - {code: BRV, name: Bravonia, timeZone: UTC, languages: [es], nodes: [{role: MFA}]}
            """.formatted(timeZone, partner, role);
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> WorldLoader.load("x.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().matches("x\\.yaml:" + line + ":\\d+: .*"), e::getMessage);
        assertTrue(e.getMessage().contains(": " + message), e::getMessage);
    }

    @Test
    @DisplayName("an unknown field is named with its line")
    void unknownField() {
        String yaml = """
            states:
              - {code: ALD, name: Aldoria, timeZone: UTC, languages: [en], nodes: [{role: MFA}], capital: Aldo}
            """;
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> WorldLoader.load("y.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("y.yaml:2:") && e.getMessage().contains("states[0].capital"), e::getMessage);
    }

    @Test
    @DisplayName("a misspelled required field is named as unknown, not as the missing field it leaves")
    void misspelledRequiredField() {
        String yaml = """
            states:
              - code: ALD
                naem: Aldoria
                timeZone: UTC
                languages: [en]
                nodes: [{role: MFA}]
            """;
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> WorldLoader.load("z.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("z.yaml:3:5: states[0].naem: unknown field; allowed here: [bilateral, code, conducts, holidays, languages, "
            + "name, noLegalBasisPolicy, nodes, parties, reciprocity, refusesUntranslated, timeZone, waivesDualCriminalityNonCoercive, weekend]",
            e.getMessage());
    }

    @Test
    @DisplayName("weekend: a state's practice on its nodes' records, Saturday-Sunday unless written; a liaison officer keeps the host's")
    void weekend() {
        List<DayOfWeek> fridaySaturday = List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        List<DayOfWeek> saturdaySunday = List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertEquals(fridaySaturday, WORLD.directoryByKey().get("HAL-CA-MLA").getWeekend());
        assertEquals(fridaySaturday, WORLD.directoryByKey().get("HAL-MFA").getWeekend());
        assertEquals(saturdaySunday, WORLD.directoryByKey().get("ALD-CA-MLA").getWeekend());
        assertEquals(Set.of("HAL"), WORLD.directory().stream().filter(n -> !n.getWeekend().equals(saturdaySunday))
            .map(DirectoryEntry::getState).collect(Collectors.toSet()));

        String yaml = """
            states:
              - {code: ALD, name: Aldoria, timeZone: UTC, languages: [en], nodes: [{role: MFA}, {role: LIAISON_OFFICER, postedIn: HAL}]}
              - {code: HAL, name: Halvessa, timeZone: "UTC+04:00", languages: [ar], weekend: [saturday, Friday], nodes: [{role: MFA}]}
            """;
        World world = WorldLoader.load("w.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(fridaySaturday, world.directoryByKey().get("HAL-MFA").getWeekend());
        assertEquals(saturdaySunday, world.directoryByKey().get("ALD-MFA").getWeekend());
        assertEquals(fridaySaturday, world.directoryByKey().get("ALD-LO-HAL").getWeekend(), "on the host's week");
        assertEquals(List.of(java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.SATURDAY),
            world.states().stream().filter(s -> s.code().equals("HAL")).findFirst().orElseThrow().weekend());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a weekend that cannot be one is named with its line and field")
    @CsvSource(delimiter = '|', textBlock = """
        unknown day  | [FRIDAY, FRIDAI] | states[0].weekend[1]: 'FRIDAI' is not one of [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]
        empty        | []               | states[0].weekend: a weekend needs at least one day (omit it for Saturday and Sunday)
        seven days   | [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY] | states[0].weekend: a weekend of all seven days leaves no working day
        day twice    | [FRIDAY, FRIDAY] | states[0].weekend: a weekend names each day once, was [FRIDAY, FRIDAY]
        not a list   | FRIDAY           | states[0].weekend: expected a list
        """)
    void weekendErrors(String name, String weekend, String message) {
        String yaml = """
            states:
              - code: HAL
                name: Halvessa
                timeZone: "UTC+04:00"
                languages: [ar]
                weekend: %s
                nodes: [{role: MFA}]
            """.formatted(weekend);
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> WorldLoader.load("x.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().matches("x\\.yaml:6:\\d+: .*"), e::getMessage);
        assertEquals(message, e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e::getMessage);
    }
}
