package io.github.xmppiot.testkit;

import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy against a server that hands the test each accepted socket: directions, closing, counts. */
class FaultProxyDirectionsTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    private ServerSocket target;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    while (!target.isClosed()) {
                        try {
                            Socket s = target.accept();
                            s.setSoTimeout(5000);
                            accepted.add(s);
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "target-accept");
        t.setDaemon(true);
        t.start();
        proxy = FaultProxy.start("127.0.0.1", target.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        target.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    private Socket client() throws IOException {
        Socket s = new Socket(proxy.host(), proxy.port());
        s.setSoTimeout(5000);
        return s;
    }

    private Socket serverSide() throws InterruptedException {
        Socket s = accepted.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(s).as("a connection reached the server").isNotNull();
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(Socket s, int n) throws IOException {
        return new String(s.getInputStream().readNBytes(n), StandardCharsets.US_ASCII);
    }

    private static void assertNothingArrives(Socket s) throws IOException {
        s.setSoTimeout(300);
        InputStream in = s.getInputStream();
        assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        s.setSoTimeout(5000);
    }

    @Test
    void aBlackHoleTowardsTheClientHoldsOnlyWhatTheServerSends() throws Exception {
        try (Socket c = client()) {
            Socket s = serverSide();
            proxy.blackHole(Duration.ofMinutes(1), FaultProxy.Direction.TO_CLIENT);

            send(c, "up");
            assertThat(read(s, 2)).isEqualTo("up");
            send(s, "down");
            assertNothingArrives(c);

            proxy.heal();
            assertThat(read(c, 4)).isEqualTo("down");
        }
    }

    @Test
    void aBlackHoleInBothDirectionsHoldsWhatTheClientSends() throws Exception {
        try (Socket c = client()) {
            Socket s = serverSide();
            proxy.blackHole(Duration.ofMinutes(1));

            send(c, "held");
            assertNothingArrives(s);
            send(s, "back");
            assertNothingArrives(c);

            proxy.heal();
            assertThat(read(s, 4)).isEqualTo("held");
            assertThat(read(c, 4)).isEqualTo("back");
        }
    }

    @Test
    void bytesHeldInABlackHoleDieWithTheConnectionWhenItIsCut() throws Exception {
        try (Socket c = client()) {
            Socket s = serverSide();
            proxy.blackHole(Duration.ofMinutes(1), FaultProxy.Direction.TO_SERVER);
            send(c, "held");
            assertNothingArrives(s);

            proxy.cutAll();
            proxy.heal();

            assertThat(s.getInputStream().read())
                    .as("a request held in the network when it failed never arrives later")
                    .isEqualTo(-1);
        }
    }

    @Test
    void aConnectionOpenedDuringABlackHoleReachesTheServerOnlyAfterIt() throws Exception {
        proxy.blackHole(Duration.ofMinutes(1), FaultProxy.Direction.TO_SERVER);
        try (Socket c = client()) {
            assertThat(accepted.poll(300, TimeUnit.MILLISECONDS)).isNull();
            proxy.heal();
            Socket s = serverSide();
            send(c, "late");
            assertThat(read(s, 4)).isEqualTo("late");
        }
    }

    @Test
    void refusedConnectionsAreCountedButNotKept() throws Exception {
        proxy.cut(Duration.ofMinutes(1));
        try (Socket refused = client()) {
            assertThat(refused.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(proxy.acceptedCount()).isEqualTo(1);
        assertThat(proxy.connectionCount()).isZero();
        assertThat(accepted).isEmpty();
    }

    @Test
    void whenOneSideClosesTheOtherIsClosedAndTheLinkForgotten() throws Exception {
        Socket c = client();
        Socket s = serverSide();
        eventually("the link is counted", WAIT, () -> proxy.connectionCount() == 1);

        c.close();

        assertThat(s.getInputStream().read()).isEqualTo(-1);
        eventually("the link is forgotten", WAIT, () -> proxy.connectionCount() == 0);
    }

    @Test
    void anUnreachableServerClosesTheClient() throws Exception {
        target.close();
        try (Socket c = client()) {
            assertThat(c.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(proxy.connectionCount()).isZero();
    }

    @Test
    void closingCutsTheLinks() throws Exception {
        Socket c = client();
        Socket s = serverSide();

        proxy.close();

        assertThat(c.getInputStream().read()).isEqualTo(-1);
        assertThat(s.getInputStream().read()).isEqualTo(-1);
        c.close();
    }

    @Test
    void describesItselfAndRefusesANegativeLatency() throws Exception {
        assertThat(proxy.host()).isEqualTo("127.0.0.1");
        assertThat(proxy.toString())
                .isEqualTo("FaultProxy[127.0.0.1:" + proxy.port() + " -> /127.0.0.1:" + target.getLocalPort() + "]");
        assertThatThrownBy(() -> proxy.latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency must not be negative");
        proxy.latency(Duration.ofMillis(20));
        try (Socket c = client()) {
            Socket s = serverSide();
            send(c, "slow");
            assertThat(read(s, 4)).isEqualTo("slow");
        }
    }

    @Test
    void aLatencyHoldsEachChunkBackForThatLong() throws Exception {
        try (Socket c = client()) {
            Socket s = serverSide();
            proxy.latency(Duration.ofSeconds(1));
            send(c, "late");
            assertNothingArrives(s);
            assertThat(read(s, 4)).isEqualTo("late");
        }
    }

    @Test
    void aClosedProxyTakesNoMoreConnections() throws Exception {
        proxy.close();
        // the listening socket goes away once its accept thread has woken up: a connection in that instant may still
        // be taken (and is closed at once), so the test waits for refusals
        eventually("connections to a closed proxy are refused", WAIT, () -> {
            try (Socket s = new Socket(proxy.host(), proxy.port())) {
                return false;
            } catch (ConnectException e) {
                return true;
            }
        });
        eventually("a closed proxy keeps no link", WAIT, () -> proxy.connectionCount() == 0);
    }

    @Test
    void keepsAtMostMaxConnectionsAndClosesTheNextOne() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < FaultProxy.MAX_CONNECTIONS; i++) {
                clients.add(client());
            }
            eventually(
                    "all " + FaultProxy.MAX_CONNECTIONS + " links are kept",
                    WAIT,
                    () -> proxy.connectionCount() == FaultProxy.MAX_CONNECTIONS);
            try (Socket one = client()) {
                assertThat(one.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(proxy.connectionCount()).isEqualTo(FaultProxy.MAX_CONNECTIONS);
            eventually(
                    "the server has every kept connection", WAIT, () -> accepted.size() >= FaultProxy.MAX_CONNECTIONS);
        } finally {
            for (Socket c : clients) {
                c.close();
            }
        }
    }
}
