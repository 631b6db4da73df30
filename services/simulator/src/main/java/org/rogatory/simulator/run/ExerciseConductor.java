package org.rogatory.simulator.run;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rogatory.contracts.AdHocInject;
import org.rogatory.contracts.CheckStatus;
import org.rogatory.contracts.ExerciseCommand;
import org.rogatory.contracts.ExerciseState;
import org.rogatory.contracts.ExerciseStatus;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.InjectStatus;
import org.rogatory.contracts.OutcomeStatus;
import org.rogatory.platform.calendar.Span;
import org.rogatory.platform.exercise.RunTimeInjects;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.ConditionalInjects;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.exercise.SimTime;
import org.rogatory.simulator.report.ReportBuilder;
import org.rogatory.simulator.workload.TimedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A live exercise's control ({@code rogatory play}): carries out the trainer's commands that the
 * gateway accepted on coop.exercise-control, at step boundaries, in the order accepted, and
 * publishes the exercise's status on coop.exercise after each step and each command
 * (docs/exercise-control.md). A pause holds the run at a boundary: no tick is written, so
 * simulated time and every clock stand still, and nothing is late when it resumes. An inject
 * fired now is stamped with the boundary's simulated time, like a conditional inject.
 */
final class ExerciseConductor implements ExerciseControl {

    private static final Logger LOG = LoggerFactory.getLogger(ExerciseConductor.class);
    /** The world changes a trainer may make during the run (through the API, not the MSEL). */
    private static final Set<InjectKind> WORLD_CHANGES = Set.of(InjectKind.DESIGNATION, InjectKind.RATIFICATION);
    /** How often a paused exercise looks for the next command. */
    private static final Duration PAUSED_POLL = Duration.ofMillis(200);

    private final Scenario scenario;
    private final Duration step;
    private final Pipeline pipeline;
    private final BooleanSupplier stopRequested;
    private final KafkaConsumer<String, byte[]> commands;
    private final KafkaAvroDeserializer commandReader = new KafkaAvroDeserializer();
    private final TopicPartition control = new TopicPartition(Topics.EXERCISE_CONTROL, 0);
    /** Injects fired by a trainer (MSEL or ad hoc), by id, with the simulated time they fired at. */
    private final Map<String, Long> firedByTrainer = new HashMap<>();
    /** Ad-hoc injects, in the order fired. */
    private final List<Scenario.Inject> adHoc = new ArrayList<>();
    private RunSpeed speed;
    private boolean paused;
    private boolean ending;
    private long now;
    private String lastCommandId;
    private String lastRefusal;
    /** The run's timeline and conditional injects, as the last boundary gave them: what a command fires from. */
    private Timeline timeline;
    private ConditionalInjects conditional;
    /** The scenario's expectations on the run so far, as the runner last checked them; null before the first check. */
    private ReportBuilder.Checks checks;

    /** @param speed the pace at the start (a factor: live) */
    ExerciseConductor(String bootstrapServers, String registryUrl, Scenario scenario, Duration step, RunSpeed speed,
                      Pipeline pipeline, BooleanSupplier stopRequested) {
        this.scenario = scenario;
        this.step = step;
        this.speed = speed;
        this.pipeline = pipeline;
        this.stopRequested = stopRequested;
        this.now = scenario.startAt().toEpochMilli();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        commandReader.configure(config, false);
        this.commands = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        commands.assign(List.of(control));
        commands.seekToEnd(List.of(control));
        // resolved now: a command accepted before the first poll belongs to this exercise
        commands.position(control);
    }

    @Override
    public Duration step() {
        return step;
    }

    @Override
    public RunSpeed speed() {
        return speed;
    }

    @Override
    public Boundary atBoundary(long boundary, Timeline timeline, ConditionalInjects conditional) {
        now = boundary;
        this.timeline = timeline;
        this.conditional = conditional;
        List<TimedRecord> fire = new ArrayList<>();
        carryOut(commands.poll(Duration.ZERO), fire);
        while (paused && !ending && !stopRequested.getAsBoolean()) {
            carryOut(commands.poll(PAUSED_POLL), fire);
        }
        publish(ending ? ExerciseState.ENDED : ExerciseState.RUNNING);
        return new Boundary(fire, ending);
    }

    @Override
    public boolean showsChecks() {
        return true;
    }

    @Override
    public void checked(ReportBuilder.Checks checks) {
        this.checks = checks;
    }

    @Override
    public void ended(long reached) {
        now = reached;
        publish(ExerciseState.ENDED);
        LOG.info("exercise ended: played to {} (simulated)", Instant.ofEpochMilli(reached));
    }

