package io.github.xmppiot.discovery;

import io.github.xmppiot.discovery.registry.JdbcRegistryStorage;
import io.github.xmppiot.discovery.registry.RegistryDatabases;
import io.github.xmppiot.discovery.registry.ThingRegistry;
import io.github.xmppiot.testkit.StanzaLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The setup the registry round-trip tests share: a Thing Registry ({@code registry}) on a new in-memory H2 database, a
 * Thing ({@code thing}) and its owner ({@code owner}) on one {@link StanzaLink}, both pointed at the registry (the
 * Thing without follow-ups), started before each test and closed after it.
 */
abstract class RegistryRoundTrip {

    StanzaLink link;
    StanzaLink.Peer registryPeer;
    StanzaLink.Peer thingPeer;
    StanzaLink.Peer ownerPeer;
    JdbcRegistryStorage storage;
    ThingRegistry registry;
    ThingDiscoveryManager thing;
    OwnerDiscoveryManager owner;

    @BeforeEach
    final void startRegistryThingAndOwner() throws Exception {
        link = new StanzaLink();
        registryPeer = link.peer("registry");
        thingPeer = link.peer("thing");
        ownerPeer = link.peer("owner");
        storage = RegistryDatabases.h2Memory();
        registry = ThingRegistry.start(registryPeer, storage);
        thing = ThingDiscoveryManager.getInstanceFor(thingPeer);
        thing.update(b -> b.registry(registryPeer.getUser()).followUps(false));
        owner = OwnerDiscoveryManager.getInstanceFor(ownerPeer);
        owner.update(b -> b.registry(registryPeer.getUser()));
    }

    @AfterEach
    final void stopRegistryThingAndOwner() {
        thing.close();
        owner.close();
        registry.close();
        link.close();
        storage.close();
    }
}
