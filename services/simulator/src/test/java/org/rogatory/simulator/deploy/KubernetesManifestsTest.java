package org.rogatory.simulator.deploy;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.topology.AuthoritiesTopology;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.contracts.Channel;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.domain.RoutingParameters;
import org.rogatory.router.topology.RouterSerdes;
import org.rogatory.router.topology.RouterSettings;
import org.rogatory.router.topology.RouterTopology;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.topology.CaseTimerTopology;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/ (Strimzi) against the code: the topic catalogue, and what each stream service's own
 * topology reads and writes (its {@link TopologyDescription}, the same factories the services run).
 * No cluster is reachable here: this is the check the manifests get.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("../../deploy/k8s");
    private static final Map<String, ?> SERDES = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://k8s-manifests");

    private final List<Map<String, Object>> documents = documents();

    @Test
    @DisplayName("every topic of the catalogue is a KafkaTopic with the catalogue's partitions and settings, replicated 3 times")
    void everyCatalogueTopicDeclared() {
        Map<String, Map<String, Object>> declared = topics();
        List<NewTopic> catalogue = TopicCatalogue.topics(TopicCatalogue.DEFAULT_PARTITIONS);
        assertThat(catalogue).hasSizeGreaterThan(10);
        for (NewTopic topic : catalogue) {
            Map<String, Object> spec = declared.get(topic.name());
            assertThat(spec).as(topic.name()).isNotNull();
            assertThat(spec.get("partitions")).as(topic.name()).isEqualTo(topic.numPartitions());
            assertThat(spec.get("replicas")).as(topic.name()).isEqualTo(3);
            assertThat(map(spec, "config")).as(topic.name()).isEqualTo(topic.configs());
        }
    }

    @Test
    @DisplayName("the cluster is KRaft node pools, three replicas, min.insync.replicas 2, ACLs enforced")
    void clusterIsKraftWithAcls() {
        Map<String, Object> kafka = only("Kafka");
        assertThat(map(kafka, "metadata", "annotations")).containsEntry("strimzi.io/kraft", "enabled")
            .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(map(kafka, "spec", "kafka", "config")).containsEntry("min.insync.replicas", 2)
            .containsEntry("default.replication.factor", 3);
        assertThat(map(kafka, "spec", "kafka", "authorization")).containsEntry("type", "simple");
        Map<String, Object> pool = only("KafkaNodePool");
        assertThat(map(pool, "spec")).containsEntry("replicas", 3).containsEntry("roles", List.of("controller", "broker"));
    }

    @Test
    @DisplayName("every service is a Deployment with readiness, liveness and startup probes, resources, and a Service")
    void everyServiceHasProbes() {
        List<Map<String, Object>> deployments = ofKind("Deployment");
        assertThat(deployments).extracting(d -> name(d))
            .containsExactlyInAnyOrder("schema-registry", "router", "authorities", "case-timer");
        Set<String> services = new TreeSet<>(ofKind("Service").stream().map(KubernetesManifestsTest::name).toList());
        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            assertThat(services).as("Service for " + name).contains(name);
            @SuppressWarnings("unchecked")
            Map<String, Object> container = ((List<Map<String, Object>>) map(deployment, "spec", "template", "spec").get("containers")).get(0);
            String expectedReadiness = name.equals("schema-registry") ? "/subjects" : "/health/readiness";
            String expectedLiveness = name.equals("schema-registry") ? "/subjects" : "/health/liveness";
            assertThat(map(container, "readinessProbe", "httpGet").get("path")).as(name).isEqualTo(expectedReadiness);
            assertThat(map(container, "livenessProbe", "httpGet").get("path")).as(name).isEqualTo(expectedLiveness);
            assertThat(map(container, "startupProbe", "httpGet").get("path")).as(name).isEqualTo(expectedLiveness);
            assertThat(map(container, "resources", "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(map(container, "resources", "limits")).as(name).containsKey("memory");
            assertThat(container.get("args")).as(name).asList().startsWith("service", name);
            assertThat(environment(container)).as(name).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL",
                "KAFKA_SASL_JAAS_CONFIG");
        }
    }

    @Test
    @DisplayName("every topic ACL names a declared topic, or a prefix that is one service's application id (its internal topics)")
    void everyAclNamesAnExistingTopic() {
        Set<String> declared = topics().keySet();
        Set<String> applicationPrefixes = Set.of("rogatory-router-", "rogatory-authorities-", "rogatory-case-timer-", "rogatory-");
        for (Map<String, Object> user : ofKind("KafkaUser")) {
            for (Acl acl : acls(user)) {
                if (!acl.type().equals("topic")) {
                    continue;
                }
                if (acl.prefix()) {
                    assertThat(declared.stream().anyMatch(t -> t.startsWith(acl.name())) || applicationPrefixes.contains(acl.name()))
                        .as(name(user) + ": prefix " + acl.name()).isTrue();
                } else {
                    assertThat(declared).as(name(user) + ": topic " + acl.name()).contains(acl.name());
                }
            }
        }
    }

    @Test
    @DisplayName("each stream service's user reads every topic its topology reads, writes every topic it writes, owns its group, internal topics and (exactly-once) transactional ids")
    void aclsCoverEveryTopology() {
        Map<String, Topology> topologies = Map.of(
            "router", RouterTopology.build(new RouterSettings(RoutingParameters.defaults()), RouterSerdes.avro(SERDES)),
            "case-timer", built(b -> CaseTimerTopology.define(b, ClockPolicy.defaults(), LadderPolicy.defaults(), SERDES,
                CaseTimerTopology.StoreKind.IN_MEMORY, TopicCatalogue.DEFAULT_PARTITIONS, Duration.ZERO)),
            "authorities", built(b -> AuthoritiesTopology.define(b, new NodeBehaviourTable(List.of()), 72, 1, Set.of(), TransportPolicy.DEFAULT, SERDES)));
        Set<String> catalogue = topics().keySet();
        for (var entry : topologies.entrySet()) {
            String service = entry.getKey();
            Map<String, Object> streams = streamsSettings(service);
            String applicationId = (String) streams.get("application.id");
            List<Acl> acls = acls(user("rogatory-" + service));
            TopologyDescription description = entry.getValue().describe();
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            for (TopologyDescription.Subtopology sub : description.subtopologies()) {
                for (TopologyDescription.Node node : sub.nodes()) {
                    if (node instanceof TopologyDescription.Source source) {
                        reads.addAll(source.topicSet());
                    } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                        writes.add(sink.topic());
                    } else if (node instanceof TopologyDescription.Sink) {
                        // the router's channel sink picks the topic per record: any of the channel topics
                        Arrays.stream(Channel.values()).filter(c -> c != Channel.UNKNOWN).map(Topics::forChannel)
                            .forEach(writes::add);
                    }
                }
            }
            description.globalStores().forEach(store -> reads.addAll(store.source().topicSet()));
            assertThat(reads).as(service + " reads").isNotEmpty();
            assertThat(writes).as(service + " writes").isNotEmpty();
            for (String topic : reads) {
                // repartition topics appear unprefixed in a description; Kafka prefixes them with the application id
                String name = catalogue.contains(topic) || topic.startsWith(applicationId) ? topic : applicationId + "-" + topic;
                assertThat(allows(acls, "topic", name, "Read")).as(service + " reads " + name).isTrue();
            }
            for (String topic : writes) {
                String name = catalogue.contains(topic) || topic.startsWith(applicationId) ? topic : applicationId + "-" + topic;
                assertThat(allows(acls, "topic", name, "Write")).as(service + " writes " + name).isTrue();
            }
            assertThat(allows(acls, "topic", applicationId + "-x-changelog", "Create")).as(service + " internal topics").isTrue();
            assertThat(allows(acls, "group", applicationId, "Read")).as(service + " group").isTrue();
            boolean exactlyOnce = "exactly_once_v2".equals(streams.get("processing.guarantee"));
            assertThat(allows(acls, "transactionalId", applicationId + "-0-1", "Write")).as(service + " transactional ids")
                .isEqualTo(exactlyOnce);
            assertThat(allows(acls, "topic", "coop.requests.submitted", "Write")).as(service + " writes no request").isFalse();
        }
    }

    private record Acl(String type, String name, boolean prefix, List<String> operations) {
    }

    private static boolean allows(List<Acl> acls, String type, String name, String operation) {
        return acls.stream().anyMatch(acl -> acl.type().equals(type)
            && (acl.prefix() ? name.startsWith(acl.name()) : name.equals(acl.name()))
            && (acl.operations().contains(operation) || acl.operations().contains("All")));
    }

    @SuppressWarnings("unchecked")
    private static List<Acl> acls(Map<String, Object> user) {
        List<Acl> acls = new ArrayList<>();
        for (Map<String, Object> acl : (List<Map<String, Object>>) map(user, "spec", "authorization").get("acls")) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            acls.add(new Acl((String) resource.get("type"), String.valueOf(resource.get("name")),
                "prefix".equals(resource.get("patternType")), (List<String>) acl.get("operations")));
        }
        return acls;
    }

    private static Topology built(java.util.function.Consumer<StreamsBuilder> define) {
        StreamsBuilder builder = new StreamsBuilder();
        define.accept(builder);
        return builder.build();
    }

    /** The service's {@code kafka.streams.<service>} settings from its settings file, as the services read it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> streamsSettings(String service) {
        try (InputStream in = KubernetesManifestsTest.class.getClassLoader().getResourceAsStream("rogatory/" + service + ".yml")) {
            Map<String, Object> settings = new Yaml().load(in);
            return map(settings, "kafka", "streams", service);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Map<String, Object>> topics() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        ofKind("KafkaTopic").forEach(t -> topics.put((String) map(t, "spec").get("topicName"), map(t, "spec")));
        return topics;
    }

    private Map<String, Object> user(String name) {
        return ofKind("KafkaUser").stream().filter(u -> name(u).equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no KafkaUser " + name));
    }

    private Map<String, Object> only(String kind) {
        List<Map<String, Object>> all = ofKind(kind);
        assertThat(all).as(kind).hasSize(1);
        return all.get(0);
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String name(Map<String, Object> document) {
        return (String) map(document, "metadata").get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new HashMap<>();
        ((List<Map<String, Object>>) container.get("env")).forEach(e -> environment.put((String) e.get("name"),
            String.valueOf(e.getOrDefault("value", e.get("valueFrom")))));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Map<String, Object> current = from;
        for (String key : path) {
            Object next = current.get(key);
            assertThat(next).as(String.join(".", path) + " (at " + key + ")").isInstanceOf(Map.class);
            current = (Map<String, Object>) next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents() {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    new Yaml().loadAll(reader).forEach(d -> documents.add((Map<String, Object>) d));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return documents;
    }
}
