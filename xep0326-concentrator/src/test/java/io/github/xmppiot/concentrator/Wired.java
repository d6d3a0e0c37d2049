package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.testkit.StanzaLink;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * A concentrator ({@code hub}) and a client ({@code client}) on an in-memory {@link StanzaLink}: every request and
 * answer goes through its XML, with the sender's address, as through a server. Waits are short: an answer on this link
 * takes milliseconds, and a missing one should fail the test quickly.
 */
final class Wired implements AutoCloseable {

    static final NodeRef ROOT = NodeRef.of("Hub", NodeTree.SOURCE_ID);

    final StanzaLink link = new StanzaLink();
    final StanzaLink.Peer hub;
    final StanzaLink.Peer clientPeer;
    final NodeTree tree;
    final ConcentratorServer server;
    final ConcentratorClient client;
    final NodeCommandClient commands;
    final Jid to;

    Wired(NodeType... types) throws Exception {
        hub = link.peer("hub");
        clientPeer = link.peer("client");
        clientPeer.setReplyTimeout(3_000);
        tree = new NodeTree("Hub", new ThingDirectory(), Clock.systemUTC());
        for (NodeType t : types) {
            tree.register(t);
        }
        server = ConcentratorServer.getInstanceFor(hub)
                .update(s -> s.tree(tree).accessPolicy(AccessPolicy.allowEveryone()));
        client = ConcentratorClient.getInstanceFor(clientPeer);
        commands = NodeCommandClient.getInstanceFor(clientPeer);
        to = hub.getUser();
    }

    static NodeRef node(String id) {
        return NodeRef.of(id, NodeTree.SOURCE_ID);
    }

    /** Waits briefly for an answer that the link delivers in milliseconds. */
    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    /** Waits briefly for a request to fail with a concentrator error and returns that error. */
    static ConcentratorException refused(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(5, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(ConcentratorException.class);
        return (ConcentratorException) t.getCause();
    }

    /** Waits briefly for a request to fail with a result code, and checks the code. */
    static ConcentratorException refused(CompletableFuture<?> f, ResultCode code) {
        ConcentratorException e = refused(f);
        assertThat(e.result()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    static DataForm form(String... varsAndValues) {
        DataForm.Builder b = DataForm.builder(DataForm.Type.submit);
        for (int i = 0; i < varsAndValues.length; i += 2) {
            b.addField(FormField.textSingleBuilder(varsAndValues[i])
                    .setValue(varsAndValues[i + 1])
                    .build());
        }
        return b.build();
    }

    static DataForm lamp(String id, String address, String serial) {
        return form("id", id, "address", address, "serial", serial);
    }

    /** Creates a lamp under the root through the client. */
    void addLamp(String id, String address) throws Exception {
        await(client.createNewNode(to, ROOT, TestLampType.TYPE, lamp(id, address, "SN-" + id)));
    }

    @Override
    public void close() {
        server.close();
        client.close();
        commands.close();
        link.close();
    }
}
