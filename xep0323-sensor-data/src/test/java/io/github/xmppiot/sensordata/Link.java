package io.github.xmppiot.sensordata;

import io.github.xmppiot.testkit.StanzaLink;

/** A Thing and a client on one {@link StanzaLink}: every stanza between them relayed through its XML. */
final class Link implements AutoCloseable {

    private final StanzaLink link = new StanzaLink();
    final StanzaLink.Peer thing;
    final StanzaLink.Peer client;

    Link() throws Exception {
        thing = link.peer("thing");
        client = link.peer("client");
    }

    @Override
    public void close() {
        link.close();
    }
}
