package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.iq.IotIqRequestHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.SimpleIQ;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jxmpp.jid.impl.JidCreate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What Smack's IQ request dispatch costs on the device side, without a network: a request handed to a connection as
 * its reader thread hands it over, until the answer is in the connection's send queue. One request at a time, as the
 * {@code EndToEnd} control set sends them.
 *
 * <p>{@code dispatch}: {@code async} is a plain Smack handler in {@code Mode.async} (Smack's limited cached pool),
 * {@code sync} the same handler in {@code Mode.sync} (the per-connection ordered queue on the same pool), {@code iot}
 * an {@link IotIqRequestHandler} (always {@code Mode.sync}) answering with a completed stage. The difference between
 * {@code sync} and {@code async} is what the order guarantee costs per request; {@code iot} minus {@code sync} is
 * ours.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = SmackIsolation.JVM_ARG)
public class HandlerDispatchBenchmark {

    private static final String ELEMENT = "bench";
    private static final String NAMESPACE = "urn:xmpp-iot:bench";

    /** Which handler answers: {@code async}, {@code sync} or {@code iot}. */
    @Param({"async", "sync", "iot"})
    public String dispatch;

    private DummyConnection device;
    private Request request;

    /** A request with an empty child element. */
    static final class Request extends SimpleIQ {
        Request() {
            super(ELEMENT, NAMESPACE);
        }
    }

    /** Connects a device and registers the chosen handler. */
    @Setup
    public void setUp() throws Exception {
        device = new DummyConnection();
        device.connect().login();
        device.registerIQRequestHandler(handler());
        request = new Request();
        request.setType(IQ.Type.get);
        request.setFrom(JidCreate.from("owner@example.org/app"));
        request.setTo(device.getUser());
        request.setStanzaId("bench-1");
        TopLevelStreamElement answer = roundTrip();
        if (!(answer instanceof IQ iq) || iq.getType() != IQ.Type.result) {
            throw new IllegalStateException("no result from the " + dispatch + " handler: " + answer);
        }
    }

    private IQRequestHandler handler() {
        return switch (dispatch) {
            case "async" -> plain(IQRequestHandler.Mode.async);
            case "sync" -> plain(IQRequestHandler.Mode.sync);
            case "iot" ->
                new IotIqRequestHandler<>(
                        device, ELEMENT, NAMESPACE, IQ.Type.get, Request.class, Duration.ofSeconds(10)) {
                    @Override
                    protected CompletionStage<? extends IQ> handle(Request r) {
                        return CompletableFuture.completedFuture(IQ.createResultIQ(r));
                    }
                };
            default -> throw new IllegalArgumentException("dispatch must be async, sync or iot: " + dispatch);
        };
    }

    private static IQRequestHandler plain(IQRequestHandler.Mode mode) {
        return new AbstractIqRequestHandler(ELEMENT, NAMESPACE, IQ.Type.get, mode) {
            @Override
            public IQ handleIQRequest(IQ iq) {
                return IQ.createResultIQ(iq);
            }
        };
    }

    /** Closes the device. */
    @TearDown
    public void tearDown() {
        device.disconnect();
    }

    /** @return the answer to one request, or null if none came within 5 s */
    @Benchmark
    public TopLevelStreamElement roundTrip() {
        device.processStanza(request);
        return device.getSentPacket(5);
    }
}
