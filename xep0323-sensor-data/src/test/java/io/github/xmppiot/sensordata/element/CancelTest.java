package io.github.xmppiot.sensordata.element;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.IQ;
import org.junit.jupiter.api.Test;

/** Cancelling a read-out (XEP-0323 §3.8) is an IQ get answered by {@code cancelled}. */
class CancelTest {

    @Test
    void aCancelIsAGet() {
        assertThat(new Cancel(5).getType()).isEqualTo(IQ.Type.get);
        assertThat(new Cancelled(5).seqnr()).isEqualTo(5);
        assertThat(new Accepted(6, false).seqnr()).isEqualTo(6);
    }
}
