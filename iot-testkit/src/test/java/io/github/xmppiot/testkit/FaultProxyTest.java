package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy against a local echo server: forwarding, cuts, refused connections and held bytes. */
class FaultProxyTest {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    while (!echo.isClosed()) {
                        try {
                            Socket s = echo.accept();
                            Thread pump = new Thread(
                                    () -> {
                                        try (s;
                                                InputStream in = s.getInputStream();
                                                OutputStream out = s.getOutputStream()) {
                                            in.transferTo(out);
                                        } catch (IOException e) {
                                            // closed
                                        }
                                    },
                                    "echo");
                            pump.setDaemon(true);
                            pump.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "echo-accept");
        t.setDaemon(true);
        t.start();
        proxy = FaultProxy.start("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket client() throws IOException {
        Socket s = new Socket(proxy.host(), proxy.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        return new String(s.getInputStream().readNBytes(text.length()), StandardCharsets.US_ASCII);
    }

    @Test
    void forwardsBothWaysAndCutsEveryConnection() throws IOException {
        try (Socket a = client();
                Socket b = client()) {
            assertThat(roundTrip(a, "hello")).isEqualTo("hello");
            assertThat(roundTrip(b, "world")).isEqualTo("world");
            assertThat(proxy.connectionCount()).isEqualTo(2);
            proxy.cutAll();
            assertThat(a.getInputStream().read()).isEqualTo(-1);
            assertThat(b.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket c = client()) {
            assertThat(roundTrip(c, "again")).isEqualTo("again");
        }
    }

    @Test
    void aCutNetworkClosesNewConnectionsUntilHealed() throws IOException {
        proxy.cut(Duration.ofMinutes(1));
        try (Socket refused = client()) {
            assertThat(refused.getInputStream().read()).isEqualTo(-1);
        }
        proxy.heal();
        try (Socket c = client()) {
            assertThat(roundTrip(c, "back")).isEqualTo("back");
        }
    }

    @Test
    void aBlackHoleHoldsBytesAndDeliversThemInOrder() throws IOException {
        try (Socket a = client()) {
            assertThat(roundTrip(a, "x")).isEqualTo("x");
            proxy.blackHole(Duration.ofMinutes(1), FaultProxy.Direction.TO_SERVER);
            a.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
            a.setSoTimeout(300);
            assertThatThrownBy(() -> a.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.heal();
            a.setSoTimeout(5000);
            assertThat(new String(a.getInputStream().readNBytes(4), StandardCharsets.US_ASCII))
                    .isEqualTo("held");
        }
    }
}
