package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.TreatyMembership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.rogatory.router.domain.Fixtures.POLICY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 2 - competent authority from the directory; no designation: diplomatic channel (UNODC directory, res. 12/1 annex II (h); UNTOC art. 18(13))")
class CompetentAuthorityTest {

    @ParameterizedTest(name = "{0} to {1} on {2}: {3}")
    @DisplayName("the requested state's active node designated for the type on the channel")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        EXTRADITION  | KES | CENTRAL_AUTHORITY | KES-CA-EXT
        MLA          | KES | CENTRAL_AUTHORITY | KES-CA-MLA
        MLA          | BRV | CENTRAL_AUTHORITY | BRV-MOJ
        EXTRADITION  | BRV | CENTRAL_AUTHORITY | BRV-MOJ
        MLA          | LUM | CENTRAL_AUTHORITY | LUM-MOJ
        EXTRADITION  | HAL | CENTRAL_AUTHORITY | -
        PRESERVATION | LUM | CONTACT_POINT_247 | -
        PRESERVATION | CSK | CONTACT_POINT_247 | -
        PRESERVATION | KES | CONTACT_POINT_247 | KES-POC-247
        EXTRADITION  | JAS | DIPLOMATIC        | JAS-MFA
        """)
    void receiver(RequestType type, String state, Channel channel, String expected) {
        assertEquals(Optional.ofNullable(expected),
            CompetentAuthority.receiver(VIEW, state, type, channel).map(DirectoryEntry::getNodeId));
    }

    @Test
    @DisplayName("a designation published later is used: a new CA-EXT in Halvessa takes extradition off the diplomatic channel")
    void newDesignation() {
        DirectoryEntry designated = ShallowCopy.of(Fixtures.WORLD.directoryByKey().get("HAL-CA-MLA"), DirectoryEntry::new);
        designated.setNodeId("HAL-CA-EXT");
        designated.setRole(NodeRole.CA_EXT);
        designated.setHandles(List.of(RequestType.EXTRADITION));
        WorldView withDesignation = new WorldView() {
            @Override
            public List<String> states() {
                return VIEW.states();
            }

            @Override
            public List<DirectoryEntry> nodesOf(String state) {
                List<DirectoryEntry> nodes = new ArrayList<>(VIEW.nodesOf(state));
                if (state.equals("HAL")) {
                    nodes.add(designated);
                }
                return nodes;
            }

            @Override
            public List<TreatyMembership> membershipsOf(String state) {
                return VIEW.membershipsOf(state);
            }
        };
        var request = request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "HAL").build();
        RoutingDecision.Routed before = assertInstanceOf(RoutingDecision.Routed.class, POLICY.decide(request, T0, VIEW).decision());
        RoutingDecision.Routed after = assertInstanceOf(RoutingDecision.Routed.class, POLICY.decide(request, T0, withDesignation).decision());
        assertEquals(List.of(Channel.DIPLOMATIC, "HAL-MFA"), List.of(before.channel(), before.toNode()));
        assertEquals(List.of(Channel.CENTRAL_AUTHORITY, "HAL-CA-EXT"), List.of(after.channel(), after.toNode()));
    }
}
