package io.github.xmppiot.provisioning;

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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * The {@link AccessPolicy} of a provisioned Thing (XEP-0324 §3.3 "Device Read-out", §3.4 "Device Control"): before
 * every read-out it asks {@code canRead}, before every control action {@code canControl}, with the requester's bare
 * JID and forwarded tokens. A narrowed answer becomes {@link AccessDecision#allowOnly}. All trusted servers are asked
 * in parallel and the most forgiving answer wins (§5.3). Answers are cached (§5.2); a failed or missing answer counts
 * as a refusal and is not cached. Requests from the Thing's own account are allowed without asking. With no trusted
 * server the fallback policy decides (by default: friends only).
 *
 * @since 0.1.0
 */
public final class ProvisioningAccessPolicy implements AccessPolicy {

    private final ProvisioningClient client;
    private volatile AccessPolicy fallback;

    ProvisioningAccessPolicy(ProvisioningClient client, AccessPolicy fallback) {
        this.client = client;
        this.fallback = fallback;
    }

    /**
     * Sets the policy used while no provisioning server is trusted.
     *
     * @param fallback the policy
     */
    public void setFallback(AccessPolicy fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public CompletionStage<AccessDecision> decide(AccessRequest request) {
        Jid self = client.self();
        if (self != null && request.requester().asBareJid().equals(self.asBareJid())) {
            return CompletableFuture.completedFuture(AccessDecision.allowAll());
        }
        Optional<AccessDecision> cached = client.cache().get(request);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        List<Jid> servers = client.servers();
        if (servers.isEmpty()) {
            return fallback.decide(request);
        }
        List<CompletableFuture<Optional<AccessDecision>>> answers = new ArrayList<>();
        for (Jid server : servers) {
            answers.add(ask(server, request).thenApply(Optional::of).exceptionally(e -> Optional.empty()));
        }
        long generation = client.generation();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<AccessDecision> decisions = new ArrayList<>();
            boolean complete = true;
            for (CompletableFuture<Optional<AccessDecision>> a : answers) {
                Optional<AccessDecision> d = a.join();
                d.ifPresent(decisions::add);
                complete &= d.isPresent();
            }
            AccessDecision merged = Decisions.mostForgiving(decisions);
            if (complete && client.generation() == generation) {
                client.cache().put(request, merged);
            }
            return merged;
        });
    }

    private CompletableFuture<AccessDecision> ask(Jid server, AccessRequest request) {
        BareJid requester = request.requester().asBareJid();
        IQ query;
        if (request.kind() == AccessRequest.Kind.READ) {
            query = new CanRead(requester, request.tokens(), FieldTypes.of(request.categories()), request.nodes(),
                    List.copyOf(request.names()));
        } else {
            query = new CanControl(requester, request.tokens(), request.nodes(), List.copyOf(request.names()));
        }
        Jid to = client.address(server);
        query.setTo(to);
        client.tokensForwarded(request.tokens(), to, request.requester());
        if (query instanceof CanRead) {
            return client.request(query, CanReadResponse.class).thenApply(Decisions::of);
        }
        return client.request(query, CanControlResponse.class).thenApply(Decisions::of);
    }
}
