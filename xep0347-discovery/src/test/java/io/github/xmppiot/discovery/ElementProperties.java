package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.core.xml.MalformedRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jxmpp.jid.impl.JidCreate;

/** Any register, mine, update, search and found element round-trips; hostile requests become bad-request. */
class ElementProperties {

    @BeforeContainer
    static void providers() {
        DiscoveryProviders.register();
    }

    @Property(tries = 200)
    void registerRoundTrips(
            @ForAll("tags") List<MetaTag> tags, @ForAll("nodes") NodeRef node, @ForAll boolean selfOwned)
            throws Exception {
        Register r = (Register) roundTrip(new Register(tags, node, selfOwned));
        assertThat(r.tags()).isEqualTo(tags);
        assertThat(r.node().orElse(null)).isEqualTo(node);
        assertThat(r.selfOwned()).isEqualTo(selfOwned);
    }

    @Property(tries = 100)
    void mineAndUpdateRoundTrip(@ForAll("tags") List<MetaTag> tags, @ForAll("nodes") NodeRef node, @ForAll boolean flag)
            throws Exception {
        Mine m = (Mine) roundTrip(new Mine(tags, node, flag));
        assertThat(m.tags()).isEqualTo(tags);
        assertThat(m.isPublic()).isEqualTo(flag);
        Update u = (Update) roundTrip(new Update(tags, node, flag ? JidCreate.bareFrom("thing@example.org") : null));
        assertThat(u.tags()).isEqualTo(tags);
        assertThat(u.jid().isPresent()).isEqualTo(flag);
    }

    @Property(tries = 200)
    void searchRoundTrips(
            @ForAll("operators") List<SearchOperator> ops,
            @ForAll("offsets") int offset,
            @ForAll("maxCounts") Integer maxCount)
            throws Exception {
        Search s = (Search) roundTrip(new Search(ops, offset, maxCount));
        assertThat(s.operators()).isEqualTo(ops);
        assertThat(s.offset()).isEqualTo(offset);
        assertThat(s.maxCount().orElse(null)).isEqualTo(maxCount);
    }

    @Property(tries = 100)
    void foundRoundTrips(@ForAll("things") List<FoundThing> things, @ForAll boolean more) throws Exception {
        Found f = (Found) roundTrip(new Found(new SearchResult(things, more)));
        assertThat(f.result()).isEqualTo(new SearchResult(things, more));
    }

    @Property(tries = 200)
    void hostileTagsMakeMalformedRequests(
            @ForAll("hostileTags") String tagXml, @ForAll("requestElements") String element) throws Exception {
        String xml = "<iq type='set' id='1' from='a@b/c' to='d@e/f'><" + element + " xmlns='urn:xmpp:iot:discovery'"
                + ">" + tagXml + "</" + element + "></iq>";
        IQ iq = (IQ) PacketParserUtils.parseStanza(xml);
        assertThat(iq).isInstanceOf(MalformedRequest.class);
        assertThat(((MalformedRequest) iq)
                        .badRequestReply()
                        .getError()
                        .getCondition()
                        .toString())
                .isEqualTo("bad-request");
    }

    @Property(tries = 100)
    void hostileOperatorsMakeMalformedSearches(@ForAll("hostileOperators") String opXml) throws Exception {
        String xml = "<iq type='get' id='1' from='a@b/c' to='d@e/f'><search xmlns='urn:xmpp:iot:discovery'>" + opXml
                + "</search></iq>";
        IQ parsed = PacketParserUtils.parseStanza(xml);
        assertThat((Object) parsed).isInstanceOf(MalformedRequest.class);
    }

    private static IQ roundTrip(IQ iq) throws Exception {
        iq.setStanzaId("x1");
        String xml = iq.toXML().toString();
        IQ parsed = (IQ) PacketParserUtils.parseStanza(xml);
        assertThat(parsed).isNotInstanceOf(MalformedRequest.class);
        assertThat(XmlCompare.difference(xml, parsed.toXML().toString())).isEmpty();
        return parsed;
    }

    static Arbitrary<String> names() {
        Arbitrary<String> free = Arbitraries.strings()
                .withChars("abcXYZ_-.0123456789äé\u4e2d")
                .ofMinLength(1)
                .ofMaxLength(32);
        return Arbitraries.oneOf(free, Arbitraries.of("SN", "MAN", "MODEL", "KEY", "CLASS", "ROOM"));
    }