    @Override
    public void close() {
        commands.close();
    }

    private void carryOut(Iterable<ConsumerRecord<String, byte[]>> records, List<TimedRecord> fire) {
        for (ConsumerRecord<String, byte[]> record : records) {
            ExerciseCommand command;
            try {
                command = (ExerciseCommand) commandReader.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                lastCommandId = null;
                lastRefusal = "unreadable command at offset " + record.offset() + ": " + e.getMessage();
                LOG.warn("{}", lastRefusal);
                continue;
            }
            lastCommandId = command.getCommandId();
            lastRefusal = refusal(command, fire).orElse(null);
            String what = describe(command);
            if (lastRefusal == null) {
                LOG.info("{} by {} at {} (simulated)", what, command.getIssuedBy(), Instant.ofEpochMilli(now));
            } else {
                LOG.info("{} by {} refused: {}", what, command.getIssuedBy(), lastRefusal);
            }
            publish(ending ? ExerciseState.ENDED : paused ? ExerciseState.PAUSED : ExerciseState.RUNNING);
        }
    }

    /** Carries the command out, or says why not: the gateway checked it against a status that may be a step old. */
    private Optional<String> refusal(ExerciseCommand command, List<TimedRecord> fire) {
        if (ending) {
            return Optional.of("the exercise is ending");
        }
        switch (command.getKind()) {
            case PAUSE -> {
                if (paused) {
                    return Optional.of("the exercise is paused already");
                }
                paused = true;
            }
            case RESUME -> {
                if (!paused) {
                    return Optional.of("the exercise is running already");
                }
                paused = false;
            }
            case SET_SPEED -> {
                Double factor = command.getSpeed();
                if (factor == null || !(factor > 0) || factor.isInfinite()) {
                    return Optional.of("speed: must be a positive factor, was " + factor);
                }
                speed = new RunSpeed(factor);
            }
            case FIRE_INJECT -> {
                return fire(command, fire);
            }
            case END -> ending = true;
            default -> {
                return Optional.of("kind: unknown command " + command.getKind());
            }
        }
        return Optional.empty();
    }

    private Optional<String> fire(ExerciseCommand command, List<TimedRecord> fire) {
        if (command.getAdHoc() != null && WORLD_CHANGES.contains(command.getAdHoc().getKind())) {
            return changeWorld(command.getAdHoc(), fire);
        }
        if (command.getAdHoc() != null) {
            AdHocInject given = command.getAdHoc();
            if (!RunTimeInjects.KINDS.contains(given.getKind())) {
                return Optional.of("adHoc.kind: " + given.getKind() + " cannot fire during the run");
            }
            if (given.getLastingMillis() <= 0) {
                return Optional.of("adHoc.lasting: must be more than zero");
            }
            Scenario.Inject inject = new Scenario.Inject("ADHOC-" + (adHoc.size() + 1),
                SimTime.parse(Instant.ofEpochMilli(now).toString()), given.getKind(), given.getTarget(), null,
                Span.of(Duration.ofMillis(given.getLastingMillis())), null, null, given.getParameters(),
                given.getExpected(), null);
            adHoc.add(inject);
            firedByTrainer.put(inject.id(), now);
            fire.addAll(timeline.fired(List.of(inject), now));
            return Optional.empty();
        }
        Optional<Scenario.Inject> named = scenario.msel().stream()
            .filter(inject -> inject.id().equals(command.getInjectId())).findFirst();
        if (named.isEmpty()) {
            return Optional.of("injectId: no inject " + command.getInjectId() + " in the MSEL");
        }
        Scenario.Inject inject = named.get();
        if (!RunTimeInjects.KINDS.contains(inject.kind())) {
            return Optional.of("injectId: " + inject.id() + " is a " + inject.kind()
                + ", fixed before the run (world changes and surges cannot fire on demand)");
        }
        if (inject.conditional()) {
            if (!conditional.waits(inject.id())) {
                return Optional.of("injectId: " + inject.id() + " has been decided already");
            }
            conditional.firedByTrainer(inject.id(), now);
            fire.addAll(timeline.fired(List.of(inject), now));
        } else {
            try {
                fire.addAll(timeline.firedEarly(inject, now));
            } catch (IllegalStateException firedAlready) {
                return Optional.of("injectId: " + firedAlready.getMessage());
            }
        }
        firedByTrainer.put(inject.id(), now);
        return Optional.empty();
    }

