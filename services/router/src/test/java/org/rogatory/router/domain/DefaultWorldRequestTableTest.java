package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * docs/rules.md "The requests": one request of each type in the default world lands on the channel and
 * node the table gives, or is dead-lettered with a stated reason.
 */
@DisplayName("docs/rules.md request table - one request per type in the default world")
class DefaultWorldRequestTableTest {

    /** type | instrument | urgent | from | to | channel (or DEAD_LETTER, REFUSED) | node (or reason, ground) */
    static final String TABLE = """
        MLA                     | UNTOC                 | false | ALD | DUN | CENTRAL_AUTHORITY | DUN-CA-MLA
        MLA                     | UNTOC                 | true  | ALD | IRV | I247              | IRV-NCB
        MLA                     | CYBERCRIME_CONVENTION | true  | ALD | KES | CONTACT_POINT_247 | KES-POC-247
        EXTRADITION             | UNTOC                 | false | ALD | KES | CENTRAL_AUTHORITY | KES-CA-EXT
        EXTRADITION             | UNTOC                 | false | ALD | JAS | DIPLOMATIC        | JAS-MFA
        PROVISIONAL_ARREST      | UNTOC                 | false | ALD | DUN | I247              | DUN-NCB
        PRESERVATION            | CYBERCRIME_CONVENTION | false | ALD | KES | CONTACT_POINT_247 | KES-POC-247
        DISCLOSURE              | CYBERCRIME_CONVENTION | false | ALD | IRV | CONTACT_POINT_247 | IRV-POC-247
        POLICE_INFORMATION      | UNTOC                 | false | ALD | DUN | I247              | DUN-NCB
        CONFISCATION            | UNTOC                 | false | ALD | KES | CENTRAL_AUTHORITY | KES-CA-MLA
        TRANSFER_OF_PROCEEDINGS | UNTOC                 | false | ALD | KES | CENTRAL_AUTHORITY | KES-CA-EXT
        TEMPORARY_SURRENDER     | UNTOC                 | false | ALD | DUN | CENTRAL_AUTHORITY | DUN-CA-EXT
        SPONTANEOUS_INFORMATION | UNTOC                 | false | ALD | DUN | CENTRAL_AUTHORITY | DUN-CA-MLA
        EXTRADITION_ARBITRATION | UNTOC                 | false | ALD | KES | DEAD_LETTER       | EXTRADITION_ARBITRATION cases are opened by the router (rule 8), not submitted
        UNKNOWN                 | UNTOC                 | false | ALD | KES | DEAD_LETTER       | unknown requestType
        """;

    @ParameterizedTest(name = "{0} urgent={2} {3} to {4}: {5} {6}")
    @CsvSource(delimiter = '|', textBlock = TABLE)
    void lands(RequestType type, Instrument instrument, boolean urgent, String from, String to, String channel, String target) {
        RoutingDecision decision = decide(request(type, instrument, from, to).setUrgent(urgent).build()).decision();
        List<String> actual = switch (decision) {
            case RoutingDecision.Routed r -> List.of(r.channel().name(), r.toNode());
            case RoutingDecision.Refused r -> List.of("REFUSED", r.ground().name());
            case RoutingDecision.DeadLettered d -> List.of("DEAD_LETTER", d.reason());
        };
        assertEquals(List.of(channel, target), actual);
    }

    @Test
    @DisplayName("the table has a row for every request type")
    void everyType() {
        Set<String> inTable = TABLE.lines().map(l -> l.split("\\|")[0].trim()).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        assertEquals(Arrays.stream(RequestType.values()).map(Enum::name).collect(Collectors.toSet()), inTable);
    }
}
