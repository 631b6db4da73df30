package org.rogatory.simulator.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

    /**
     * The injects that fire at {@code boundary}, in MSEL order, given every case as the services
     * left it at that boundary; each fires at most once. A conditional inject fires at the first
     * boundary from its {@code at} on where its condition held before the boundary; a contingency
     * inject is decided at the first boundary from its {@code at} on, and fires unless its
     * condition held before {@code at}. Nothing fires at or after the end of the exercise.
     */
    public List<Scenario.Inject> fireAt(long boundary, Collection<CaseView> cases) {
        List<Scenario.Inject> fired = new ArrayList<>();
        if (boundary >= end) {
            waiting.clear();
            return fired;
        }
        waiting.removeIf(inject -> {
            long at = inject.at().resolve(start).toEpochMilli();
            if (boundary < at) {
                return false;
            }
            if (inject.when() != null) {
                if (inject.when().heldAsOf(cases, scenarioName, boundary)) {
                    fired.add(inject);
                    return true;
                }
                return false;
            }
            if (!inject.unless().heldAsOf(cases, scenarioName, at)) {
                fired.add(inject);
            }
            return true;
        });
        return fired;
    }
}
