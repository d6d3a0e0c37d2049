package io.github.xmppiot.sensordata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * A complete read-out (XEP-0323 §3): every field value received until {@code done}, filtered against the request
 * (XEP-0323 §3: the request is only a hint, the client filters; CHECKLIST 323-3), and every failure.
 *
 * @param seqnr     the sequence number used
 * @param thing     the JID the request was sent to
 * @param queued    whether the Thing queued the read-out ({@code accepted queued='true'})
 * @param fields    the field values kept, in the order received
 * @param failures  the failures, in the order received
 * @param discarded how many received field values did not match the request and were dropped
 * @since 0.1.0
 */
public record Readout(
        int seqnr, Jid thing, boolean queued, List<ReadoutField> fields, List<ReadoutFailure> failures, int discarded) {

    /**
     * Copies the lists.
     */
    public Readout {
        fields = List.copyOf(fields);
        failures = List.copyOf(failures);
    }

    /**
     * The first value of a field.
     *
     * @param name the field name
     * @return the first field of that name received, if any
     */
    public Optional<ReadoutField> field(String name) {
        for (ReadoutField f : fields) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * All values of a field (several nodes or timestamps).
     *
     * @param name the field name
     * @return the fields of that name, in the order received
     */
    public List<ReadoutField> fields(String name) {
        List<ReadoutField> out = new ArrayList<>();
        for (ReadoutField f : fields) {
            if (f.name().equals(name)) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return whether any failure was reported */
    public boolean hasFailures() {
        return !failures.isEmpty();
    }
}
