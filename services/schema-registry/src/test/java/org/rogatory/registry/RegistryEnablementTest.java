package org.rogatory.registry;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.rogatory.registry.store.KafkaSchemaLog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another service's context on the same classpath (all-in-one mode) gets none of the registry:
 * no Kafka log, no controllers, no filter or error routes of ours.
 */
class RegistryEnablementTest {

    @Test
    void aContextThatDoesNotAskForTheRegistryHasNoneOfIt() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertFalse(context.containsBean(KafkaSchemaLog.class));
            assertFalse(context.containsBean(Leader.class));
            assertTrue(context.getBeanDefinitions(Qualifiers.byStereotype(Controller.class)).stream()
                .noneMatch(d -> d.getBeanType().getPackageName().startsWith("org.rogatory.registry")));
            assertTrue(context.getBeanDefinitions(Qualifiers.byStereotype(ServerFilter.class)).stream()
                .noneMatch(d -> d.getBeanType().getPackageName().startsWith("org.rogatory.registry")));
        }
    }
}
