package org.rogatory.simulator.run;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.rogatory.simulator.exercise.ConditionalInjects;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.report.ExerciseReport;
import org.rogatory.simulator.report.ReportBuilder;
import org.rogatory.simulator.report.RunLog;
import org.rogatory.simulator.report.RunLogReader;
import org.rogatory.simulator.stack.LocalStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Plays a scenario through the real pipeline in lockstep simulated time. Each step writes the
 * next window's requests and injects plus the clock tick that closes the previous window, then
 * waits until every service has committed all its input ({@link Quiescence}). So a node sees its
 * whole inbox before the watermark passes it, and the case timer, which lags the watermark by
 * one step, sees every node action before it decides a clock: results depend on the scenario
 * and the seed only, never on thread timing (docs/determinism.md, docs/engine.md).
 */
public final class ExerciseRunner {

    /**
     * Two simulated days per step: clocks and service times stay exact (they are in record
     * timestamps); the step only sets when a node hears of an escalation (at the next tick) and
     * what a run costs, a round of commits per step (docs/engine.md).
     */
    public static final Duration STEP = Duration.ofDays(2);
    /**
     * The timer decides a clock only once the watermark has passed it by one step: a node action
     * stamped before the previous tick was written during the step that wrote that tick, so it is
     * in by then (docs/engine.md). A case timer running elsewhere for a run to drive
     * ({@code service case-timer --scenario}) needs it too.
     */
    public static final Duration TIMER_GRACE = STEP;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final Logger LOG = LoggerFactory.getLogger(ExerciseRunner.class);

    private final StopRequest stop;
    private final Map<String, Object> serviceSettings;
    private final Scale scale;

    public ExerciseRunner() {
        this(new StopRequest());
    }

    /** @param stop ends the exercise early when requested; the report then covers the simulated days played */
    public ExerciseRunner(StopRequest stop) {
        this(stop, Map.of());
    }

    /**
     * @param serviceSettings settings laid over the services' own and the lockstep commit intervals (Kafka client
     *                        settings): a run's results must not depend on them (DeterminismIT)
     */
    public ExerciseRunner(StopRequest stop, Map<String, Object> serviceSettings) {
        this(stop, serviceSettings, Scale.DEFAULT);
    }

    /** @param scale partitions of the in-process broker's topics, instances of each service the run starts */
    public ExerciseRunner(StopRequest stop, Map<String, Object> serviceSettings, Scale scale) {
        this.stop = stop;
        Map<String, Object> settings = Pipeline.lockstepCommits();
        settings.putAll(serviceSettings);
        this.serviceSettings = Map.copyOf(settings);
        this.scale = scale;
    }

    /**
     * @param bootstrapServers    external Kafka, or null for an in-process broker and registry
     * @param registryUrl         external registry (with bootstrapServers), or null
     * @param useRunningServices  drive the services already running against the external cluster
     *                            ({@link RunningServices}) instead of starting this run's own
     */
    public record Options(LoadedScenario scenario, World world, RunSpeed speed,
                          String bootstrapServers, String registryUrl, boolean progress, boolean useRunningServices) {

        public Options {
            if (useRunningServices && bootstrapServers == null) {
                throw new IllegalArgumentException("--use-running-services drives services running against an external"
                    + " cluster: give --bootstrap-servers and --schema-registry-url too");
            }
        }

        /** The run starts its own services. */
        public Options(LoadedScenario scenario, World world, RunSpeed speed, String bootstrapServers, String registryUrl,
                       boolean progress) {
            this(scenario, world, speed, bootstrapServers, registryUrl, progress, false);
        }
    }

    public ExerciseResult run(Options options) {
        return run(options, new ExerciseControl.Scripted(STEP, options.speed()));
    }

    /** A run whose step boundaries {@code control} decides (a test holding the run while a fault heals). */
    ExerciseResult run(Options options, ExerciseControl control) {
        return conduct(options, control.step(), null, (pipeline, endpoints) -> control, result -> { });
    }

