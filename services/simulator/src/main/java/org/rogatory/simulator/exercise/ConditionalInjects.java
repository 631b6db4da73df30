package org.rogatory.simulator.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rogatory.contracts.CaseView;

/**
 * The MSEL's conditional and contingency injects still waiting to fire. At each step boundary
 * the runner gives the case views it read once every service had committed the step; each
 * condition is read on the facts stamped before that boundary (or before a contingency's time),
 * which are all in by then and the same on every run, whatever the machine or the partitions
 * (docs/scenario-format.md, Conditional and contingency injects).
 */
public final class ConditionalInjects {

    private final String scenarioName;
    private final Instant start;
    private final long end;
    private final List<Scenario.Inject> waiting = new ArrayList<>();
    /** Inject id → the boundary it fired at, on the state or by a trainer. */
    private final Map<String, Long> fired = new HashMap<>();

    public ConditionalInjects(Scenario scenario) {
        this.scenarioName = scenario.name();
        this.start = scenario.startAt();
        this.end = scenario.endAt().toEpochMilli();
        scenario.msel().stream().filter(Scenario.Inject::conditional).forEach(waiting::add);
    }

    /** Whether any inject still waits: the runner reads the cases only then. */
    public boolean waiting() {
        return !waiting.isEmpty();
    }

    /** Whether the inject still waits for its condition. */
    public boolean waits(String injectId) {
        return waiting.stream().anyMatch(inject -> inject.id().equals(injectId));
    }

    /** The inject leaves the waiting list, fired at {@code at} by a trainer rather than by its condition. */
    public void firedByTrainer(String injectId, long at) {
        if (!waiting.removeIf(inject -> inject.id().equals(injectId))) {
            throw new IllegalArgumentException("inject " + injectId + " does not wait for its condition");
        }
        fired.put(injectId, at);
    }

    /** When the inject fired, if it has. */
    public Optional<Long> firedAt(String injectId) {
        return Optional.ofNullable(fired.get(injectId));
    }

    /**
     * The injects that fire at {@code boundary}, in MSEL order, given every case as the services
     * left it at that boundary; each fires at most once. A conditional inject fires at the first
     * boundary from its {@code at} on where its condition held before the boundary; a contingency
     * inject is decided at the first boundary from its {@code at} on, and fires unless its
     * condition held before {@code at}. Nothing fires at or after the end of the exercise.
     */
    public List<Scenario.Inject> fireAt(long boundary, Collection<CaseView> cases) {
        List<Scenario.Inject> firing = new ArrayList<>();
        if (boundary >= end) {
            waiting.clear();
            return firing;
        }
        waiting.removeIf(inject -> {
            long at = inject.at().resolve(start).toEpochMilli();
            if (boundary < at) {
                return false;
            }
            if (inject.when() != null) {
                if (inject.when().heldAsOf(cases, scenarioName, boundary)) {
                    firing.add(inject);
                    return true;
                }
                return false;
            }
            if (!inject.unless().heldAsOf(cases, scenarioName, at)) {
                firing.add(inject);
            }
            return true;
        });
        firing.forEach(inject -> fired.put(inject.id(), boundary));
        return firing;
    }
}
