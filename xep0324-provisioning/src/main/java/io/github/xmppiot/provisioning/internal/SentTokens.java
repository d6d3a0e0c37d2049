package io.github.xmppiot.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.Jid;

/**
 * Which token was sent to which JID, and when (XEP-0324 §3.1.3.2, §6.2): a party answers a {@code tokenChallenge}
 * only from a JID to which it sent that token within the last minute. For a token forwarded on behalf of another
 * party the origin is kept, so that the challenge can be relayed to it. Not API.
 */
public final class SentTokens {

    /** The window of XEP-0324 §3.1.3.2. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Entry> sent = new ConcurrentHashMap<>();

    /** A sending: when, and on whose behalf (null: our own token). */
    private record Entry(Instant at, Jid origin) {
    }

    /**
     * Creates the log.
     *
     * @param clock the clock
     */
    public SentTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records that {@code token} was sent to {@code to}.
     *
     * @param token  the token
     * @param to     the recipient
     * @param origin the party the token was forwarded for, or null for our own token
     */
    public void record(String token, Jid to, Jid origin) {
        purge();
        sent.put(key(token, to), new Entry(clock.instant(), origin));
    }

    /**
     * Whether {@code token} was sent to {@code challenger} within the window; the challenger is compared by bare JID
     * (a server answers from the same account or component).
     *
     * @param token      the token
     * @param challenger the JID challenging it
     * @return empty if not sent recently; otherwise the origin if forwarded, or an empty origin for our own token
     */
    public Optional<Optional<Jid>> lookup(String token, Jid challenger) {
        Entry e = sent.get(key(token, challenger));
        if (e == null || e.at().plus(WINDOW).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(e.origin()));
    }

    private void purge() {
        Instant limit = clock.instant().minus(WINDOW);
        for (Iterator<Entry> it = sent.values().iterator(); it.hasNext();) {
            if (it.next().at().isBefore(limit)) {
                it.remove();
            }
        }
    }

    private static String key(String token, Jid to) {
        return token + ' ' + to.asBareJid();
    }
}
