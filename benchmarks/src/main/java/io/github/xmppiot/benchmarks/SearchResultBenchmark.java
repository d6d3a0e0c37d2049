package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.discovery.FoundThing;
import io.github.xmppiot.discovery.SearchResult;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.provider.FoundProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jxmpp.jid.impl.JidCreate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and serialising a XEP-0347 search result (§3.15, {@code found}) of a page of 20 Things with six public tags
 * each, with xmpp-iot's {@link FoundProvider} / {@link Found}. Smack 4.4's smack-experimental has no search (its
 * discovery implements register, claim, remove, disown and unregister only), so there is nothing to compare with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = SmackIsolation.JVM_ARG)
public class SearchResultBenchmark {

    /** Things in the page. */
    public static final int PAGE = 20;

    private final FoundProvider provider = new FoundProvider();
    private final IqData iqData = StanzaBuilder.buildIqData("bench-1").ofType(IQ.Type.result);

    /** The result, built once. */
    Found found;
    /** Its {@code found} child element as XML. */
    String xml;

    /** Builds the result and its XML; verifies that the parser reads all Things. */
    @Setup
    public void setUp() throws Exception {
        SmackIsolation.verifyDisabled();
        List<FoundThing> things = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            things.add(new FoundThing(
                    JidCreate.from("owner" + (i % 3) + "@example.org"),
                    JidCreate.from("thing" + i + "@example.org"),
                    null,
                    List.of(
                            MetaTag.str("SN", "sn-" + i),
                            MetaTag.str("MAN", "man-42.example"),
                            MetaTag.str("MODEL", "model-" + (i % 37)),
                            MetaTag.num("V", "2.5"),
                            MetaTag.num("LAT", "59.3293"),
                            MetaTag.num("LON", "18.0686"))));
        }
        found = new Found(new SearchResult(things, true));
        found.setStanzaId("bench-1");
        found.setType(IQ.Type.result);
        xml = found.getChildElementXML().toString();
        int n = parse().result().things().size();
        if (n != PAGE) {
            throw new IllegalStateException("parsed " + n + " things, expected " + PAGE);
        }
    }

    /** @return our provider's parse of our XML */
    @Benchmark
    public Found parse() throws Exception {
        return (Found) provider.parse(PacketParserUtils.getParserFor(xml), iqData);
    }

    /** @return our result as an XML string */
    @Benchmark
    public String serialise() {
        return found.toXML().toString();
    }
}
