package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.CanControl;
import io.github.xmppiot.provisioning.element.CanControlResponse;
import io.github.xmppiot.provisioning.element.CanRead;
import io.github.xmppiot.provisioning.element.CanReadResponse;
import io.github.xmppiot.provisioning.element.FieldTypes;
import io.github.xmppiot.provisioning.internal.Decisions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * The {@link AccessPolicy} of a provisioned Thing (XEP-0324 §3.3 "Device Read-out", §3.4 "Device Control"): before
 * every read-out it asks {@code canRead}, before every control action {@code canControl}, with the requester's bare
 * JID and forwarded tokens. A narrowed answer becomes {@link AccessDecision#allowOnly}. All trusted servers are asked
 * in parallel and the most forgiving answer wins (§5.3). Answers are cached (§5.2); a failed or missing answer counts
 * as a refusal and is not cached. Requests from the Thing's own account are allowed without asking. With no trusted
 * server the fallback policy decides ({@link ProvisioningClientSettings#fallback()}; by default: friends only).
 *
 * <p>Strangers (requesters that are not friends, i.e. not in the Thing's roster with a subscription it approved) can
 * make the Thing ask its servers only as {@link ProvisioningClientSettings#strangerQueries()} allows — by default {@link StrangerQueries#ALL}:
 * the server's rules may name any JID or token (XEP-0324 §3.1.5) — and only within bounds: at most
 * {@value #DEFAULT_STRANGER_QUERIES_PER_JID} questions about one stranger's bare JID and
 * {@value #DEFAULT_STRANGER_QUERIES_TOTAL} about all strangers together are in flight at once; a stranger's request
 * beyond them ({@link ProvisioningClientSettings#strangerQueriesPerJid()},
 * {@link ProvisioningClientSettings#strangerQueriesTotal()}) is refused at once without asking (and the refusal is not cached), so a flood from strangers neither
 * queues up at the Thing nor reaches the server, and never delays friends. The tokens a stranger forwards count on the
 * server only after it proved it holds them (§3.1.3.2). Since a {@code tokenChallenge} does not name the request it
 * is about, a token is forwarded for at most one party per server at a time: while the server has not yet answered
 * the Thing's forward of a token for one party (at most for {@link
 * io.github.xmppiot.provisioning.internal.SentTokens#WINDOW a minute}), or within a minute of the Thing's own sending
 * of it, another party's request is forwarded without that token, and so judged as if it had not presented it; the
 * Thing's own tokens are never forwarded for anyone. Such a decision is not cached. Every decision reads the client's settings once, when asked.
 *
 * @since 0.1.0
 */
public final class ProvisioningAccessPolicy implements AccessPolicy {

    /** Which requests of strangers the Thing forwards to its provisioning servers. */
    public enum StrangerQueries {
        /** None: strangers are refused without asking (only friends are ever forwarded). */
        NONE,
        /**
         * Only requests that carry a token (a service or user acting through tokens, XEP-0324 §3.1.5) the Thing may
         * forward: a request whose every token is the Thing's own or held for another party is refused, not asked
         * about without its tokens.
         */
        WITH_TOKENS,
        /** Every request, within the in-flight bounds (the default). */
        ALL
    }

    /** Default bound of questions in flight about one stranger's bare JID. */
    public static final int DEFAULT_STRANGER_QUERIES_PER_JID = 2;
    /** Default bound of questions in flight about all strangers together. */
    public static final int DEFAULT_STRANGER_QUERIES_TOTAL = 16;

    private final ProvisioningClient client;
    private final AccessPolicy friends;
    private final Map<BareJid, Integer> strangersInFlight = new HashMap<>();
    private int strangersTotal;

    ProvisioningAccessPolicy(ProvisioningClient client, XMPPConnection connection) {
        this.client = client;
        this.friends = AccessPolicy.friends(connection);
    }

    @Override
    public CompletionStage<AccessDecision> decide(AccessRequest request) {
        Jid self = client.self();
        if (self != null && request.requester().asBareJid().equals(self.asBareJid())) {
            return CompletableFuture.completedFuture(AccessDecision.allowAll());
        }
        ProvisioningClientSettings settings = client.settings();
        Optional<AccessDecision> cached = client.cache().get(request);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        List<Jid> servers = client.servers();
        if (servers.isEmpty()) {
            return (settings.fallback() != null ? settings.fallback() : friends).decide(request);
        }
        BareJid requester = request.requester().asBareJid();
        RosterEntry entry = Roster.getInstanceFor(client.xmpp()).getEntry(requester);
        if (entry != null && entry.canSeeMyPresence()) { // a friend (§3.2): never counted or delayed
            return askAll(servers, request, false);
        }
        StrangerQueries which = settings.strangerQueries();
        if (which == StrangerQueries.NONE
                || (which == StrangerQueries.WITH_TOKENS && request.tokens().isEmpty())
                || !acquire(requester, settings)) {
            return CompletableFuture.completedFuture(AccessDecision.deny());
        }
        return askAll(servers, request, which == StrangerQueries.WITH_TOKENS)
                .whenComplete((d, e) -> release(requester));
    }

    private synchronized boolean acquire(BareJid stranger, ProvisioningClientSettings settings) {
        int mine = strangersInFlight.getOrDefault(stranger, 0);
        if (mine >= settings.strangerQueriesPerJid() || strangersTotal >= settings.strangerQueriesTotal()) {
            return false;
        }
        strangersInFlight.put(stranger, mine + 1);
        strangersTotal++;
        return true;
    }

    private synchronized void release(BareJid stranger) {
        strangersInFlight.computeIfPresent(stranger, (k, n) -> n <= 1 ? null : n - 1);
        strangersTotal--;
    }

    private CompletableFuture<AccessDecision> askAll(List<Jid> servers, AccessRequest request, boolean tokensRequired) {
        List<CompletableFuture<Optional<AccessDecision>>> answers = new ArrayList<>();
        AtomicBoolean reduced = new AtomicBoolean();
        for (Jid server : servers) {
            answers.add(ask(server, request, reduced, tokensRequired)
                    .thenApply(Optional::of)
                    .exceptionally(e -> Optional.empty()));
        }
        long generation = client.generation();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    List<AccessDecision> decisions = new ArrayList<>();
                    boolean complete = true;
                    for (CompletableFuture<Optional<AccessDecision>> a : answers) {
                        Optional<AccessDecision> d = a.join();
                        d.ifPresent(decisions::add);
                        complete &= d.isPresent();
                    }
                    AccessDecision merged = Decisions.mostForgiving(decisions);
                    if (complete && !reduced.get() && client.generation() == generation) {
                        client.cache().put(request, merged);
                    }
                    return merged;
                });
    }

    /**
     * Asks one server. The tokens are recorded as forwarded for the requester first (§3.1.3.2, §6.2), and those the
     * Thing may not forward are left out ({@link ThingTokens#forward}); {@code reduced} is then set, so that the
     * decision, made for less than the request, is not cached. Once the server answered (its challenges come before),
     * the tokens are no longer held against other requesters. When {@code tokensRequired} ({@link
     * StrangerQueries#WITH_TOKENS}) and none of the tokens may be forwarded, the server is not asked: the request is
     * refused for it, as one without tokens would be.
     */
    private CompletableFuture<AccessDecision> ask(
            Jid server, AccessRequest request, AtomicBoolean reduced, boolean tokensRequired) {
        BareJid requester = request.requester().asBareJid();
        Jid to = client.address(server);
        Tokens tokens = client.tokens().forward(request.tokens(), to, request.requester());
        if (!tokens.equals(request.tokens())) {
            reduced.set(true);
        }
        if (tokensRequired && tokens.isEmpty()) {
            return CompletableFuture.completedFuture(AccessDecision.deny());
        }
        IQ query;
        if (request.kind() == AccessRequest.Kind.READ) {
            query = new CanRead(
                    requester,
                    tokens,
                    FieldTypes.of(request.categories()),
                    request.nodes(),
                    List.copyOf(request.names()));
        } else {
            query = new CanControl(requester, tokens, request.nodes(), List.copyOf(request.names()));
        }
        query.setTo(to);
        CompletableFuture<AccessDecision> answer = query instanceof CanRead
                ? client.request(query, CanReadResponse.class).thenApply(Decisions::of)
                : client.request(query, CanControlResponse.class).thenApply(Decisions::of);
        return answer.whenComplete((d, e) -> client.tokens().answered(tokens, to, request.requester()));
    }
}
