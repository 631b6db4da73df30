package org.rogatory.simulator.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.rogatory.platform.yaml.YamlLocations;
import org.rogatory.platform.yaml.YamlProblem;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.DayOfWeek;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.router.domain.NoLegalBasisPolicy;
import org.rogatory.router.domain.RoutingParameters;
import org.rogatory.simulator.exercise.WorldFile.NodeSpec;
import org.rogatory.simulator.exercise.WorldFile.PartySpec;
import org.rogatory.simulator.exercise.WorldFile.StateSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a world file (YAML) into directory and treaty records. Every error names the file, the
 * line and the field, e.g. {@code default-world.yaml:212:17: states[4].bilateral[0]: unknown state 'QQQ' (known: …)}.
 */
public final class WorldLoader {

    private static final String INTERPOL_STATE = "INTERPOL";

    private WorldLoader() {
    }

    public static World load(Path file) {
        return load(file.getFileName().toString(), ExerciseYaml.read("world file", file));
    }

    /** @param source name used in error messages (usually the file name) */
    public static World load(String source, byte[] yaml) {
        WorldFile file;
        try {
            file = ExerciseYaml.MAPPER.readValue(yaml, WorldFile.class);
        } catch (ValueInstantiationException e) {
            throw new ExerciseFileException(source, instantiationProblem(yaml, e), e);
        } catch (JsonProcessingException e) {
            throw new ExerciseFileException(source, YamlProblem.of(e, ExerciseYaml.locations(yaml)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world " + source, e);
        }
        return new Assembly(source, yaml, file).world();
    }

    /**
     * A compact constructor refused an entry. Jackson runs it before it reports the entry's unknown
     * fields, so a misspelled field ({@code naem}) would read as a missing one ({@code name is
     * required}): name the unknown field first, else the field the check names, with its message.
     */
    private static YamlProblem instantiationProblem(byte[] yaml, ValueInstantiationException e) {
        YamlLocations locations = ExerciseYaml.locations(yaml);
        String at = YamlProblem.path(e);
        Class<?> type = e.getType().getRawClass();
        if (type.isRecord()) {
            Set<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
            try {
                JsonNode entry = ExerciseYaml.MAPPER.readTree(yaml).at(YamlLocations.pointer(at));
                for (String name : entry.properties().stream().map(Map.Entry::getKey).toList()) {
                    if (!known.contains(name)) {
                        return YamlProblem.unknownField(at.isEmpty() ? name : at + "." + name, known, locations);
                    }
                }
            } catch (IOException unreadable) {
                // bound once already, so readable; the constructor's own problem follows
            }
        }
        if (e.getCause() instanceof WorldFile.FieldProblem problem) {
            String field = at.isEmpty() ? problem.field : at + "." + problem.field;
            return new YamlProblem(field, locations.nearest(field), problem.getMessage());
        }
        return YamlProblem.of(e, locations);
    }

    /** Cross-entry checks and record building, with the locations of every field for error messages. */
    private static final class Assembly {
        private final String source;
        private final WorldFile file;
        private final YamlLocations locations;
        private final Map<String, StateSpec> statesByCode = new LinkedHashMap<>();

        Assembly(String source, byte[] yaml, WorldFile file) {
            this.source = source;
            this.file = file;
            this.locations = ExerciseYaml.locations(yaml);
        }

        World world() {
            for (int i = 0; i < file.states().size(); i++) {
                StateSpec state = file.states().get(i);
                if (statesByCode.putIfAbsent(state.code(), state) != null) {
                    fail("states[" + i + "].code", "state code '" + state.code() + "' is used twice");
                }
            }
            List<DirectoryEntry> directory = new ArrayList<>();
            List<TreatyMembership> treaties = new ArrayList<>();
            Set<String> nodeIds = new HashSet<>();
            Set<String> treatyKeys = new HashSet<>();
            List<StateFacts> facts = new ArrayList<>();
            Map<String, NoLegalBasisPolicy> policies = new LinkedHashMap<>();
            for (int i = 0; i < file.states().size(); i++) {
                StateSpec state = file.states().get(i);
                String at = "states[" + i + "]";
                for (int n = 0; n < state.nodes().size(); n++) {
                    DirectoryEntry entry = node(state, state.nodes().get(n), at + ".nodes[" + n + "]");
                    if (!nodeIds.add(entry.getNodeId())) {
                        fail(at + ".nodes[" + n + "]", "node id '" + entry.getNodeId() + "' is used twice");
                    }
                    directory.add(entry);
                }
                for (TreatyMembership membership : memberships(state, at)) {
                    // A bilateral treaty listed by both partners yields the same two records once.
                    if (treatyKeys.add(World.treatyKey(membership))) {
                        treaties.add(membership);
                    }
                }
                if (state.noLegalBasisPolicy() != null) {
                    policies.put(state.code(), state.noLegalBasisPolicy());
                }
                facts.add(new StateFacts(state.code(), state.name(), state.timeZone(), state.languages(),
                    state.holidays(), state.weekend(), state.refusesUntranslated(),
                    state.nodes().stream().filter(s -> s.role() == NodeRole.LIAISON_OFFICER).map(NodeSpec::postedIn).toList(),
                    state.reciprocity(),
                    state.noLegalBasisPolicy() == null ? defaultPolicy() : state.noLegalBasisPolicy()));
            }
            String gs = file.interpol().generalSecretariat();
            if (!nodeIds.add(gs)) {
                fail("interpol.generalSecretariat", "node id '" + gs + "' is used twice");
            }
            directory.add(DirectoryEntry.newBuilder()
                .setNodeId(gs).setState(INTERPOL_STATE).setRole(NodeRole.INTERPOL_GS)
                .setHandles(List.of(RequestType.PROVISIONAL_ARREST))
                .setLanguages(List.of("en", "fr", "es", "ar")).setRefusesUntranslated(false)
                .setTimeZone("Europe/Paris").setHours(new OfficeHours(true, 0, 24)).setOfficers(4)
                .build());
            WorldFile.Settings settings = file.settings();
            RoutingParameters defaults = RoutingParameters.defaults();
            RoutingParameters parameters = new RoutingParameters(defaultPolicy(), policies,
                settings.translationDelayHours() == null ? defaults.translationDelayHours() : settings.translationDelayHours(),
                settings.redNoticeReviewHours() == null ? defaults.redNoticeReviewHours() : settings.redNoticeReviewHours(),
                settings.concurrentExtraditionWindowDays() == null ? defaults.concurrentExtraditionWindow()
                    : Duration.ofDays(settings.concurrentExtraditionWindowDays()),
                gs, file.interpol().article3Offences(), defaults.formalFollowUpDrafting());
            long effectiveFrom = settings.effectiveFrom() == null ? 0L : Instant.parse(settings.effectiveFrom()).toEpochMilli();
            return new World(source, effectiveFrom, parameters, facts, directory, treaties);
        }

        private NoLegalBasisPolicy defaultPolicy() {
            NoLegalBasisPolicy policy = file.settings().noLegalBasisPolicy();
            return policy == null ? RoutingParameters.defaults().defaultNoLegalBasisPolicy() : policy;
        }

        private DirectoryEntry node(StateSpec state, NodeSpec spec, String at) {
            StateSpec workingIn = state;
            if (spec.role() == NodeRole.LIAISON_OFFICER) {
                StateSpec host = statesByCode.get(spec.postedIn());
                if (host == null || host == state) {
                    fail(at + ".postedIn", "liaison officer must be posted in another state of the world, not '" + spec.postedIn() + "'");
                }
                workingIn = host; // the officer works in the host state's day and week
            }
            boolean roundTheClock = spec.hours() != null && spec.hours().roundTheClock() != null
                ? spec.hours().roundTheClock()
                : spec.role() == NodeRole.POC_247 || spec.role() == NodeRole.NCB;
            int open = spec.hours() == null || spec.hours().open() == null ? 9 : spec.hours().open();
            int close = spec.hours() == null || spec.hours().close() == null ? 17 : spec.hours().close();
            return DirectoryEntry.newBuilder()
                .setNodeId(spec.id() != null ? spec.id() : defaultNodeId(state.code(), spec))
                .setState(state.code())
                .setRole(spec.role())
                .setHandles(spec.handles() != null ? spec.handles() : defaultHandles(spec.role()))
                .setLanguages(spec.languages() != null ? spec.languages() : state.languages())
                .setRefusesUntranslated(state.refusesUntranslated())
                .setTimeZone(workingIn.timeZone())
                .setHours(roundTheClock ? new OfficeHours(true, 0, 24) : new OfficeHours(false, open, close))
                .setHolidays(state.holidays())
                .setWeekend(workingIn.weekend().stream().map(day -> DayOfWeek.valueOf(day.name())).toList())
                .setOfficers(spec.officers() == null ? 2 : spec.officers())
                .setActive(spec.active())
                .setPostedIn(spec.postedIn())
                .build();
        }

        private List<TreatyMembership> memberships(StateSpec state, String at) {
            List<ConductCategory> conducts = conducts(state);
            boolean waives = state.waivesDualCriminalityNonCoercive();
            List<TreatyMembership> out = new ArrayList<>();
            // The state's own law, whatever its treaties: conducts criminalised and the UNTOC 18(9) waiver.
            out.add(membership(state.code(), Instrument.NONE, null, true, false, waives, conducts));
            Set<Instrument> seen = EnumSet.noneOf(Instrument.class);
            for (int p = 0; p < state.parties().size(); p++) {
                PartySpec party = state.parties().get(p);
                if (!seen.add(party.instrument())) {
                    fail(at + ".parties[" + p + "].instrument", party.instrument() + " is listed twice");
                }
                out.add(membership(state.code(), party.instrument(), null, party.inForce(),
                    party.acceptsInterpolForUrgent(), waives, conducts));
            }
            for (int b = 0; b < state.bilateral().size(); b++) {
                String partner = partner(state, state.bilateral().get(b), at + ".bilateral[" + b + "]");
                StateSpec other = statesByCode.get(partner);
                out.add(membership(state.code(), Instrument.BILATERAL_TREATY, partner, true, false, waives, conducts));
                out.add(membership(partner, Instrument.BILATERAL_TREATY, state.code(), true, false,
                    other.waivesDualCriminalityNonCoercive(), conducts(other)));
            }
            for (int r = 0; r < state.reciprocity().size(); r++) {
                String offeredTo = state.reciprocity().get(r);
                if (!"*".equals(offeredTo)) {
                    partner(state, offeredTo, at + ".reciprocity[" + r + "]");
                }
                out.add(membership(state.code(), Instrument.RECIPROCITY, offeredTo, true, false, waives, conducts));
            }
            return out;
        }

        /** Conducts the state criminalises; a state that lists none criminalises every category. */
        private static List<ConductCategory> conducts(StateSpec state) {
            return state.conducts() != null ? state.conducts()
                : Arrays.stream(ConductCategory.values()).filter(c -> c != ConductCategory.UNKNOWN).toList();
        }

        private String partner(StateSpec state, String partner, String at) {
            if (!statesByCode.containsKey(partner)) {
                fail(at, "unknown state '" + partner + "' (known: " + statesByCode.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            if (partner.equals(state.code())) {
                fail(at, "a state cannot be its own treaty partner");
            }
            return partner;
        }

        private static TreatyMembership membership(String state, Instrument instrument, String partner, boolean inForce,
                                                   boolean acceptsInterpol, boolean waives, List<ConductCategory> conducts) {
            return TreatyMembership.newBuilder()
                .setState(state).setInstrument(instrument).setPartnerState(partner).setInForce(inForce)
                .setAcceptsInterpolForUrgent(acceptsInterpol).setWaivesDualCriminalityNonCoercive(waives)
                .setConducts(conducts).build();
        }

        private void fail(String field, String message) {
            throw new ExerciseFileException(source, new YamlProblem(field, locations.nearest(field), message), null);
        }
    }

    static String defaultNodeId(String state, NodeSpec spec) {
        return state + "-" + switch (spec.role()) {
            case CA_MLA -> "CA-MLA";
            case CA_EXT -> "CA-EXT";
            case POC_247 -> "POC-247";
            case NCB -> "NCB";
            case MFA -> "MFA";
            case EXECUTING_AUTHORITY -> "EXEC";
            case LIAISON_OFFICER -> "LO-" + spec.postedIn();
            case INTERPOL_GS, UNKNOWN -> throw new IllegalArgumentException("no default id for " + spec.role());
        };
    }

    /** What each role receives unless the world file says otherwise (docs/rules.md, "The requests"). */
    static List<RequestType> defaultHandles(NodeRole role) {
        return switch (role) {
            // Preservation and disclosure too: a formal MLA request is the way in without a 24/7 point.
            case CA_MLA -> List.of(RequestType.MLA, RequestType.CONFISCATION, RequestType.SPONTANEOUS_INFORMATION,
                RequestType.PRESERVATION, RequestType.DISCLOSURE);
            case CA_EXT -> List.of(RequestType.EXTRADITION, RequestType.PROVISIONAL_ARREST,
                RequestType.TRANSFER_OF_PROCEEDINGS, RequestType.TEMPORARY_SURRENDER, RequestType.EXTRADITION_ARBITRATION);
            // Cybercrime arts. 41-43: preservation, disclosure, urgent e-evidence MLA.
            case POC_247 -> List.of(RequestType.PRESERVATION, RequestType.DISCLOSURE, RequestType.MLA,
                RequestType.SPONTANEOUS_INFORMATION);
            // UNTOC 27 / Cybercrime 47 police exchange, Red Notices/diffusions, UNTOC 18(13) urgent MLA,
            // and e-evidence requests where I-24/7 reaches the cybercrime unit (INTERPOL res. 2008).
            case NCB -> List.of(RequestType.POLICE_INFORMATION, RequestType.PROVISIONAL_ARREST, RequestType.MLA,
                RequestType.PRESERVATION, RequestType.DISCLOSURE, RequestType.SPONTANEOUS_INFORMATION);
            // The diplomatic channel can carry any request.
            case MFA -> Arrays.stream(RequestType.values()).filter(t -> t != RequestType.UNKNOWN).toList();
            case EXECUTING_AUTHORITY, LIAISON_OFFICER, INTERPOL_GS, UNKNOWN -> List.of();
        };
    }
}
