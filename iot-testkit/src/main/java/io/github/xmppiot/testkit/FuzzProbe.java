package io.github.xmppiot.testkit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.smack.SmackException.NoResponseException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * Sends {@link StanzaFuzz} payloads from one account (typically a stranger) to a device and checks the two rules of a
 * device in the field: every IQ request is answered with a result or an error, and the device stays connected.
 */
public final class FuzzProbe {

    /** What the device answered. */
    public enum Answer {
        /** An IQ request got a result. */
        RESULT,
        /** An IQ request got an error. */
        ERROR,
        /** Not a request (a message, or an IQ result or error): nothing to answer. */
        NONE
    }

    /** Stanzas sent between two checks of {@link #run}. */
    public static final int CHECK_EVERY = 20;

    /** A check that the target still serves its friends. */
    @FunctionalInterface
    public interface Check {
        /**
         * Runs the check.
         *
         * @throws Exception if it fails
         */
        void run() throws Exception;
    }

    private FuzzProbe() {}

    /**
     * Sends one mutated stanza per case; every {@value #CHECK_EVERY} stanzas and at the end checks that the target and
     * the sender are online and that the target serves its friend.
     *
     * @param sender   the sending connection (typically a stranger)
     * @param target   the device's connection
     * @param cases    samples with their mutations
     * @param timeout  how long a request may wait for its answer
     * @param friendIsServed the check, for example a read-out by a friend
     * @return how many stanzas got each kind of answer
     * @throws AssertionError if a request is not answered or a check fails
     * @throws Exception      if a stanza cannot be sent
     */
    public static Map<Answer, Integer> run(
            XMPPConnection sender,
            XMPPConnection target,
            Iterable<Map.Entry<StanzaFuzz.Sample, StanzaFuzz.Mutation>> cases,
            Duration timeout,
            Check friendIsServed)
            throws Exception {
        Map<Answer, Integer> answers = new EnumMap<>(Answer.class);
        for (Answer a : Answer.values()) {
            answers.put(a, 0);
        }
        int sent = 0;
        for (Map.Entry<StanzaFuzz.Sample, StanzaFuzz.Mutation> c : cases) {
            String payload = StanzaFuzz.mutate(c.getKey().payload(), c.getValue());
            Answer answer;
            try {
                answer = send(sender, target.getUser(), c.getKey(), payload, timeout);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (" + c.getValue() + ")", e);
            }
            answers.merge(answer, 1, Integer::sum);
            if (++sent % CHECK_EVERY == 0) {
                assertOnline(target);
                assertOnline(sender);
                friendIsServed.run();
            }
        }
        assertOnline(target);
        friendIsServed.run();
        return answers;
    }

    /**
     * Sends a payload in the stanza kind of its sample; waits for the answer if it is an IQ request.
     *
     * @param sender  the sending connection
     * @param target  the device's full JID
     * @param sample  the sample the payload was made from (gives the stanza kind and IQ type)
     * @param payload the payload, well-formed XML
     * @param timeout how long a request may wait for its answer
     * @return what the device answered
     * @throws AssertionError if a request is not answered within the timeout
     * @throws Exception      if the stanza cannot be sent
     */
    public static Answer send(
            XMPPConnection sender, Jid target, StanzaFuzz.Sample sample, String payload, Duration timeout)
            throws Exception {
        if ("message".equals(sample.stanza())) {
            sender.sendStanza(RawStanzas.message(payload, target));
            return Answer.NONE;
        }
        if (!"iq".equals(sample.stanza())) {
            return Answer.NONE;
        }
        IQ iq = RawStanzas.iq(payload, IQ.Type.fromString(sample.iqType()), target);
        if (!sample.isRequest()) {
            sender.sendStanza(iq);
            return Answer.NONE;
        }
        // Smack 4.4's SmackFuture.get(timeout) does not wait: bridge to a CompletableFuture
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        sender.sendIqRequestAsync(iq, timeout.toMillis())
                .onSuccess(answer::complete)
                .onError(answer::completeExceptionally);
        try {
            answer.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return Answer.RESULT;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof XMPPErrorException) {
                return Answer.ERROR;
            }
            if (e.getCause() instanceof NoResponseException) {
                throw new AssertionError("No answer within " + timeout + " to " + iq.toXML(), e.getCause());
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("No answer within " + timeout + " to " + iq.toXML(), e);
        }
    }

    /**
     * Checks that a connection is still connected and logged in.
     *
     * @param device the device's connection
     * @throws AssertionError if it is not
     */
    public static void assertOnline(XMPPConnection device) {
        if (!device.isConnected() || !device.isAuthenticated()) {
            throw new AssertionError("The device " + device.getUser() + " lost its connection");
        }
    }
}
