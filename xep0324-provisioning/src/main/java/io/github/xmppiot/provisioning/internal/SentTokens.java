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
 * <p>One sender per token and recipient at a time: a {@code tokenChallenge} names the token but not the request it is
 * about, so while token T sent to recipient R is <em>held</em>, a sending of T to R on behalf of a different party
 * (another bare JID, or the Thing itself, whose origin is null) is <em>refused</em>: not recorded, and the earlier
 * sender keeps the challenges for it. Otherwise a party that saw T could present it while its holder's request awaits
 * its challenge, or the other way round, and have the challenge of one request answered by the sender of the other.
 * The caller must not send a refused token (the provisioning client forwards the request without it, so that request
 * is judged as if the token had not been presented). A sending is held
 * <ul>
 *   <li>if {@linkplain #recordAll recorded} (our own tokens, sent in requests whose end the Thing does not see): for
 *       the whole {@link #WINDOW};
 *   <li>if {@linkplain #forwardAll forwarded}: within the window, until the recipient {@linkplain #answered answered}
 *       every forward of it (a provisioning server challenges a token before it answers the request carrying it).
 *       After that a challenge is still relayed to its origin, until another party's sending takes the token over.
 * </ul>
 * The same party sending T to R again (any resource of the same bare JID) is recorded anew: the window restarts and
 * challenges go to its latest full JID.
 *
 * <p>Bounded (issue 15 item 4): expired entries are purged once per request, not once per token, and at most
 * {@link #MAX_ENTRIES} sendings are remembered; a new sending beyond that is refused as above (a sending already
 * remembered can still be renewed). Requests carry at most {@link io.github.xmppiot.core.TokenLimits#current()}
 * tokens. A party can therefore delay another party's use of a token at this Thing while its own request with it
 * awaits an answer, and at most {@link #WINDOW}; it never gains the other party's proof.
 */
public final class SentTokens {

    /** The window of XEP-0324 §3.1.3.2: how long a sending is answered for, and at most held against other senders. */
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Most sendings remembered within {@link #WINDOW}. */
    public static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Entry> sent = new ConcurrentHashMap<>();

    /**
     * A sending: when, on whose behalf (null: our own token), how many forwards of it await their answer, and whether
     * it is held for the whole window regardless.
     */
    private record Entry(Instant at, Jid origin, int awaiting, boolean wholeWindow) {
        boolean holds(Instant now) {
            return !expired(this, now) && (wholeWindow || awaiting > 0);
        }
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
     * Records that {@code token} is sent to {@code to}, held for the whole window, unless refused (see the class
     * description).
     *
     * @param token  the token
     * @param to     the recipient
     * @param origin the party the token is sent for, or null for our own token
     * @return true if recorded; false if refused: another party holds it for {@code to}, or the log is full
     */
    public boolean record(String token, Jid to, Jid origin) {
        return recordAll(List.of(token), to, t -> origin).isEmpty();
    }

    /**
     * Records that the tokens of one request are sent to {@code to}, each held for the whole window; expired entries
     * are purged once. A token is refused (not recorded, and must not be sent) while another party holds it for
     * {@code to}, or when the log is full.
     *
     * @param tokens   the tokens
     * @param to       the recipient
     * @param originOf the party each token is sent for, or null for our own token
     * @return the refused tokens, in the order given; empty if all were recorded
     */
    public Set<String> recordAll(Collection<String> tokens, Jid to, Function<String, Jid> originOf) {
        return put(tokens, to, originOf, true);
    }

    /**
     * Records that the tokens of one request are forwarded to {@code to} on behalf of {@code origin}, each held until
     * {@link #answered} is called for it (at most for the window); refused as in {@link #recordAll}.
     *
     * @param tokens the tokens
     * @param to     the recipient (a provisioning server)
     * @param origin the party whose request carried them
     * @return the refused tokens, in the order given; empty if all were recorded
     */
    public Set<String> forwardAll(Collection<String> tokens, Jid to, Jid origin) {
        return put(tokens, to, t -> origin, false);
    }

    /**
     * Records that {@code to} answered a request whose tokens were {@linkplain #forwardAll forwarded} (or that it
     * failed): each stops being held for that forward, and may be taken over by another party once no other forward
     * of it awaits its answer. Challenges for it are still relayed to {@code origin} until then.
     *
     * @param tokens the tokens {@link #forwardAll} recorded (not those it refused)
     * @param to     the recipient
     * @param origin the party whose request carried them
     */
    public synchronized void answered(Collection<String> tokens, Jid to, Jid origin) {
        for (String token : new LinkedHashSet<>(tokens)) {
            sent.computeIfPresent(
                    key(token, to),
                    (k, e) -> sameParty(e.origin(), origin) && e.awaiting() > 0
                            ? new Entry(e.at(), e.origin(), e.awaiting() - 1, e.wholeWindow())
                            : e);
        }
    }

    private synchronized Set<String> put(
            Collection<String> tokens, Jid to, Function<String, Jid> originOf, boolean wholeWindow) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        purge(now);
        Set<String> refused = new LinkedHashSet<>();
        for (String token : new LinkedHashSet<>(tokens)) {
            String key = key(token, to);
            Jid origin = originOf.apply(token);
            Entry e = sent.get(key);
            boolean mine = e != null && !expired(e, now) && sameParty(e.origin(), origin);
            boolean heldByAnother = e != null && !mine && e.holds(now);
            boolean full = e == null && sent.size() >= MAX_ENTRIES;
            if (heldByAnother || full) {
                refused.add(token);
            } else if (mine) {
                sent.put(
                        key,
                        new Entry(now, origin, e.awaiting() + (wholeWindow ? 0 : 1), wholeWindow || e.wholeWindow()));
            } else {
                sent.put(key, new Entry(now, origin, wholeWindow ? 0 : 1, wholeWindow));
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
