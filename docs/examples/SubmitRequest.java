// Submits one cooperation request to a running stack (./rogatory up) and prints the router's
// decision: what another service does to integrate through the topics (docs/cli.md, "Submitting
// a request to a running stack"). Run with the CLI's jar on the class path:
//
//   java -cp services/simulator/target/rogatory.jar docs/examples/SubmitRequest.java [BOOTSTRAP] [REGISTRY_URL]
//
// Defaults: 127.0.0.1:9092 and http://127.0.0.1:8081, the addresses `up` prints. Checked by SubmitRequestExampleIT.

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

void main(String[] args) throws Exception {
    // Avro 1.12 instantiates only trusted generated classes.
    System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.rogatory.contracts");
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    String registry = args.length > 1 ? args[1] : "http://127.0.0.1:8081";

    // In `up`, simulated time is wall time: the request is stamped now.
    Instant now = Instant.now();
    String caseId = "example/ald-to-kes-mla/" + now.toEpochMilli();
    String eventId = UUID.randomUUID().toString();
    CooperationRequest request = CooperationRequest.newBuilder()
        .setHeader(EventHeader.newBuilder().setEventId(eventId).setCaseId(caseId).setCorrelationId(caseId)
            .setCausationId(eventId).setSimulatedTime(now).setSourceNode("ALD-CA-MLA")
            .setClassification(Classification.RESTRICTED).build())
        .setRequestType(RequestType.MLA)
        .setInstrument(Instrument.UNTOC)
        .setRequestingState("ALD")
        .setRequestedState("KES")
        .setOriginNode("ALD-CA-MLA")
        .setConductCategory(ConductCategory.ONLINE_FRAUD)
        .setNationalOffenceLabel("wire fraud")
        .setCrimeArea(CrimeArea.FINANCIAL_CRIME_CORRUPTION)
        .setMaxPenaltyYears(10)            // serious crime (UNTOC art. 2(b)) ...
        .setOrganisedCriminalGroup(true)   // ... by an organised group: within UNTOC (art. 3)
        .setLanguage("en")
        .build();

    // Confluent's configuration names: Confluent's own KafkaAvroSerializer would take the same.
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
            "schema.registry.url", registry))) {
        // Key: the case id; record timestamp: the request's simulated time.
        producer.send(new ProducerRecord<>("coop.requests.submitted", null, now.toEpochMilli(), caseId, request)).get();
    }
    System.out.println("submitted " + caseId);

    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "example-" + eventId,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName(),
            "schema.registry.url", registry,
            "specific.avro.reader", "true"))) {
        consumer.subscribe(List.of("coop.case-events"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                if (caseId.equals(record.key()) && record.value() instanceof CaseEvent event) {
                    System.out.println(event.getStatus() + " to " + event.getNodeId() + " on " + event.getChannel()
                        + " " + event.getReasonCodes());
                    return;
                }
            }
        }
        System.err.println("no routing decision for " + caseId + " within 60 s: is the router running (./rogatory up)?");
        System.exit(1);
    }
}