    static Arbitrary<String> values() {
        return Arbitraries.strings()
                .withChars("abc XYZ;\\:#%_*'\"<>&\u00e9\u4e2d")
                .ofMaxLength(128);
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles()
                        .between(-1e6, 1e6)
                        .map(d -> new java.math.BigDecimal(d)
                                .setScale(3, java.math.RoundingMode.HALF_UP)
                                .toPlainString()),
                Arbitraries.of("1.2", "1.20", "-0", "1e3", "INF", "-INF", "+5", ".5"));
    }

    @Provide
    Arbitrary<List<MetaTag>> tags() {
        Arbitrary<MetaTag> s = Combinators.combine(names(), values())
                .as(StringTag::new)
                .ignoreException(IllegalArgumentException.class)
                .map(MetaTag.class::cast);
        Arbitrary<MetaTag> n = Combinators.combine(Arbitraries.of("V", "LAT", "LON", "ALT", "temp"), numbers())
                .as(NumericTag::new)
                .map(MetaTag.class::cast);
        return Arbitraries.oneOf(s, n).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<NodeRef> nodes() {
        Arbitrary<String> id =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
        Arbitrary<NodeRef> node =
                Combinators.combine(id, id.injectNull(0.5), id.injectNull(0.5)).as(NodeRef::new);
        return node.injectNull(0.4);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<Integer> maxCounts() {
        return Arbitraries.integers().between(1, 1000).injectNull(0.3);
    }

    @Provide
    Arbitrary<List<SearchOperator>> operators() {
        return SearchProperties.operatorArbitrary(names(), values(), numbers())
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<FoundThing>> things() {
        Arbitrary<FoundThing> t = Combinators.combine(
                        Arbitraries.of("owner@example.org", "thing@example.org"),
                        Arbitraries.of("thing@example.org", "rack@example.org"),
                        nodes(),
                        tags())
                .as((o, j, n, tags) -> new FoundThing(
                        JidCreate.fromOrThrowUnchecked(o),
                        JidCreate.fromOrThrowUnchecked(j),
                        n,
                        MetaTags.withoutKey(tags)));
        return t.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> requestElements() {
        return Arbitraries.of("register", "mine", "update");
    }

    @Provide
    Arbitrary<String> hostileTags() {
        Arbitrary<String> longName = Arbitraries.strings()
                .alpha()
                .ofMinLength(33)
                .ofMaxLength(200)
                .map(n -> "<str name='" + n + "' value='v'/>");
        Arbitrary<String> badChar = Combinators.combine(
                        Arbitraries.strings().alpha().ofMaxLength(10), Arbitraries.of(":", "#", " ", "\t"))
                .as((n, c) -> "<str name='" + n + c + "x' value='v'/>");
        Arbitrary<String> longValue = Arbitraries.strings()
                .alpha()
                .ofMinLength(129)
                .ofMaxLength(500)
                .map(v -> "<str name='SN' value='" + v + "'/>");
        Arbitrary<String> badNumber = Arbitraries.of("abc", "1,5", "", "NaN", "0x10", "1e", "Infinity", "--1")
                .map(v -> "<num name='V' value='" + v + "'/>");
        Arbitrary<String> wrongKind = Arbitraries.of(
                "<str name='LAT' value='north'/>",
                "<num name='SN' value='1'/>",
                "<str value='x'/>",
                "<num name='V'/>",
                "<str name='' value='x'/>");
        return Arbitraries.oneOf(longName, badChar, longValue, badNumber, wrongKind);
    }

    @Provide
    Arbitrary<String> hostileOperators() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(33)
                        .ofMaxLength(100)
                        .map(n -> "<strEq name='" + n + "' value='x'/>"),
                Arbitraries.of("abc", "1,5", "NaN", "").map(v -> "<numGt name='V' value='" + v + "'/>"),
                Arbitraries.of(
                        "<strMask name='SN' value='x*'/>",
                        "<strMask name='SN' value='x' wildcard=''/>",
                        "<numRange name='V' min='1'/>",
                        "<strRange name='SN' min='a' max='b' minIncluded='maybe'/>",
                        "<unknownOp name='V'/>",
                        "<numEq name='a:b' value='1'/>"));
    }
}
