package org.rogatory.timer.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RequestType;

/**
 * What a case knows of a later case that follows it up (the later case lists it in
 * linkedCaseIds): when that case was first sent, on which channel, and when it was first
 * received by the requested state. Times in epoch millis, null until they happen.
 */
public record LinkedCase(String caseId, RequestType requestType, Long routedAt, Channel routedChannel, Long receivedAt) {

    LinkedCase with(LinkNotice notice) {
        Long routed = routedAt;
        Channel channel = routedChannel;
        if (notice.routed() && (routed == null || notice.at() < routed)) {
            routed = notice.at();
            channel = notice.channel();
        }
        Long received = receivedAt;
        if (notice.received() && (received == null || notice.at() < received)) {
            received = notice.at();
        }
        return new LinkedCase(caseId, requestType, routed, channel, received);
    }
}
