package org.rogatory.platform.exercise;

import org.rogatory.contracts.InjectKind;

import java.util.Set;

/**
 * The inject kinds that may fire at an instant decided during a run: on the exercise's state
 * (conditional and contingency injects) or by a trainer (docs/exercise-control.md). They act on
 * the simulated nodes, which take an inject written during the run in time order. World changes
 * are published before the run (the router reads them in its own thread, with no barrier) and
 * surges are drawn with the workload, so neither can depend on what happens in it.
 */
public final class RunTimeInjects {

    public static final Set<InjectKind> KINDS = Set.of(InjectKind.NODE_OUTAGE, InjectKind.CHANNEL_OUTAGE,
        InjectKind.STAFF_CUT);

    private RunTimeInjects() {
    }

    /** The kinds, by name, sorted: for an error message. */
    public static java.util.List<String> names() {
        return KINDS.stream().map(Enum::name).sorted().toList();
    }
}
