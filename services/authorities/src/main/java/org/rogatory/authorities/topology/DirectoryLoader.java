package org.rogatory.authorities.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global directory store equal to the compacted coop.directory topic (tombstones delete). */
final class DirectoryLoader implements Processor<String, byte[], Void, Void> {

    private KeyValueStore<String, byte[]> directory;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        directory = context.getStateStore(AuthoritiesTopology.DIRECTORY_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return; // the node id is the key by contract: an entry without one cannot be looked up
        }
        if (record.value() == null) {
            directory.delete(record.key());
        } else {
            directory.put(record.key(), record.value());
        }
    }
}
