package io.github.xmppiot.discovery;

import io.github.xmppiot.discovery.internal.OneShot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Finds a provisioning server (XEP-0324) for a Thing, with the seven methods of XEP-0347 §3.11 "Finding Provisioning
 * Server" (CHECKLIST 347-15), tried in this order:
 * <ol>
 *   <li>a configured component address ({@link Builder#component});</li>
 *   <li>a configured bare JID ({@link Builder#jid});</li>
 *   <li>a configured component subdomain, added to the domain of the connected server ({@link Builder#subdomain});</li>
 *   <li>a configured user name, added to the domain of the connected server ({@link Builder#userName});</li>
 *   <li>the Thing Registry, if it advertises {@code urn:xmpp:iot:provisioning} in disco#info ({@link Builder#registry});</li>
 *   <li>the owner, if it advertises {@code urn:xmpp:iot:provisioning} ({@link Builder#owner});</li>
 *   <li>a search of the server's components for {@code urn:xmpp:iot:provisioning} (XEP-0030; on by default).</li>
 * </ol>
 * Configured values (1-4) are taken as they are (the first one set wins). Methods 5 and 6 ask the entity itself: an
 * account JID without resource is asked at its available resource as seen in the roster (the Thing must be subscribed
 * to its presence) and skipped otherwise; give a full JID (e.g. {@link RegistryLocator#address()}) to avoid that.
 * Disco requests run on the executor, never on Smack's reader thread. This class does not depend on the XEP-0324
 * module; it answers the JID to delegate trust to (XEP-0347 §3.12 "Delegating Trust").
 *
 * @since 0.1.0
 */
public final class ProvisioningLocator {

    /** The XEP-0324 namespace and disco feature. */
    public static final String PROVISIONING_NAMESPACE = "urn:xmpp:iot:provisioning";

    private static final Logger LOG = Logger.getLogger(ProvisioningLocator.class.getName());

    /** The method that found the provisioning server, in the order of XEP-0347 §3.11. */
    public enum Method {
        /** 1: configured component address. */
        COMPONENT,
        /** 2: configured bare JID. */
        BARE_JID,
        /** 3: configured component subdomain on the connected server. */
        SUBDOMAIN,
        /** 4: configured user name on the connected server. */
        USER_NAME,
        /** 5: the Thing Registry itself. */
        REGISTRY,
        /** 6: the owner itself. */
        OWNER,
        /** 7: a server component advertising the feature. */
        COMPONENT_SEARCH
    }

    /**
     * A provisioning server and how it was found.
     *
     * @param jid    the provisioning server: a component address, or a bare account JID for methods 2, 4, 5 and 6
     * @param method the method that found it
     */
    public record Found(Jid jid, Method method) {
        /**
         * Checks the values.
         *
         * @throws NullPointerException if a value is null
         */
        public Found {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(method, "method");
        }
    }

    private final XMPPConnection connection;
    private final Found configured;
    private final Jid registry;
    private final Jid owner;
    private final boolean searchComponents;
    private final Executor executor;

    private ProvisioningLocator(Builder b) {
        this.connection = b.connection;
        this.configured = b.configured;
        this.registry = b.registry;
        this.owner = b.owner;
        this.searchComponents = b.searchComponents;
        this.executor = b.executor;
    }

    /**
     * Starts configuring a locator.
     *
     * @param connection the Thing's connection
     * @return a builder
     */
    public static Builder builder(XMPPConnection connection) {
        return new Builder(connection);
    }

    /**
     * Finds the provisioning server.
     *
     * @return completes with the server and the method that found it, or empty if no method found one; disco
     *         failures of one method (no answer, error, entity offline) only skip that method
     */
    public CompletableFuture<Optional<Found>> find() {
        if (configured != null) {
            return CompletableFuture.completedFuture(Optional.of(configured));
        }
        return OneShot.supply(
                () -> {
                    List<Found> candidates = new ArrayList<>();
                    if (registry != null) {
                        candidates.add(new Found(registry, Method.REGISTRY));
                    }
                    if (owner != null) {
                        candidates.add(new Found(owner, Method.OWNER));
                    }
                    for (Found c : candidates) {
                        if (advertises(c.jid())) {
                            return Optional.of(
                                    new Found(c.jid().hasLocalpart() ? c.jid().asBareJid() : c.jid(), c.method()));
                        }
                    }
                    return searchComponents ? searchComponents() : Optional.<Found>empty();
                },
                executor);
    }

    private boolean advertises(Jid entity) {
        Optional<Jid> address = reachable(entity);
        if (address.isEmpty()) {
            LOG.fine(() -> entity + " is not online in the roster; not asked for " + PROVISIONING_NAMESPACE);
            return false;
        }
        try {
            return ServiceDiscoveryManager.getInstanceFor(connection)
                    .supportsFeature(address.get(), PROVISIONING_NAMESPACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (Exception e) {
            LOG.log(Level.FINE, "disco#info of " + address.get() + " failed", e);
            return false;
        }
    }

    private Optional<Jid> reachable(Jid entity) {
        if (!entity.hasLocalpart() || entity.hasResource()) {
            return Optional.of(entity);
        }
        Presence p = Roster.getInstanceFor(connection).getPresence(entity.asBareJid());
        return p != null
                        && p.isAvailable()
                        && p.getFrom() != null
                        && p.getFrom().hasResource()
                ? Optional.of(p.getFrom())
                : Optional.empty();
    }

    private Optional<Found> searchComponents() {
        try {
            List<DomainBareJid> found =
                    ServiceDiscoveryManager.getInstanceFor(connection).findServices(PROVISIONING_NAMESPACE, true, true);
            return found.isEmpty() ? Optional.empty() : Optional.of(new Found(found.get(0), Method.COMPONENT_SEARCH));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (Exception e) {
            LOG.log(Level.FINE, "searching server components for " + PROVISIONING_NAMESPACE + " failed", e);
            return Optional.empty();
        }
    }

    /** Builder of {@link ProvisioningLocator}; every method is optional. */
    public static final class Builder {
        private final XMPPConnection connection;
        private Found configured;
        private Jid registry;
        private Jid owner;
        private boolean searchComponents = true;
        private Executor executor;

        private Builder(XMPPConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
        }

        private Builder configure(Jid jid, Method method) {
            if (configured == null || configured.method().ordinal() > method.ordinal()) {
                configured = new Found(jid, method);
            }
            return this;
        }

        /**
         * Method 1: a configured component address.
         *
         * @param component e.g. {@code provisioning.example.org}
         * @return this builder
         */
        public Builder component(DomainBareJid component) {
            return configure(Objects.requireNonNull(component, "component"), Method.COMPONENT);
        }

        /**
         * Method 2: a configured bare JID.
         *
         * @param jid e.g. {@code provisioning@example.org}
         * @return this builder
         */
        public Builder jid(Jid jid) {
            return configure(Objects.requireNonNull(jid, "jid").asBareJid(), Method.BARE_JID);
        }

        /**
         * Method 3: a configured subdomain, added to the domain of the connected server.
         *
         * @param subdomain e.g. {@code provisioning}
         * @return this builder
         * @throws IllegalArgumentException if the result is not a valid domain
         */
        public Builder subdomain(String subdomain) {
            return configure(
                    JidCreate.domainBareFromOrThrowUnchecked(subdomain + "." + connection.getXMPPServiceDomain()),
                    Method.SUBDOMAIN);
        }

        /**
         * Method 4: a configured user name, added to the domain of the connected server. Pre-register such names on
         * the server (XEP-0347 §6.2 "Hijacking predefined JIDs").
         *
         * @param userName e.g. {@code provisioning}
         * @return this builder
         * @throws IllegalArgumentException if the result is not a valid JID
         */
        public Builder userName(String userName) {
            return configure(
                    JidCreate.bareFromOrThrowUnchecked(userName + "@" + connection.getXMPPServiceDomain()),
                    Method.USER_NAME);
        }

        /**
         * Method 5: ask the Thing Registry whether it is a provisioning server too.
         *
         * @param registry the registry: component address, full JID, or account JID in the roster
         * @return this builder
         */
        public Builder registry(Jid registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Method 6: ask the owner whether it is a provisioning server.
         *
         * @param owner the owner: full JID, or account JID in the roster (a friend after the claim)
         * @return this builder
         */
        public Builder owner(Jid owner) {
            this.owner = owner;
            return this;
        }

        /**
         * Method 7: whether to search the server's components (default true).
         *
         * @param on false to skip the search
         * @return this builder
         */
        public Builder searchComponents(boolean on) {
            this.searchComponents = on;
            return this;
        }

        /**
         * Where the blocking disco requests run (default: the work pool of
         * {@link io.github.xmppiot.core.concurrent.IotExecutors#shared()}, leased while a search runs).
         *
         * @param executor the executor, never Smack's reader thread
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the locator.
         *
         * @return the locator
         */
        public ProvisioningLocator build() {
            return new ProvisioningLocator(this);
        }
    }
}
