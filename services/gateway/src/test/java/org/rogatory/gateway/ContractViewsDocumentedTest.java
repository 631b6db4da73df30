package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas of the contract views the API answers (a case view, a node action) are the Avro
 * contracts' own: src/main/openapi/contract-views.yml, which the OpenAPI document takes in when the
 * gateway is built, must be what {@link AvroJsonSchemas} derives from the contracts, so a contract
 * that gains a field or a symbol fails here until the document says so too.
 */
class ContractViewsDocumentedTest {

    static final Path DOCUMENTED = Path.of("src/main/openapi/contract-views.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    @Test
    @DisplayName("the documented CaseView and CaseEvent schemas (and the records they hold) are derived from the Avro contracts")
    void documentedAsTheContracts() throws Exception {
        ObjectNode expected = YAML.createObjectNode().put("openapi", "3.0.1");
        ObjectNode schemas = expected.putObject("components").putObject("schemas");
        AvroJsonSchemas.components(List.of(CaseView.getClassSchema(), CaseEvent.getClassSchema())).forEach(schemas::set);
        JsonNode documented = YAML.readTree(DOCUMENTED.toFile());
        if (!documented.equals(expected)) {
            Path derived = Path.of("target", DOCUMENTED.getFileName().toString());
            Files.writeString(derived, "# The Avro contracts' JSON views, derived by AvroJsonSchemas (ContractViewsDocumentedTest).\n"
                + YAML.writeValueAsString(expected));
            assertThat(documented.equals(expected)).as("%s differs from the contracts: the derived schemas are in %s",
                DOCUMENTED, derived).isTrue();
        }
    }
}
