package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.rogatory.router.domain.ExtraditionClaim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The router's private encoding of the extradition claims on one person (a state store's values). */
final class ExtraditionClaimsSerde implements Serde<List<ExtraditionClaim>> {

    @Override
    public Serializer<List<ExtraditionClaim>> serializer() {
        return (topic, claims) -> {
            if (claims == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(claims.size());
                for (ExtraditionClaim claim : claims) {
                    out.writeUTF(claim.caseId());
                    out.writeUTF(claim.requestingState());
                    out.writeUTF(claim.requestedState());
                    out.writeLong(claim.at());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<List<ExtraditionClaim>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                int count = in.readInt();
                List<ExtraditionClaim> claims = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    claims.add(new ExtraditionClaim(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong()));
                }
                return claims;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
