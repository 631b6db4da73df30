package org.rogatory.authorities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RequestType;

class ECodexTransportTest {
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    @Test
    @DisplayName("the same message id is sent once: the second send is recognised and not delivered")
    void duplicate() {
        ECodexTransport transport = new ECodexTransport("N", TransportPolicy.DEFAULT, 1);
        assertThat(transport.send("MSG-1", Channel.CENTRAL_AUTHORITY, T0, T0, arrival("C-1", T0))).isPresent();
        assertThat(transport.send("MSG-1", Channel.CENTRAL_AUTHORITY, T0, T0 + HOUR, arrival("C-1", T0 + HOUR))).isEmpty();
        assertThat(transport.send("MSG-2", Channel.CENTRAL_AUTHORITY, T0, T0 + HOUR, arrival("C-2", T0 + HOUR))).isPresent();
    }

    @Test
    @DisplayName("the delays are drawn per case and step: the same seed and case give the same arrival, whatever else was sent")
    void drawnPerCase() {
        ECodexTransport alone = new ECodexTransport("N", TransportPolicy.DEFAULT, 7);
        ECodexTransport crowded = new ECodexTransport("N", TransportPolicy.DEFAULT, 7);
        crowded.send("MSG-0", Channel.CENTRAL_AUTHORITY, T0, T0, arrival("C-0", T0));
        Arrival a = alone.send("MSG-1", Channel.CENTRAL_AUTHORITY, T0, T0, arrival("C-1", T0)).orElseThrow();
        Arrival b = crowded.send("MSG-1", Channel.CENTRAL_AUTHORITY, T0, T0, arrival("C-1", T0)).orElseThrow();
        assertThat(a).isEqualTo(b);
        assertThat(a.at()).isGreaterThanOrEqualTo(T0 + 2 * 60_000L);
        assertThat(a.retrievalMillis()).isGreaterThanOrEqualTo(60_000L);
    }

    @Test
    @DisplayName("the diplomatic channel carries notes, not e-delivery messages: however slow, no negative evidence")
    void diplomaticHasNoTimeout() {
        ServiceTimeDistribution twoDays = new ServiceTimeDistribution.Fixed(48);
        TransportPolicy slow = TransportPolicy.DEFAULT.with(Map.of(Channel.DIPLOMATIC,
                new TransportPolicy.Steps(twoDays, twoDays, twoDays)), 24 * HOUR);
        ECodexTransport transport = new ECodexTransport("N", slow, 1);
        transport.send("MSG-1", Channel.DIPLOMATIC, T0, T0, arrival("C-1", T0));
        List<NodeAction> recorded = transport.advanceTo(T0 + 10 * 24 * HOUR, List.of());
        assertThat(recorded).extracting(NodeAction::evidence).containsExactly(EvidenceType.RELAYED);
        assertThat(recorded.getFirst().at()).isEqualTo(T0 + 48 * HOUR);
    }

    @Test
    @DisplayName("the instant transport of a load run: a millisecond a step on every channel, still in order")
    void instant() {
        ECodexTransport transport = new ECodexTransport("N", TransportPolicy.instant(), 1);
        Arrival a = transport.send("MSG-1", Channel.DIPLOMATIC, T0, T0, arrival("C-1", T0)).orElseThrow();
        assertThat(a.at()).isEqualTo(T0 + 2);
        assertThat(a.retrievalMillis()).isEqualTo(1);
        assertThat(transport.advanceTo(T0 + 1, List.of())).extracting(NodeAction::evidence, NodeAction::at)
                .containsExactly(tuple(EvidenceType.RELAYED, T0 + 1));
    }

    private static Arrival arrival(String caseId, long at) {
        return new Arrival(caseId, RequestType.MLA, "en", at);
    }
}
