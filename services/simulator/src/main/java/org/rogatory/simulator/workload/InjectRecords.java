package org.rogatory.simulator.workload;

import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What each MSEL inject writes: every inject goes to coop.injects (the nodes and the report see
 * it); world changes also go to the directory or treaty topics at the inject's time, where the
 * router picks them up for requests from that instant on (docs/rules.md, The directory).
 */
public final class InjectRecords {

    private static final String SOURCE = "exercise-control";

    private final Scenario scenario;
    private final World world;
    private final int partitions;

    /** @param partitions partitions of coop.injects */
    public InjectRecords(Scenario scenario, World world, int partitions) {
        this.scenario = scenario;
        this.world = world;
        this.partitions = partitions;
    }

    /** The records of the injects fixed in time; conditional and contingency ones are {@link #fired} during the run. */
    public List<TimedRecord> records() {
        List<TimedRecord> records = new ArrayList<>();
        for (Scenario.Inject inject : scenario.msel()) {
            if (inject.conditional()) {
                continue;
            }
            long at = at(inject.at());
            Long until = inject.until() == null ? null : at(inject.until());
            records.addAll(injectRecords(inject, at, until));
            switch (inject.kind()) {
                case RATIFICATION, DESIGNATION -> records.add(worldRecord(inject, at));
                case DIRECTORY_ERROR -> records.addAll(directoryError(inject, at, until));
                default -> { } // outages, staff cuts and surges act on nodes and workload, not on the world
            }
        }
        records.sort(TimedRecord.ORDER);
        return records;
    }

    /**
     * An inject fired at {@code at} during the run, by its condition or by a trainer: it lasts its
     * {@code lasting} from then, or, fixed in time and fired early, as long as it would have lasted.
     * Only the records on coop.injects: the caller fires only kinds that act on nodes or channels.
     */
    public List<TimedRecord> fired(Scenario.Inject inject, long at) {
        Long lasting = inject.lasting() != null ? Long.valueOf(inject.lasting().toDuration().toMillis())
            : inject.until() != null ? Long.valueOf(at(inject.until()) - at(inject.at())) : null;
        return injectRecords(inject, at, lasting == null ? null : at + lasting);
    }

    /**
     * A designation or ratification a trainer makes during the run, in force from {@code at}: the
     * inject on coop.injects and the change on coop.directory or coop.treaties.
     *
     * @throws IllegalArgumentException when the world has no such node, or no treaty record of the state
     */
    public List<TimedRecord> worldChange(Scenario.Inject inject, long at) {
        List<TimedRecord> records = new ArrayList<>(injectRecords(inject, at, null));
        records.add(worldRecord(inject, at));
        return records;
    }

    private TimedRecord worldRecord(Scenario.Inject inject, long at) {
        return switch (inject.kind()) {
            case RATIFICATION -> ratification(inject, at);
            case DESIGNATION -> designation(inject, at);
            default -> throw new IllegalArgumentException(inject.kind() + " is not a designation or a ratification");
        };
    }

