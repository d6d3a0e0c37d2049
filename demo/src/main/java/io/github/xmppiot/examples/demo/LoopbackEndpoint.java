package io.github.xmppiot.examples.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.vysper.mina.XmppIoHandlerAdapter;
import org.apache.vysper.mina.codec.XMPPProtocolCodecFactory;
import org.apache.vysper.xmpp.server.Endpoint;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;

/**
 * Vysper's client endpoint bound to the loopback interface on a port chosen by the operating system. Vysper's own
 * {@code TCPEndpoint} listens on every interface and needs the port up front; the demo server must not be reachable
 * from the network, and choosing the port at bind time avoids racing other programs for it.
 */
final class LoopbackEndpoint implements Endpoint {

    private ServerRuntimeContext context;
    private NioSocketAcceptor acceptor;
    private volatile int port;

    @Override
    public void setServerRuntimeContext(ServerRuntimeContext serverRuntimeContext) {
        this.context = serverRuntimeContext;
    }

    @Override
    public void start() throws IOException {
        NioSocketAcceptor a = new NioSocketAcceptor();
        DefaultIoFilterChainBuilder chain = new DefaultIoFilterChainBuilder();
        chain.addLast("xmppCodec", new ProtocolCodecFilter(new XMPPProtocolCodecFactory()));
        a.setFilterChainBuilder(chain);
        XmppIoHandlerAdapter handler = new XmppIoHandlerAdapter();
        handler.setServerRuntimeContext(context);
        a.setHandler(handler);
        a.setReuseAddress(true);
        try {
            a.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException | RuntimeException e) {
            a.dispose();
            throw e;
        }
        port = a.getLocalAddress().getPort();
        acceptor = a;
    }

    /** @return the bound port, 0 before {@link #start()} */
    int port() {
        return port;
    }

    @Override
    public void stop() {
        if (acceptor != null) {
            acceptor.unbind();
            acceptor.dispose();
        }
    }
}
