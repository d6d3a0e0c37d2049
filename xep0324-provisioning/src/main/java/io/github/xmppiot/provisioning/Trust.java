package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.internal.Iqs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The provisioning servers a Thing trusts (XEP-0324 §3.1.1, §3.1.2, §3.1.4, §5.1, §5.3) and where to reach them: the
 * trust relationships of a {@link ProvisioningClient}.
 */
final class Trust {

    private final ProvisioningClient client;
    private final List<Jid> servers = new CopyOnWriteArrayList<>();
    private final Map<BareJid, CompletableFuture<Void>> serverOnline = new ConcurrentHashMap<>();

    Trust(ProvisioningClient client) {
        this.client = client;
    }

    synchronized CompletableFuture<Void> trustAll(Collection<? extends Jid> all) {
        if (!servers.isEmpty()) {
            throw new IllegalStateException("original trust is already established with " + servers);
        }
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (Jid server : all) {
            stages.add(trust(server, true));
        }
        return CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new));
    }

    CompletableFuture<Void> trust(Jid server, boolean original) {
        Jid bare = server.asBareJid();
        if (!original && !servers.contains(bare) && !servers.isEmpty() && !client.isSecondaryTrustAllowed()) {
            return CompletableFuture.failedFuture(new SecurityException(
                    "no trusted provisioning server allows secondary trust (XEP-0324 §3.1.4): " + bare));
        }
        CompletableFuture<Void> online = serverOnline.computeIfAbsent(bare.asBareJid(), k -> new CompletableFuture<>());
        if (!servers.contains(bare)) {
            servers.add(bare);
        }
        if (client.cache().rememberServer(bare)) {
            client.clearCache(bare);
        }
        if (!bare.hasLocalpart()) {
            online.complete(null);
            return online;
        }
        Roster roster = Roster.getInstanceFor(client.xmpp());
        if (roster.getPresence(bare.asBareJid()).isAvailable()) {
            online.complete(null);
            return online;
        }
        Work.run(client.work(), () -> Friendships.subscribe(client.xmpp(), bare.asBareJid()))
                .exceptionally(e -> {
                    online.completeExceptionally(e);
                    return null;
                });
        return online;
    }

    CompletableFuture<List<DomainBareJid>> discoverComponentServers() {
        return Work.supply(client.work(), () -> {
                    try {
                        return ServiceDiscoveryManager.getInstanceFor(client.xmpp())
                                .findServices(ProvisioningIq.NAMESPACE, false, false);
                    } catch (Exception e) {
                        throw Iqs.translate(e);
                    }
                })
                .thenApply(found -> {
                    found.forEach(s -> trust(s, false));
                    return found.stream().filter(servers::contains).toList();
                });
    }

    /** Trusts again, at once, the servers a cache remembers from an earlier run. */
    void adopt(Collection<String> remembered) {
        for (String s : remembered) {
            try {
                Jid server = JidCreate.from(s);
                if (!servers.contains(server)) {
                    servers.add(server);
                }
            } catch (XmppStringprepException e) {
                throw new IllegalStateException("the cache holds an invalid server JID " + s, e);
            }
        }
    }

    List<Jid> servers() {
        return List.copyOf(servers);
    }

    boolean isEmpty() {
        return servers.isEmpty();
    }

    boolean isTrusted(Jid from) {
        return from != null && servers.contains(from.asBareJid());
    }

    Jid address(Jid server) {
        if (!server.hasLocalpart()) {
            return server;
        }
        Presence p = Roster.getInstanceFor(client.xmpp()).getPresence(server.asBareJid());
        return p.isAvailable() && p.getFrom() != null ? p.getFrom() : server;
    }

    void seenOnline(BareJid server) {
        serverOnline.computeIfAbsent(server, k -> new CompletableFuture<>()).complete(null);
    }
}