    /** The inject on coop.injects, where the nodes and the report read it. */
    private List<TimedRecord> injectRecords(Scenario.Inject inject, long at, Long until) {
        Inject event = injectEvent(inject, at, until);
        if (inject.kind() == InjectKind.CHANNEL_OUTAGE) {
            // A channel carries messages to every node, so every partition (every node's inbox) must know.
            List<TimedRecord> records = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                records.add(new TimedRecord(at, Topics.INJECTS, inject.target(), event, partition));
            }
            return records;
        }
        return List.of(new TimedRecord(at, Topics.INJECTS, inject.target(), event));
    }

    /** The world records as published at the start of the exercise. */
    public List<TimedRecord> world(long at) {
        List<TimedRecord> records = new ArrayList<>();
        world.directoryByKey().forEach((key, entry) -> records.add(new TimedRecord(at, Topics.DIRECTORY, key, entry)));
        world.treatiesByKey().forEach((key, treaty) -> records.add(new TimedRecord(at, Topics.TREATIES, key, treaty)));
        return records;
    }

    private Inject injectEvent(Scenario.Inject inject, long at, Long until) {
        String eventId = "E-" + inject.id();
        return Inject.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId(eventId).setCaseId(inject.id()).setCorrelationId(inject.id())
                .setCausationId(eventId).setSimulatedTime(Instant.ofEpochMilli(at)).setSourceNode(SOURCE)
                .setClassification(Classification.RESTRICTED).build())
            .setKind(inject.kind())
            .setTarget(inject.target())
            .setStartAt(Instant.ofEpochMilli(at))
            .setEndAt(until == null ? null : Instant.ofEpochMilli(until))
            .setParameters(Map.copyOf(inject.parameters()))
            .setExpected(inject.expected())
            .build();
    }

    /** The state becomes party to the instrument; its own law (conducts, UNTOC 18(9) waiver) comes along. */
    private TimedRecord ratification(Scenario.Inject inject, long at) {
        Instrument instrument = Instrument.valueOf(inject.parameters().get("instrument"));
        TreatyMembership law = treaty(inject.target() + "|" + Instrument.NONE);
        TreatyMembership party = TreatyMembership.newBuilder(law).setInstrument(instrument).setInForce(true)
            .setAcceptsInterpolForUrgent(Boolean.parseBoolean(inject.parameters().getOrDefault("acceptsInterpolForUrgent", "false")))
            .build();
        return new TimedRecord(at, Topics.TREATIES, World.treatyKey(party), party);
    }

    private TimedRecord designation(Scenario.Inject inject, long at) {
        List<RequestType> handles = Arrays.stream(inject.parameters().get("handles").split(","))
            .map(String::trim).map(RequestType::valueOf).toList();
        DirectoryEntry designated = DirectoryEntry.newBuilder(node(inject.target())).setHandles(handles)
            .setActive(Boolean.parseBoolean(inject.parameters().getOrDefault("active", "true"))).build();
        return new TimedRecord(at, Topics.DIRECTORY, designated.getNodeId(), designated);
    }

    /**
     * A wrong directory entry: the target's designation is listed under another node, so requests
     * for it reach the wrong authority; corrected at {@code until} when given.
     */
    private List<TimedRecord> directoryError(Scenario.Inject inject, long at, Long until) {
        DirectoryEntry target = node(inject.target());
        DirectoryEntry wrong = node(inject.parameters().get("misroutesTo"));
        List<RequestType> merged = new ArrayList<>(wrong.getHandles());
        target.getHandles().stream().filter(t -> !merged.contains(t)).forEach(merged::add);
        List<TimedRecord> records = new ArrayList<>(List.of(
            new TimedRecord(at, Topics.DIRECTORY, target.getNodeId(), DirectoryEntry.newBuilder(target).setActive(false).build()),
            new TimedRecord(at, Topics.DIRECTORY, wrong.getNodeId(), DirectoryEntry.newBuilder(wrong).setHandles(merged).build())));
        if (until != null) {
            records.add(new TimedRecord(until, Topics.DIRECTORY, target.getNodeId(), target));
            records.add(new TimedRecord(until, Topics.DIRECTORY, wrong.getNodeId(), wrong));
        }
        return records;
    }

    private DirectoryEntry node(String nodeId) {
        DirectoryEntry entry = world.directoryByKey().get(nodeId);
        if (entry == null) {
            throw new IllegalArgumentException("inject names node " + nodeId + ", which is not in the world "
                + world.source() + " (declare it there, with active: false if it is designated later)");
        }
        return entry;
    }

    private TreatyMembership treaty(String key) {
        TreatyMembership treaty = world.treatiesByKey().get(key);
        if (treaty == null) {
            throw new IllegalArgumentException("no treaty record " + key + " in the world " + world.source());
        }
        return treaty;
    }

    private long at(org.rogatory.simulator.exercise.SimTime time) {
        return time.resolve(scenario.startAt()).toEpochMilli();
    }
}
