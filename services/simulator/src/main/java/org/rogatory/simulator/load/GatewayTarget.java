package org.rogatory.simulator.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.rogatory.gateway.IntakeTopology;
import org.rogatory.gateway.SubmissionForm;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The live pipeline through the gateway's API, as a state's case system would use it: each request
 * is POSTed to /api/v1/requests with the request's id as its Idempotency-Key (so its case id is
 * known before the answer: {@link SubmissionForm#caseId}), and followed through Kafka as the
 * direct submissions are: accepted on the gateway's intake topic, passed on to
 * coop.requests.submitted, decided, routed. Meanwhile cases accepted earlier are read back
 * ({@code GET /api/v1/cases/{id}}) at a fixed rate, each answer timed from when it was due.
 */
final class GatewayTarget implements LoadTarget {

    static final String ACCEPTED = "accepted";
    private static final Duration ANSWERS_WITHIN = Duration.ofMinutes(2);

    private final PipelineTarget direct;
    private final RequestMix mix;
    private final URI submissions;
    private final String cases;
    private final double readsPerSecond;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    /** Case id → request id, filled before each POST so that no record can arrive unnamed. */
    private final Map<String, String> requestOfCase = new ConcurrentHashMap<>();
    private final List<Stage> stages;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();
    private Reads reads;

    GatewayTarget(PipelineTarget direct, RequestMix mix, URL gateway, String registryUrl, double readsPerSecond) {
        this.direct = direct;
        this.mix = mix;
        URI base = URI.create(gateway.toString());
        this.submissions = base.resolve("/api/v1/requests");
        this.cases = base.resolve("/api/v1/cases/").toString();
        this.readsPerSecond = readsPerSecond;
        List<Stage> all = new ArrayList<>();
        all.add(new Stage(ACCEPTED, 0, List.of(IntakeTopology.SUBMISSIONS_TOPIC), record -> requestOf(record.key())));
        all.addAll(PipelineTarget.stages(registryUrl, 1, this::requestOf));
        this.stages = List.copyOf(all);
    }

    private String requestOf(String caseId) {
        return caseId == null ? null : requestOfCase.get(caseId);
    }

    @Override
    public String name() {
        return "gateway";
    }

    /** As the direct submissions: the services first finish what earlier steps left them; then the reads start. */
    @Override
    public void begin(String step, int recordBytes) {
        direct.begin(step, recordBytes);
        refused.set(0);
        firstRefusal.set(null);
        reads = new Reads();
    }

    @Override
    public List<Stage> stages() {
        return stages;
    }

    @Override
    public String keyStage() {
        return PipelineTarget.DECIDED;
    }

    @Override
    public void send(String id, long intendedEpochMillis) {
        String caseId = SubmissionForm.caseId(Optional.of(id));
        requestOfCase.put(caseId, id);
        HttpRequest post = HttpRequest.newBuilder(submissions).timeout(ANSWERS_WITHIN)
            .header("Content-Type", "application/json").header("Idempotency-Key", id)
            .POST(HttpRequest.BodyPublishers.ofString(SubmissionForm.body(mix.request(id, intendedEpochMillis)).toString()))
            .build();
        inFlight.incrementAndGet();
        http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            if (failure == null && answer.statusCode() == 202) {
                reads.readable(caseId);
            } else {
                refused.incrementAndGet();
                firstRefusal.compareAndSet(null, failure != null ? failure.toString() : answer.statusCode() + " " + answer.body());
            }
            inFlight.decrementAndGet();
        });
    }

    /** Waits for every submission's answer: only then are the step's requests all with the broker. */
    @Override
    public void flush() {
        long deadline = System.nanoTime() + ANSWERS_WITHIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
    }

    @Override
    public void end() {
        reads.stop();
    }

    /** The reads of the step just run, and the submissions the gateway did not accept. */
    @Override
    public StepResult.Reads reads() {
        return reads.figures(refused.get(), firstRefusal.get());
    }

    /**
     * GETs of cases the gateway accepted, open loop at {@code readsPerSecond}: read i is due at
     * start + i / rate, and its latency runs from then, so a slow answer delays no later read's clock.
     */
    private final class Reads {
        private final List<String> readable = new ArrayList<>();
        private final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        private final AtomicLong found = new AtomicLong();
        private final AtomicLong notFound = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        private final long start = System.nanoTime();
        private final long period = (long) (1e9 / readsPerSecond);
        private final AtomicLong next = new AtomicLong();

        Reads() {
            schedule.scheduleAtFixedRate(this::readDue, period, period, TimeUnit.NANOSECONDS);
        }

        synchronized void readable(String caseId) {
            readable.add(caseId);
        }

        private synchronized String anyReadable() {
            return readable.isEmpty() ? null : readable.get(ThreadLocalRandom.current().nextInt(readable.size()));
        }

        /** Every read due by now (a late schedule catches up at once, each timed from its own due time). */
        private void readDue() {
            for (long i = next.get(); start + (i + 1) * period <= System.nanoTime(); i = next.incrementAndGet()) {
                String caseId = anyReadable();
                if (caseId == null) {
                    continue;
                }
                long due = start + (i + 1) * period;
                HttpRequest get = HttpRequest.newBuilder(URI.create(cases + caseId)).timeout(ANSWERS_WITHIN).GET().build();
                http.sendAsync(get, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                    latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    if (failure != null || (answer.statusCode() != 200 && answer.statusCode() != 404)) {
                        failed.incrementAndGet();
                    } else if (answer.statusCode() == 200) {
                        found.incrementAndGet();
                    } else {
                        notFound.incrementAndGet(); // accepted, not yet viewed by the case timer
                    }
                });
            }
        }

        void stop() {
            schedule.shutdownNow();
        }

        StepResult.Reads figures(long refusedSubmissions, String firstRefusal) {
            // counted from the outcomes read once, so that the parts add up while late answers still come in
            long foundNow = found.get();
            long notFoundNow = notFound.get();
            long failedNow = failed.get();
            return new StepResult.Reads(readsPerSecond, foundNow + notFoundNow + failedNow, foundNow, notFoundNow, failedNow,
                StepResult.round(latency.getValueAtPercentile(50) / 1000.0), StepResult.round(latency.getValueAtPercentile(99) / 1000.0),
                StepResult.round(latency.getMaxValue() / 1000.0), refusedSubmissions, firstRefusal);
        }
    }
}
