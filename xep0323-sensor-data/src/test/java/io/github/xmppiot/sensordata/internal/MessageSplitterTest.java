package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.sensordata.element.Fields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private static final DateTimeValue T = DateTimeValue.parse("2026-01-01T00:00:00Z");

    private static List<TimedField> values(int n) {
        List<TimedField> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new TimedField(T, Field.momentary("F" + i, new IntValue(i))));
        }
        return l;
    }

    @Test
    void oneLargeNodeIsCutByFieldCount() {
        List<Fields> out = new MessageSplitter(1, 100, 1_000_000).fields(NodeRef.of("N"), values(250));
        assertThat(out).extracting(Fields::fieldCount).containsExactly(100, 100, 50);
    }

    @Test
    void manySmallNodesArePackedTogetherWithinTheLimits() {
        MessageSplitter s = new MessageSplitter(1, 100, 1_000_000);
        List<Fields> sent = new ArrayList<>();
        Fields open = null;
        for (int i = 0; i < 1000; i++) {
            Fields next = s.fields(NodeRef.of("N" + i), values(1)).get(0);
            Fields merged = open == null ? null : s.merge(open, next);
            if (merged != null) {
                open = merged;
            } else {
                if (open != null) {
                    sent.add(open);
                }
                open = next;
            }
        }
        sent.add(open);
        assertThat(sent).hasSize(10).allSatisfy(f -> assertThat(f.fieldCount()).isEqualTo(100));
        assertThat(sent.get(9).nodes()).hasSize(100);
        assertThat(sent.get(0).nodes().get(0).node()).isEqualTo(NodeRef.of("N0"));
    }

    @Test
    void mergeRespectsTheCharacterLimit() {
        MessageSplitter s = new MessageSplitter(1, 1000, 1500);
        Fields a = s.fields(NodeRef.of("A"), values(10)).get(0);
        Fields b = s.fields(NodeRef.of("B"), values(10)).get(0);
        assertThat(s.merge(a, b)).isNull();
        assertThat(new MessageSplitter(1, 1000, 100_000).merge(a, b).fieldCount())
                .isEqualTo(20);
    }
}