    /**
     * A live exercise ({@code rogatory play}): the run starts its own services with the gateway
     * serving on {@code httpPort}, plays at {@code options.speed()} in steps of {@code step}, and
     * carries out the trainer's commands at each step boundary ({@link ExerciseConductor}).
     *
     * @param serving     told the services' HTTP address once they serve
     * @param afterAction given the result once the exercise has ended, while the services (the gateway,
     *                    the console) still serve: they stop when it returns
     */
    public ExerciseResult play(Options options, Duration step, int httpPort, Consumer<URL> serving,
                               Consumer<ExerciseResult> afterAction) {
        if (options.useRunningServices()) {
            throw new IllegalArgumentException("play starts its own services, with the gateway: drop --use-running-services");
        }
        return conduct(options, step, httpPort, (pipeline, endpoints) -> {
            serving.accept(pipeline.url().orElseThrow());
            return new ExerciseConductor(endpoints.bootstrapServers(), endpoints.registryUrl(), options.scenario().scenario(),
                step, options.speed(), pipeline, stop::requested);
        }, afterAction);
    }

    /**
     * @param step     simulated time per lockstep step; the case timer decides a clock one step after it is due
     * @param httpPort port of the services' HTTP surface and the gateway's API, or null for neither
     */
    private ExerciseResult conduct(Options options, Duration step, Integer httpPort,
                                   BiFunction<Pipeline, Endpoints, ExerciseControl> controlFor,
                                   Consumer<ExerciseResult> afterAction) {
        // before anything starts: a node the world lacks would read as 0 in a check, or fail mid-run
        options.scenario().requireNodesOf(options.world().directoryByKey().keySet());
        Scenario scenario = options.scenario().scenario();
        long wallStart = System.nanoTime();
        try (Endpoints endpoints = Endpoints.open(options.bootstrapServers(), options.registryUrl(), scale.partitions());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, scale.partitions());
            endpoints.requireNoEarlierRun(admin);
            RunningServices running = endpoints.runningServices(admin, options.useRunningServices());
            RunLogReader reader = new RunLogReader(admin, endpoints.bootstrapServers(), endpoints.registryUrl());
            Map<TopicPartition, Long> mark = reader.mark();
            try (Pipeline services = running != null
                    ? Pipeline.drive(endpoints.bootstrapServers(), endpoints.registryUrl(), options.scenario(), options.world(), running)
                    : Pipeline.start(endpoints.bootstrapServers(), endpoints.registryUrl(),
                    options.scenario(), options.world(), step, httpPort, serviceSettings, scale.instances())) {
                Timeline timeline = services.timeline();
                LOG.info("exercise {} (seed {}): {} requests, {} injects over {} simulated days; {} partitions, {}",
                    scenario.name(), scenario.seed(), timeline.requestCount(), scenario.msel().size(), scenario.durationDays(),
                    services.partitions(), running != null ? "the running services"
                        : scale.instances() == 1 ? "one instance of each service" : scale.instances() + " instances of each service");
                Quiescence quiescence = new Quiescence(admin, services.inputsByGroup());
                long reached;
                try (ExerciseControl control = controlFor.apply(services, endpoints);
                     RunLogReader.Follower log = control.showsChecks() ? reader.follow(mark) : reader.followCases(mark)) {
                    reached = play(timeline, services, quiescence, log, options, control);
                }
                // the pipeline is idle: its log is complete, and the services serve on for the after-action
                RunLog log = reader.read(mark);
                double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
                ReportBuilder builder = new ReportBuilder(log, scenario.startAt(),
                    (reached - scenario.startAt().toEpochMilli()) / (double) Duration.ofDays(1).toMillis());
                ExerciseReport report = builder.build(scenario, new ExerciseReport.Run(round(wallSeconds), log.eventCount(),
                    round(log.eventCount() / wallSeconds)));
                ExerciseResult result = new ExerciseResult(report, builder.casesAsOfEnd(), builder.standingsAsOfEnd());
                afterAction.accept(result);
                return result;
            }
        }
    }

    /** @return the simulated instant played to: the exercise's end, or the step a stop request or a trainer ended it at */
    private long play(Timeline timeline, Pipeline services, Quiescence quiescence, RunLogReader.Follower log,
                      Options options, ExerciseControl control) {
        ClockSource clock = services.clock();
        Scenario scenario = options.scenario().scenario();
        ConditionalInjects conditional = new ConditionalInjects(scenario);
        long start = scenario.startAt().toEpochMilli();
        long end = scenario.endAt().toEpochMilli();
        long step = control.step().toMillis();
        // Past the end, the pipeline runs until the timer (one step behind) has decided every clock due by the end.
        long drainEnd = end + 2 * step;
        int steps = (int) Math.ceil((drainEnd - start) / (double) step);
        try (ProgressBar bar = options.progress() ? progressBar(scenario, (drainEnd - start) / DAY_MILLIS) : null) {
            long windowStart = start;
            long reached = end;
            boolean ending = false;
            for (int i = 0; i < steps; i++) {
                if ((ending || stop.requested()) && windowStart < end) {
                    reached = windowStart;
                    break;
                }
                long stepWall = System.nanoTime();
                long windowEnd = Math.min(windowStart + step, drainEnd);
                List<org.rogatory.simulator.workload.TimedRecord> window = timeline.between(windowStart, windowEnd);
                services.publish(window);
                clock.tick(windowStart);
                services.flush();
                long flushed = System.nanoTime();
                int passes = quiescence.await(STEP_TIMEOUT, services::failure);
                LOG.debug("step {}: {} records, written in {} ms, pipeline idle after {} ms ({} checks)", i, window.size(),
                    (flushed - stepWall) / 1_000_000, (System.nanoTime() - flushed) / 1_000_000, passes);
                if (conditional.waiting()) {
                    fireOnState(conditional, windowStart, timeline, services, quiescence, log);
                }
                if (bar != null) {
                    bar.stepTo((windowEnd - start) / DAY_MILLIS);
                }
                pace(control.speed(), windowEnd - windowStart, stepWall);
                // up to what the timer, a step behind, has decided: as the report checks at the end, two steps drained
                if (windowStart - 2 * step > start) {
                    showChecks(control, log, scenario, windowStart - 2 * step);
                }
                if (windowStart < end) {
                    ExerciseControl.Boundary boundary = control.atBoundary(windowStart, timeline, conditional);
                    publishFired(boundary.fire(), services, quiescence);
                    ending = boundary.end();
                }
                windowStart = windowEnd;
            }
            // An exercise ended early drains like a shorter one: the timer decides every clock due by the step reached.
            clock.tick(Math.min(drainEnd, reached + 2 * step));
            services.flush();
            quiescence.await(STEP_TIMEOUT, services::failure);
            showChecks(control, log, scenario, reached);
            control.ended(reached);
            return reached;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the pipeline stopped making progress: " + e.getMessage(), e);
        }
    }

    /** The scenario's expectations checked on the log so far, as of {@code upTo}, for a control that shows them. */
    private static void showChecks(ExerciseControl control, RunLogReader.Follower log, Scenario scenario, long upTo) {
        if (control.showsChecks()) {
            control.checked(new ReportBuilder(log.catchUp(), scenario.startAt(),
                (upTo - scenario.startAt().toEpochMilli()) / (double) DAY_MILLIS).checks(scenario));
        }
    }

    /**
     * Fires the conditional and contingency injects whose condition the state at this barrier
     * decides. Every service has committed all it read, and the tick at {@code boundary} has
     * passed every fact stamped before it: those facts are the same on every run, so is what
     * fires. Each fired inject is stamped {@code boundary}, which the nodes have not passed yet
     * (they take inputs strictly before a tick); a barrier of its own makes sure they have it
     * before the next tick passes it.
     */
    private static void fireOnState(ConditionalInjects conditional, long boundary, Timeline timeline, Pipeline services,
                                    Quiescence quiescence, RunLogReader.Follower log) throws TimeoutException {
        List<Scenario.Inject> fired = conditional.fireAt(boundary, log.catchUp().cases().values());
        if (fired.isEmpty()) {
            return;
        }
        fired.forEach(inject -> LOG.info("inject {} fired at {}", inject.id(), Instant.ofEpochMilli(boundary)));
        publishFired(timeline.fired(fired, boundary), services, quiescence);
    }

    /** Injects fired at a boundary, stamped with it: a barrier of their own before the next tick passes them. */
    private static void publishFired(List<org.rogatory.simulator.workload.TimedRecord> records, Pipeline services,
                                     Quiescence quiescence) throws TimeoutException {
        if (records.isEmpty()) {
            return;
        }
        services.publish(records);
        services.flush();
        quiescence.await(STEP_TIMEOUT, services::failure);
    }

    private static ProgressBar progressBar(Scenario scenario, long days) {
        return new ProgressBarBuilder().setTaskName(scenario.name()).setInitialMax(days).setUnit(" days", 1)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .hideEta().build();
    }

    /** Live exercises: hold each step until its simulated span has elapsed at the chosen speed. */
    private void pace(RunSpeed speed, long simulatedMillis, long stepStartNanos) {
        long remaining = speed.wallMillis(simulatedMillis) - (System.nanoTime() - stepStartNanos) / 1_000_000;
        if (remaining > 0) {
            try {
                stop.pause(remaining); // pacing a live exercise to wall time, not waiting for a result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The broker and registry a run talks to: external ones, checked, or an in-process stack. */
    private record Endpoints(String bootstrapServers, String registryUrl, LocalStack stack, boolean external)
        implements AutoCloseable {

        static Endpoints open(String bootstrapServers, String registryUrl, int partitions) {
            if (bootstrapServers == null && registryUrl == null) {
                LocalStack stack = LocalStack.start(0, 0, null, partitions);
                return new Endpoints(stack.bootstrapServers(), stack.registryUrl(), stack, false);
            }
            if (bootstrapServers == null || registryUrl == null) {
                throw new IllegalArgumentException("give both --bootstrap-servers and --schema-registry-url, or neither"
                    + " (then an in-process broker and registry start)");
            }
            ExternalEndpoints.check(bootstrapServers, registryUrl);
            return new Endpoints(bootstrapServers, registryUrl, null, true);
        }

        /** An external cluster must be fresh: services would otherwise resume from an earlier run's topics. */
        void requireNoEarlierRun(Admin admin) {
            if (!external) {
                return;
            }
            long records = ExternalEndpoints.recordCount(admin, Topics.REQUESTS_SUBMITTED);
            if (records > 0) {
                throw new IllegalStateException("the cluster at " + bootstrapServers + " already holds " + records
                    + " records on " + Topics.REQUESTS_SUBMITTED + " from an earlier run: use a fresh cluster"
                    + " (or delete the coop.* topics and the services' consumer groups)");
            }
        }

        /**
         * The services the run drives when asked to ({@code --use-running-services}), else null, after
         * refusing a cluster where services already run: this run's own would join their consumer groups
         * and split the work with them.
         */
        RunningServices runningServices(Admin admin, boolean use) {
            if (use) {
                long ticks = ExternalEndpoints.recordCount(admin, Topics.CLOCK);
                if (ticks > 0) {
                    // e.g. rogatory up: live services on the wall clock, whose ticks would jump this run's time
                    throw new IllegalStateException("--use-running-services: " + Topics.CLOCK + " at " + bootstrapServers
                        + " already holds ticks (" + ticks + " records): another clock drives these services (rogatory up?);"
                        + " drive services started with `rogatory service NAME --scenario` (docker-compose.yml) on a fresh cluster");
                }
                return RunningServices.require(admin, bootstrapServers);
            }
            if (external) {
                Map<String, Set<String>> groups = RunningServices.find(admin);
                if (!groups.isEmpty()) {
                    throw new IllegalStateException("services already run against " + bootstrapServers + " (consumer groups "
                        + String.join(", ", groups.keySet()) + "): add --use-running-services to drive them, or stop them");
                }
            }
            return null;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }
}