    /**
     * A designation or ratification through the API, in force from the start of the step after
     * next. The router reads the directory and the treaties in a thread of its own, which no
     * barrier waits for; so the change goes out a whole step before its instant, as a scripted one
     * goes out before the run, and the requests of the next step, stamped before it, are routed by
     * the world as it was whichever thread reads first.
     */
    private Optional<String> changeWorld(AdHocInject given, List<TimedRecord> fire) {
        long from = now + 2 * step.toMillis();
        Scenario.Inject inject = new Scenario.Inject("ADHOC-" + (adHoc.size() + 1),
            SimTime.parse(Instant.ofEpochMilli(from).toString()), given.getKind(), given.getTarget(), null, null, null, null,
            given.getParameters(), given.getExpected(), null);
        try {
            fire.addAll(timeline.worldChange(inject, from));
        } catch (IllegalArgumentException refused) {
            return Optional.of("adHoc: " + refused.getMessage());
        }
        adHoc.add(inject);
        firedByTrainer.put(inject.id(), from);
        return Optional.empty();
    }

    private static String describe(ExerciseCommand command) {
        return switch (command.getKind()) {
            case SET_SPEED -> "speed " + command.getSpeed();
            case FIRE_INJECT -> "fire inject " + (command.getAdHoc() != null
                ? "ad hoc " + command.getAdHoc().getKind() + " " + command.getAdHoc().getTarget() : command.getInjectId());
            default -> command.getKind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void publish(ExerciseState state) {
        long start = scenario.startAt().toEpochMilli();
        Map<String, InjectStatus> injects = new LinkedHashMap<>();
        Map<String, CheckStatus> checked = new HashMap<>();
        if (checks != null) {
            checks.injects().forEach(line -> checked.put(line.id(), check(line.metric(), line.atLeast(), line.atMost(),
                line.observed(), line.met())));
        }
        for (Scenario.Inject inject : scenario.msel()) {
            long at = inject.at().resolve(scenario.startAt()).toEpochMilli();
            Long firedAt = firedByTrainer.containsKey(inject.id()) ? firedByTrainer.get(inject.id())
                : inject.conditional() ? (conditional == null ? null : conditional.firedAt(inject.id()).orElse(null))
                : at <= now ? Long.valueOf(at) : null;
            boolean undecided = inject.conditional() ? conditional != null && conditional.waits(inject.id()) : firedAt == null;
            injects.put(inject.id(), injectStatus(inject, at, firedAt, inject.conditional(),
                state != ExerciseState.ENDED && undecided && RunTimeInjects.KINDS.contains(inject.kind()), checked.get(inject.id())));
        }
        adHoc.forEach(inject -> injects.put(inject.id(), injectStatus(inject, firedByTrainer.get(inject.id()),
            firedByTrainer.get(inject.id()), false, false, null)));
        ExerciseStatus status = ExerciseStatus.newBuilder()
            .setScenario(scenario.name()).setSeed(scenario.seed()).setState(state)
            .setSpeed(speed.factor()).setSimulatedTime(Instant.ofEpochMilli(now))
            .setStartAt(Instant.ofEpochMilli(start)).setEndAt(scenario.endAt())
            .setInjects(List.copyOf(injects.values()))
            .setOutcomes(checks == null ? List.of() : checks.outcomes().stream().map(outcome -> OutcomeStatus.newBuilder()
                .setExpected(outcome.expected()).setCheck(check(outcome.metric(), outcome.atLeast(), outcome.atMost(),
                    outcome.observed(), outcome.met())).build()).toList())
            .setLastCommandId(lastCommandId).setLastCommandRefusal(lastRefusal)
            .build();
        pipeline.publish(List.of(new TimedRecord(now, Topics.EXERCISE, Topics.EXERCISE_KEY, status)));
        pipeline.flush();
    }

    private InjectStatus injectStatus(Scenario.Inject inject, long at, Long firedAt, boolean conditional, boolean fireable,
                                      CheckStatus check) {
        return InjectStatus.newBuilder().setId(inject.id()).setKind(inject.kind()).setTarget(inject.target())
            .setAt(Instant.ofEpochMilli(at)).setConditional(conditional)
            .setFiredAt(firedAt == null ? null : Instant.ofEpochMilli(firedAt))
            .setFiredByTrainer(firedByTrainer.containsKey(inject.id())).setFireable(fireable)
            .setExpected(inject.expected().strip()).setCheck(check).build();
    }

    private static CheckStatus check(String metric, Double atLeast, Double atMost, double observed, boolean met) {
        return CheckStatus.newBuilder().setMetric(metric).setAtLeast(atLeast).setAtMost(atMost).setObserved(observed)
            .setMet(met).build();
    }
}
