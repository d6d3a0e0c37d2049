package io.github.xmppiot.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jxmpp.jid.Jid;

/**
 * Which token was sent to which JID, and when (XEP-0324 §3.1.3.2, §6.2): a party answers a {@code tokenChallenge}
 * only from a JID to which it sent that token within the last minute. For a token forwarded on behalf of another
 * party the origin is kept, so that the challenge can be relayed to it. Not API.
 *
 * <p>Bounded (issue 15 item 4): expired entries are purged once per request, not once per token, and at most
 * {@link #MAX_ENTRIES} sendings are remembered; a sending beyond that is not recorded, so a challenge for it is not
 * answered (the request it belonged to then fails as if the token were unknown). Requests carry at most
 * {@link io.github.xmppiot.core.TokenLimits#current()} tokens.
 */
public final class SentTokens {

    /** The window of XEP-0324 §3.1.3.2. */
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Most sendings remembered within {@link #WINDOW}. */
    public static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Entry> sent = new ConcurrentHashMap<>();

    /** A sending: when, and on whose behalf (null: our own token). */
    private record Entry(Instant at, Jid origin) {}

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
        recordAll(List.of(token), to, t -> origin);
    }

    /**
     * Records that the tokens of one request were sent to {@code to}; expired entries are purged once.
     *
     * @param tokens   the tokens
     * @param to       the recipient
     * @param originOf the party each token was forwarded for, or null for our own token
     */
    public void recordAll(Collection<String> tokens, Jid to, Function<String, Jid> originOf) {
        if (tokens.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        purge(now);
        for (String token : tokens) {
            if (sent.size() >= MAX_ENTRIES) {
                return;
            }
            sent.put(key(token, to), new Entry(now, originOf.apply(token)));
        }
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

    private void purge(Instant now) {
        Instant limit = now.minus(WINDOW);
        for (Iterator<Entry> it = sent.values().iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(limit)) {
                it.remove();
            }
        }
    }

    private static String key(String token, Jid to) {
        return token + ' ' + to.asBareJid();
    }
}
