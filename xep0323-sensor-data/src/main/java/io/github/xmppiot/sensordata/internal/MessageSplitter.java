package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.FailureError;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.NodeFields;
import io.github.xmppiot.sensordata.element.TimestampFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the values of one node into {@code fields} messages of bounded size (at most {@code maxFields} values and about
 * {@code maxChars} characters each; XEP-0323 §3 allows any number of messages), grouping consecutive values with
 * the same timestamp under one {@code timestamp} element.
 */
public final class MessageSplitter {

    private static final int MESSAGE_OVERHEAD = 400;
    private static final int TIMESTAMP_OVERHEAD = 60;

    private final int seqnr;
    private final int maxFields;
    private final int maxChars;

    /**
     * Creates a splitter.
     *
     * @param seqnr     the read-out's sequence number
     * @param maxFields most values per message, at least 1
     * @param maxChars  approximate largest message, in characters
     */
    public MessageSplitter(int seqnr, int maxFields, int maxChars) {
        this.seqnr = seqnr;
        this.maxFields = Math.max(1, maxFields);
        this.maxChars = maxChars;
    }

    /**
     * Splits the values of one node.
     *
     * @param node   the node
     * @param fields its values, in the order to send
     * @return the messages, none with {@code done}
     */
    public List<Fields> fields(NodeRef node, List<TimedField> fields) {
        List<Fields> out = new ArrayList<>();
        List<TimestampFields> groups = new ArrayList<>();
        List<Field> current = new ArrayList<>();
        DateTimeValue ts = null;
        int count = 0;
        int chars = MESSAGE_OVERHEAD;
        for (TimedField tf : fields) {
            int len = FieldXml.estimateLength(tf.field());
            boolean newGroup = !tf.timestamp().equals(ts);
            int extra = len + (newGroup ? TIMESTAMP_OVERHEAD : 0);
            if (count > 0 && (count == maxFields || chars + extra > maxChars)) {
                groups.add(new TimestampFields(ts, current));
                out.add(new Fields(seqnr, false, List.of(new NodeFields(node, groups))));
                groups = new ArrayList<>();
                current = new ArrayList<>();
                count = 0;
                chars = MESSAGE_OVERHEAD;
                newGroup = true;
                extra = len + TIMESTAMP_OVERHEAD;
            } else if (newGroup && !current.isEmpty()) {
                groups.add(new TimestampFields(ts, current));
                current = new ArrayList<>();
            }
            ts = tf.timestamp();
            current.add(tf.field());
            count++;
            chars += extra;
        }
        if (!current.isEmpty()) {
            groups.add(new TimestampFields(ts, current));
            out.add(new Fields(seqnr, false, List.of(new NodeFields(node, groups))));
        }
        return out;
    }

    /**
     * Packs the values of another node into a message that is still open, if the result stays within the limits:
     * read-outs of many small nodes (a hub with thousands of one-field nodes) then need a few messages instead of
     * one per node.
     *
     * @param open the message being filled, not yet sent
     * @param next the next node's message
     * @return the combined message, or null if it would exceed the limits
     */
    public Fields merge(Fields open, Fields next) {
        int count = open.fieldCount() + next.fieldCount();
        if (count > maxFields || estimateChars(open) + estimateChars(next) - MESSAGE_OVERHEAD > maxChars) {
            return null;
        }
        List<NodeFields> nodes =
                new ArrayList<>(open.nodes().size() + next.nodes().size());
        nodes.addAll(open.nodes());
        nodes.addAll(next.nodes());
        return new Fields(seqnr, false, nodes);
    }

    private static int estimateChars(Fields f) {
        int chars = MESSAGE_OVERHEAD;
        for (NodeFields n : f.nodes()) {
            chars += TIMESTAMP_OVERHEAD;
            for (TimestampFields t : n.timestamps()) {
                chars += TIMESTAMP_OVERHEAD;
                for (Field field : t.fields()) {
                    chars += FieldXml.estimateLength(field);
                }
            }
        }
        return chars;
    }

    /**
     * Splits the errors of one node into {@code failure} messages.
     *
     * @param errors the errors
     * @return the messages, none with {@code done}
     */
    public List<Failure> failures(List<FailureError> errors) {
        List<Failure> out = new ArrayList<>();
        List<FailureError> current = new ArrayList<>();
        int chars = MESSAGE_OVERHEAD;
        for (FailureError e : errors) {
            int len = 100 + e.text().length();
            if (!current.isEmpty() && (current.size() == maxFields || chars + len > maxChars)) {
                out.add(new Failure(seqnr, false, current));
                current = new ArrayList<>();
                chars = MESSAGE_OVERHEAD;
            }
            current.add(e);
            chars += len;
        }
        if (!current.isEmpty()) {
            out.add(new Failure(seqnr, false, current));
        }
        return out;
    }
}
