package io.github.xmppiot.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jxmpp.jid.Jid;

/**
 * Which token was sent to which JID, and when (XEP-0324 §3.1.3.2, §6.2): a party answers a {@code tokenChallenge}
 * only from a JID to which it sent that token within the last minute. For a token forwarded on behalf of another
 * party the origin is kept, so that the challenge can be relayed to it. Not API.
 *
 * <p>One sender per token and recipient: a {@code tokenChallenge} names the token but not the request it is about,
 * so while a sending of token T to recipient R is within its {@link #WINDOW}, a sending of T to R on behalf of a
 * different party (another bare JID, or the Thing itself, whose origin is null) is <em>refused</em>: not recorded,
 * and the earlier sender keeps the challenges for it. Otherwise a party that saw T could present it while its holder's
 * request awaits its challenge, or the other way round, and have the challenge of one request answered by the
 * sender of the other. The caller must not send a refused token (the provisioning client forwards the request
 * without it, so that request is judged as if the token had not been presented). The same party sending T to R again
 * (any resource of the same bare JID) is recorded anew: the window restarts and challenges go to its latest full JID.
 *
 * <p>Bounded (issue 15 item 4): expired entries are purged once per request, not once per token, and at most
 * {@link #MAX_ENTRIES} sendings are remembered; a new sending beyond that is refused as above (a sending already
 * remembered can still be renewed). Requests carry at most {@link io.github.xmppiot.core.TokenLimits#current()}
 * tokens. A party can therefore hold a token for a recipient for {@link #WINDOW} after its last sending of it; that
 * delays another party's use of the token at this Thing, never grants it.
 */
public final class SentTokens {

    /** The window of XEP-0324 §3.1.3.2: how long a sending is answered for, and held against other senders. */
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
     * Records that {@code token} is sent to {@code to}, unless refused (see the class description).
     *
     * @param token  the token
     * @param to     the recipient
     * @param origin the party the token is forwarded for, or null for our own token
     * @return true if recorded; false if refused: another party's sending of it to {@code to} is within the window,
     *     or the log is full
     */
    public boolean record(String token, Jid to, Jid origin) {
        return recordAll(List.of(token), to, t -> origin).isEmpty();
    }

    /**
     * Records that the tokens of one request are sent to {@code to}; expired entries are purged once. A token is
     * refused (not recorded, and must not be sent) while another party's sending of it to {@code to} is within the
     * window, or when the log is full.
     *
     * @param tokens   the tokens
     * @param to       the recipient
     * @param originOf the party each token is forwarded for, or null for our own token
     * @return the refused tokens, in the order given; empty if all were recorded
     */
    public synchronized Set<String> recordAll(Collection<String> tokens, Jid to, Function<String, Jid> originOf) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        purge(now);
        Set<String> refused = new LinkedHashSet<>();
        for (String token : tokens) {
            String key = key(token, to);
            Jid origin = originOf.apply(token);
            Entry e = sent.get(key);
            boolean heldByAnother = e != null && !expired(e, now) && !sameParty(e.origin(), origin);
            boolean full = e == null && sent.size() >= MAX_ENTRIES;
            if (heldByAnother || full) {
                refused.add(token);
            } else {
                sent.put(key, new Entry(now, origin));
            }
        }
        return refused;
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
        if (e == null || expired(e, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(e.origin()));
    }

    private static boolean expired(Entry e, Instant now) {
        return e.at().plus(WINDOW).isBefore(now);
    }

    /** Both our own (null), or the same bare JID. */
    private static boolean sameParty(Jid a, Jid b) {
        return a == null ? b == null : b != null && a.asBareJid().equals(b.asBareJid());
    }

    private void purge(Instant now) {
        Instant limit = now.minus(WINDOW);
        for (Iterator<Entry> it = sent.values().iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(limit)) { // the same instant as expired()
                it.remove();
            }
        }
    }

    private static String key(String token, Jid to) {
        return token + ' ' + to.asBareJid();
    }
}
