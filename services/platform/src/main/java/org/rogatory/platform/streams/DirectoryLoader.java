package org.rogatory.platform.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global directory store equal to the compacted coop.directory topic (tombstones delete).
 * The store holds the topic's raw bytes, so a restored global store equals a processed one.
 */
public final class DirectoryLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLoader.class);

    private final String storeName;
    private KeyValueStore<String, byte[]> directory;

    public DirectoryLoader(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        directory = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            // A global store cannot forward to the dead-letter topic; the node id is the key by contract.
            LOG.warn("directory entry without a key (node id) ignored");
            return;
        }
        if (record.value() == null) {
            directory.delete(record.key());
        } else {
            directory.put(record.key(), record.value());
        }
    }
}
