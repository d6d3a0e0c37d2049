package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.sensordata.ReadoutLimits;
import java.time.Duration;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** Bounds on concurrent and queued read-outs, per requester and in total (XEP-0323 §3.1, answered wait/resource-constraint). */
class AdmissionTest {

    private static final BareJid ALICE = JidCreate.bareFromOrThrowUnchecked("alice@example.org");
    private static final BareJid BOB = JidCreate.bareFromOrThrowUnchecked("bob@example.org");

    /** Two active and one queued per requester; three active and two queued in total. */
    private static final ReadoutLimits LIMITS = new ReadoutLimits(2, 1, 3, 2, Duration.ofHours(1));

    @Test
    void aRequesterGetsItsActiveLimitAndNoMore() throws Exception {
        Admission a = new Admission();
        Admission.Slot first = a.admit(ALICE, false, LIMITS);
        a.admit(ALICE, false, LIMITS);
        assertThatThrownBy(() -> a.admit(ALICE, false, LIMITS))
                .isInstanceOf(IotErrorException.class)
                .hasMessage(
                        "too many read-outs in progress for alice@example.org (limit 2); retry when one has finished")
                .satisfies(e -> {
                    IotErrorException x = (IotErrorException) e;
                    assertThat(x.condition()).isEqualTo(StanzaError.Condition.resource_constraint);
                    assertThat(x.type()).isEqualTo(StanzaError.Type.WAIT);
                });
        assertThat(a.totals()).containsExactly(2, 0);
        first.release();
        assertThat(a.totals()).containsExactly(1, 0);
        a.admit(ALICE, false, LIMITS);
        assertThat(a.totals()).containsExactly(2, 0);
    }

    @Test
    void queuedAndActiveAreCountedApart() throws Exception {
        Admission a = new Admission();
        a.admit(ALICE, true, LIMITS);
        assertThat(a.totals()).containsExactly(0, 1);
        assertThatThrownBy(() -> a.admit(ALICE, true, LIMITS))
                .hasMessage("too many read-outs queued for alice@example.org (limit 1); retry when one has finished");
        a.admit(ALICE, false, LIMITS);
        a.admit(ALICE, false, LIMITS);
        assertThat(a.totals()).containsExactly(2, 1);
    }

    @Test
    void theTotalBoundsEveryRequesterTogether() throws Exception {
        Admission a = new Admission();
        a.admit(ALICE, false, LIMITS);
        a.admit(ALICE, false, LIMITS);
        Admission.Slot bobs = a.admit(BOB, false, LIMITS);
        assertThatThrownBy(() -> a.admit(BOB, false, LIMITS))
                .isInstanceOf(IotErrorException.class)
                .hasMessage("too many read-outs in progress on this device (limit 3); retry later");
        bobs.release();
        a.admit(BOB, false, LIMITS);
        a.admit(ALICE, true, LIMITS);
        a.admit(BOB, true, LIMITS);
        assertThatThrownBy(() -> a.admit(JidCreate.bareFrom("carol@example.org"), true, LIMITS))
                .hasMessage("too many read-outs queued on this device (limit 2); retry later");
        assertThat(a.totals()).containsExactly(3, 2);
    }

    @Test
    void aSlotIsReleasedOnce() throws Exception {
        Admission a = new Admission();
        Admission.Slot one = a.admit(ALICE, false, LIMITS);
        a.admit(BOB, false, LIMITS);
        one.release();
        one.release();
        assertThat(a.totals()).containsExactly(1, 0);
        a.admit(ALICE, false, LIMITS);
        a.admit(ALICE, false, LIMITS);
        assertThat(a.totals()).containsExactly(3, 0);
    }

    @Test
    void aRequesterWithNothingLeftStartsAfresh() throws Exception {
        Admission a = new Admission();
        Admission.Slot active = a.admit(ALICE, false, LIMITS);
        Admission.Slot queued = a.admit(ALICE, true, LIMITS);
        active.release();
        // still one queued: the active count is back to zero, so two may start again
        a.admit(ALICE, false, LIMITS);
        a.admit(ALICE, false, LIMITS);
        assertThatThrownBy(() -> a.admit(ALICE, false, LIMITS)).isInstanceOf(IotErrorException.class);
        queued.release();
        assertThat(a.totals()).containsExactly(2, 0);
        a.admit(ALICE, true, LIMITS);
        assertThat(a.totals()).containsExactly(2, 1);
    }

    @Test
    void totalsIsACopy() throws Exception {
        Admission a = new Admission();
        a.admit(ALICE, false, LIMITS);
        int[] totals = a.totals();
        totals[0] = 99;
        assertThat(a.totals()).containsExactly(1, 0);
    }
}
