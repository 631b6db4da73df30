package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.topics.Topics;

/** The router's directory and treaties global stores as a processor reads them: the world as of any record time. */
record WorldStores(DecodedHistories<DirectoryEntry> directory, DecodedHistories<TreatyMembership> treaties) {

    static WorldStores open(ProcessorContext<?, ?> context, Deserializer<DirectoryEntry> directoryEntries,
                            Deserializer<TreatyMembership> memberships) {
        return new WorldStores(
            new DecodedHistories<>(context.getStateStore(RouterTopology.DIRECTORY_STORE), directoryEntries, Topics.DIRECTORY),
            new DecodedHistories<>(context.getStateStore(RouterTopology.TREATIES_STORE), memberships, Topics.TREATIES));
    }

    VersionedWorldView asOf(long time) {
        return new VersionedWorldView(directory, treaties, time);
    }
}
