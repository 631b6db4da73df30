package org.rogatory.simulator.run;

import org.rogatory.contracts.Inject;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.workload.InjectRecords;
import org.rogatory.simulator.workload.TimedRecord;
import org.rogatory.simulator.workload.WorkloadGenerator;

import java.util.ArrayList;
import java.util.List;

/** Everything the exercise control writes during a run, in simulated-time order. */
final class Timeline {

    private final InjectRecords injects;
    private final List<TimedRecord> world;
    private final List<TimedRecord> records;
    private final long requests;
    private int next;

    /** @param partitions partitions of coop.injects */
    Timeline(LoadedScenario loaded, World world, int partitions) {
        Scenario scenario = loaded.scenario();
        this.injects = new InjectRecords(scenario, world, partitions);
        // The world is in force from the exercise's first instant (or earlier if the world file says so).
        this.world = new ArrayList<>(injects.world(Math.min(scenario.startAt().toEpochMilli(), world.effectiveFrom())));
        List<TimedRecord> requests = new WorkloadGenerator(scenario, world).requests();
        this.requests = requests.size();
        List<TimedRecord> all = new ArrayList<>(requests);
        // World changes (designations, ratifications, wrong entries) go out with the world, stamped
        // with their own instants: the router's directory is versioned by record time, so a change
        // known in advance applies exactly from its instant, whichever thread reads what first.
        // Sent in their step instead, they would race the requests of that step.
        for (TimedRecord record : injects.records()) {
            (record.topic().equals(Topics.INJECTS) ? all : this.world).add(record);
        }
        all.sort(TimedRecord.ORDER);
        this.records = all;
    }

    List<TimedRecord> world() {
        return world;
    }

    long requestCount() {
        return requests;
    }

    /** The records of conditional or contingency injects fired at {@code at}, in order. */
    List<TimedRecord> fired(List<Scenario.Inject> fired, long at) {
        return fired.stream().flatMap(inject -> injects.fired(inject, at).stream()).sorted(TimedRecord.ORDER).toList();
    }

    /** The records of a designation or ratification a trainer makes, in force from {@code at}. */
    List<TimedRecord> worldChange(Scenario.Inject inject, long at) {
        return injects.worldChange(inject, at).stream().sorted(TimedRecord.ORDER).toList();
    }

    /**
     * A fixed-time inject fired early at {@code at} by a trainer: its records still to come leave
     * the timeline, and its records at {@code at} are returned (it lasts as long as it would have).
     *
     * @throws IllegalStateException when its records have gone out already (it fired at its time)
     */
    List<TimedRecord> firedEarly(Scenario.Inject inject, long at) {
        List<TimedRecord> pending = records.subList(next, records.size());
        if (!pending.removeIf(record -> record.topic().equals(Topics.INJECTS)
                && ((Inject) record.value()).getHeader().getCaseId().equals(inject.id()))) {
            throw new IllegalStateException("inject " + inject.id() + " has fired already");
        }
        return injects.fired(inject, at).stream().sorted(TimedRecord.ORDER).toList();
    }

    /** The records in [from, until), taken in order: each is returned once. */
    List<TimedRecord> between(long from, long until) {
        List<TimedRecord> window = new ArrayList<>();
        while (next < records.size() && records.get(next).timestamp() < until) {
            TimedRecord record = records.get(next++);
            if (record.timestamp() < from) {
                throw new IllegalStateException("record at " + record.timestamp() + " before the window starting " + from);
            }
            window.add(record);
        }
        return window;
    }
}
