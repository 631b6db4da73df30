package org.rogatory.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.AdHocInject;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ExerciseCommand;
import org.rogatory.contracts.ExerciseCommandKind;
import org.rogatory.contracts.ExerciseState;
import org.rogatory.contracts.ExerciseStatus;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.InjectStatus;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;
import org.rogatory.platform.exercise.RunTimeInjects;
import org.rogatory.platform.service.ServiceStreams;
import org.rogatory.platform.topics.Topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A trainer's commands to the live exercise (docs/exercise-control.md): each is checked against
 * the exercise's latest status (coop.exercise, written by the exercise's conductor), then written
 * to coop.exercise-control, where the conductor carries it out at its next step boundary and
 * names it in the status ({@code lastCommandId}, with {@code lastCommandRefusal} if the status had
 * moved on meanwhile).
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class ExerciseCommands {

    static final Set<String> AD_HOC_FIELDS = Set.of("kind", "target", "lasting", "officers", "expected");
    private static final Set<String> SPEED_FIELDS = Set.of("factor");
    private static final Set<String> DESIGNATION_FIELDS = Set.of("node", "handles", "active", "expected");
    private static final Set<String> RATIFICATION_FIELDS = Set.of("state", "instrument", "acceptsInterpolForUrgent", "expected");
    /** The instruments a state may ratify during an exercise, as an MSEL's RATIFICATION names them. */
    private static final List<Instrument> RATIFIABLE = List.of(Instrument.UNTOC, Instrument.CYBERCRIME_CONVENTION);
    /** Who issues commands until the gateway has roles (issue 12, access control). */
    private static final String TRAINER = "trainer";

    private final ServiceStreams services;
    private final TopicWriter writer;
    private final Directory directory;

    public ExerciseCommands(ServiceStreams services, TopicWriter writer, Directory directory) {
        this.services = services;
        this.writer = writer;
        this.directory = directory;
    }

    /** A command the exercise's status refuses now, with the HTTP status that says so. */
    public static final class Refused extends RuntimeException {
        private final HttpStatus status;
        private final String field;

        Refused(HttpStatus status, String field, String detail) {
            super(field == null ? detail : field + ": " + detail);
            this.status = status;
            this.field = field;
        }

        public HttpStatus status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** The status as JSON, or empty when no exercise is under control here. */
    public Optional<String> statusJson() {
        return status().map(status -> ExerciseView.of(status).json());
    }

    public String pause() {
        ExerciseStatus status = running();
        if (status.getState() == ExerciseState.PAUSED) {
            throw new Refused(HttpStatus.CONFLICT, null, "the exercise is paused already");
        }
        return write(command(ExerciseCommandKind.PAUSE));
    }

    public String resume() {
        ExerciseStatus status = running();
        if (status.getState() != ExerciseState.PAUSED) {
            throw new Refused(HttpStatus.CONFLICT, null, "the exercise is not paused");
        }
        return write(command(ExerciseCommandKind.RESUME));
    }

    public String end() {
        running();
        return write(command(ExerciseCommandKind.END));
    }

    /** @param body {@code {"factor": 7200}}: simulated seconds per wall second */
    public String speed(String body) {
        ObjectNode form = JsonFields.object(body, SPEED_FIELDS);
        var factor = JsonFields.required(form, "factor");
        if (!factor.isNumber() || !(factor.asDouble() > 0) || Double.isInfinite(factor.asDouble())) {
            throw new RefusedSubmission("factor", "must be a positive number (3600 = one simulated hour per second), was "
                + factor);
        }
        running();
        return write(command(ExerciseCommandKind.SET_SPEED).setSpeed(factor.asDouble()));
    }

    /** Fires an inject of the MSEL now. */
    public String fire(String injectId) {
        ExerciseStatus status = running();
        InjectStatus inject = status.getInjects().stream().filter(i -> i.getId().equals(injectId)).findFirst()
            .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "injectId", "no inject " + injectId + " in the MSEL"));
        if (!RunTimeInjects.KINDS.contains(inject.getKind())) {
            throw new Refused(HttpStatus.CONFLICT, "injectId", injectId + " is a " + inject.getKind()
                + ", fixed before the run: only " + RunTimeInjects.names() + " fire on demand");
        }
        if (!inject.getFireable()) {
            throw new Refused(HttpStatus.CONFLICT, "injectId", injectId + " has fired or been decided already"
                + (inject.getFiredAt() != null ? " (at " + inject.getFiredAt() + ")" : ""));
        }
        return write(command(ExerciseCommandKind.FIRE_INJECT).setInjectId(injectId));
    }

    /**
     * Fires an inject the MSEL does not have.
     *
     * @param body {@code {"kind": "NODE_OUTAGE", "target": "KES-CA-MLA", "lasting": "2d", "expected": "..."}};
     *             a STAFF_CUT also takes {@code officers}
     */
    public String fireAdHoc(String body) {
        ObjectNode form = JsonFields.object(body, AD_HOC_FIELDS);
        InjectKind kind = JsonFields.symbol(form, "kind", InjectKind.getClassSchema(), InjectKind::valueOf);
        if (!RunTimeInjects.KINDS.contains(kind)) {
            throw new RefusedSubmission("kind", kind + " cannot fire during a run; one of "
                + RunTimeInjects.names());
        }
        String target = JsonFields.text(form, "target");
        if (kind == InjectKind.CHANNEL_OUTAGE) {
            List<String> channels = Arrays.stream(Channel.values()).filter(c -> c != Channel.UNKNOWN).map(Enum::name).toList();
            if (!channels.contains(target)) {
                throw new RefusedSubmission("target", "'" + target + "' is not a channel; one of " + channels);
            }
        } else if (directory.node(target).isEmpty()) {
            throw new RefusedSubmission("target", "no node " + target + " in the directory");
        }
        Span lasting;
        try {
            lasting = Span.parse(JsonFields.text(form, "lasting"));
        } catch (IllegalArgumentException e) {
            throw new RefusedSubmission("lasting", e.getMessage());
        }
        if (lasting.isZero() || lasting.unit() == Span.Unit.WORKING_DAYS) {
            throw new RefusedSubmission("lasting", "counts calendar hours or days (e.g. 12h, 2d), more than zero");
        }
        Map<String, String> parameters = new HashMap<>();
        if (kind == InjectKind.STAFF_CUT) {
            var officers = JsonFields.required(form, "officers");
            if (!officers.canConvertToInt() || !officers.isIntegralNumber() || officers.asInt() < 0) {
                throw new RefusedSubmission("officers", "must be a whole number >= 0 (officers left at work), was " + officers);
            }
            parameters.put("officers", String.valueOf(officers.asInt()));
        } else if (form.has("officers")) {
            throw new RefusedSubmission("officers", "only a STAFF_CUT takes officers");
        }
        String expected = form.has("expected") ? JsonFields.text(form, "expected") : "ad-hoc inject: how the players respond";
        running();
        return write(command(ExerciseCommandKind.FIRE_INJECT).setAdHoc(AdHocInject.newBuilder().setKind(kind)
            .setTarget(target).setLastingMillis(lasting.toDuration().toMillis()).setParameters(Map.copyOf(parameters))
            .setExpected(expected).build()));
    }

    /**
     * A node's designation changes (docs/exercise-control.md, Directory and treaty changes): the
     * conductor writes it to coop.directory, as an MSEL's DESIGNATION, in force from the start of
     * the step after next.
     *
     * @param body {@code {"node": "KES-CA-MLA", "handles": ["MLA", "EXTRADITION"], "active": true}}
     */
    public String designate(String body) {
        ObjectNode form = JsonFields.object(body, DESIGNATION_FIELDS);
        String node = JsonFields.text(form, "node");
        var handles = JsonFields.required(form, "handles");
        List<String> types = Arrays.stream(RequestType.values()).filter(t -> t != RequestType.UNKNOWN).map(Enum::name).toList();
        if (!handles.isArray() || handles.isEmpty()) {
            throw new RefusedSubmission("handles", "must be a non-empty list of request types; each one of " + types);
        }
        List<String> handled = new ArrayList<>();
        for (var type : handles) {
            if (!type.isTextual() || !types.contains(type.asText())) {
                throw new RefusedSubmission("handles", "unknown request type " + type + "; one of " + types);
            }
            handled.add(type.asText());
        }
        boolean active = flag(form, "active", true);
        String expected = expected(form, "designation through the API: " + node + " handles " + handled);
        if (directory.node(node).isEmpty()) {
            throw new Refused(HttpStatus.NOT_FOUND, "node", "no node " + node + " in the directory");
        }
        running();
        return worldChange(InjectKind.DESIGNATION, node, Map.of("handles", String.join(",", handled),
            "active", String.valueOf(active)), expected);
    }

    /**
     * A state becomes party to an instrument: the conductor writes it to coop.treaties, as an MSEL's
     * RATIFICATION, in force from the start of the step after next.
     *
     * @param body {@code {"state": "KES", "instrument": "UNTOC", "acceptsInterpolForUrgent": false}}
     */
    public String ratify(String body) {
        ObjectNode form = JsonFields.object(body, RATIFICATION_FIELDS);
        String state = JsonFields.text(form, "state");
        Instrument instrument = JsonFields.symbol(form, "instrument", Instrument.getClassSchema(), Instrument::valueOf);
        if (!RATIFIABLE.contains(instrument)) {
            throw new RefusedSubmission("instrument", instrument + " is not ratified; one of " + RATIFIABLE);
        }
        boolean interpol = flag(form, "acceptsInterpolForUrgent", false);
        String expected = expected(form, "ratification through the API: " + state + " becomes party to " + instrument);
        if (!directory.stateKnown(state)) {
            throw new Refused(HttpStatus.NOT_FOUND, "state", "no node of state " + state + " in the directory");
        }
        running();
        return worldChange(InjectKind.RATIFICATION, state, Map.of("instrument", instrument.name(),
            "acceptsInterpolForUrgent", String.valueOf(interpol)), expected);
    }

    private String worldChange(InjectKind kind, String target, Map<String, String> parameters, String expected) {
        // a world change lasts until another changes it: no end
        return write(command(ExerciseCommandKind.FIRE_INJECT).setAdHoc(AdHocInject.newBuilder().setKind(kind)
            .setTarget(target).setLastingMillis(0).setParameters(parameters).setExpected(expected).build()));
    }

    private static boolean flag(ObjectNode form, String field, boolean absent) {
        var value = JsonFields.optional(form, field);
        if (value.isPresent() && !value.get().isBoolean()) {
            throw new RefusedSubmission(field, "must be true or false, was " + value.get());
        }
        return value.map(v -> v.asBoolean()).orElse(absent);
    }

    private static String expected(ObjectNode form, String otherwise) {
        return form.has("expected") ? JsonFields.text(form, "expected") : otherwise;
    }

    /** The status of an exercise that still takes commands. */
    private ExerciseStatus running() {
        ExerciseStatus status = status().orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, null,
            "no exercise is under control here: start one with rogatory play"));
        if (status.getState() == ExerciseState.ENDED) {
            throw new Refused(HttpStatus.CONFLICT, null, "the exercise has ended");
        }
        return status;
    }

    private static ExerciseCommand.Builder command(ExerciseCommandKind kind) {
        return ExerciseCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setKind(kind)
            .setIssuedBy(TRAINER).setIssuedAt(Instant.now());
    }

    private String write(ExerciseCommand.Builder command) {
        ExerciseCommand written = command.build();
        writer.write(Topics.EXERCISE_CONTROL, Topics.EXERCISE_KEY, written.getIssuedAt().toEpochMilli(), written);
        return written.getCommandId();
    }

    private Optional<ExerciseStatus> status() {
        try {
            ReadOnlyKeyValueStore<String, ExerciseStatus> store = services.streams(GatewayStream.NAME).store(
                StoreQueryParameters.fromNameAndType(IntakeTopology.EXERCISE_STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(Topics.EXERCISE_KEY));
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the exercise's status is not loaded yet: " + e.getMessage(), e);
        }
    }
}
