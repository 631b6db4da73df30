package org.rogatory.registry;

import jakarta.inject.Singleton;
import org.rogatory.registry.domain.Registrar;
import org.rogatory.registry.domain.Registrar.WritePlan;
import org.rogatory.registry.domain.RegistryRecord.SchemaRecord;
import org.rogatory.registry.store.KafkaSchemaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The single writer: decides a write against the current state and appends its records, one write
 * at a time, so that each decision sees every earlier write (versions and ids never collide).
 */
@Singleton
public class Leader {

    private static final Logger LOG = LoggerFactory.getLogger(Leader.class);

    private final Registrar registrar;
    private final KafkaSchemaLog log;

    public Leader(Registrar registrar, KafkaSchemaLog log) {
        this.registrar = registrar;
        this.log = log;
    }

    public synchronized <T> T write(Function<Registrar, WritePlan<T>> decision) {
        WritePlan<T> plan = decision.apply(registrar);
        if (!plan.records().isEmpty()) {
            log.append(plan.records());
            plan.records().forEach(record -> {
                if (record instanceof SchemaRecord(String subject, int version, var value) && value != null && !value.deleted()) {
                    LOG.info("Registered schema id {} as subject {} version {}", value.id(), subject, version);
                }
            });
        }
        return plan.answer();
    }
}
