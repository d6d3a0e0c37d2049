package io.github.xmppiot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Malformed variants of protocol payloads, for tests that check a device survives hostile input: take the payloads of
 * the XEP examples ({@link #samples(String)}), apply a {@link Mutation} (a dropped attribute, a value of the wrong
 * type, an unknown child, deep nesting, a huge value) and send the result with {@link RawStanzas}. Mutations are plain
 * values, so property-based test libraries can generate and shrink them.
 */
public final class StanzaFuzz {

    /** Values of the wrong lexical type for numbers, booleans, dates, durations, enumerations and JIDs. */
    static final List<String> WRONG_VALUES = List.of(
            "",
            " ",
            "x",
            "-1",
            "NaN",
            "1e400",
            "maybe",
            "2013-13-45T99:99:99",
            "P-1D",
            "99999999999999999999999",
            "@@",
            "a@b@c/d",
            "\u00a0\u2028",
            "-0",
            "0x10",
            "true",
            "INF");

    /** Largest value {@link Kind#HUGE_VALUE} writes, in characters (XMPP servers cap stanza sizes). */
    public static final int MAX_HUGE = 20_000;

    /** Deepest nesting {@link Kind#DEEP_NESTING} writes. */
    public static final int MAX_DEPTH = 1_000;

    private StanzaFuzz() {}

    /** What a mutation does. */
    public enum Kind {
        /** Removes one attribute. */
        DROP_ATTRIBUTE,
        /** Replaces one attribute's value by a value of a wrong type. */
        WRONG_TYPE,
        /** Adds an unknown child element to one element (in its own or a foreign namespace). */
        UNKNOWN_CHILD,
        /** Adds a chain of nested elements of the same name under one element. */
        DEEP_NESTING,
        /** Replaces one attribute's value by a very long one (digits, so numeric parsers see a huge number). */
        HUGE_VALUE
    }

    /**
     * One mutation of a payload.
     *
     * @param kind   what to do
     * @param target which element or attribute, in document order, modulo their number
     * @param size   nesting depth or value length (clamped to {@link #MAX_DEPTH} and {@link #MAX_HUGE}), or which
     *               wrong value
     */
    public record Mutation(Kind kind, int target, int size) {
        /**
         * Validates the mutation.
         *
         * @param kind   what to do
         * @param target which element or attribute, in document order, modulo their number
         * @param size   nesting depth or value length, or which wrong value
         */
        public Mutation {
            Objects.requireNonNull(kind, "kind");
            if (target < 0 || size < 0) {
                throw new IllegalArgumentException("target and size must not be negative");
            }
        }
    }

    /**
     * A payload of an example stanza.
     *
     * @param stanza  {@code iq}, {@code message} or {@code presence}
     * @param iqType  the IQ type ({@code get}, {@code set}, {@code result}, {@code error}), or null for other stanzas
     * @param payload the payload element's XML, with its namespace declared
     */
    public record Sample(String stanza, String iqType, String payload) {
        /**
         * Whether the sample is an IQ request, which must be answered.
         *
         * @return true for IQ {@code get} and {@code set}
         */
        public boolean isRequest() {
            return "get".equals(iqType) || "set".equals(iqType);
        }
    }

    /**
     * The payloads of the stanzas in an XEP example text (one or more stanzas, in the {@code jabber:client}
     * namespace); {@code <error/>} children are skipped.
     *
     * @param exampleText the text of an example
     * @return the payloads in document order
     * @throws IllegalArgumentException if the text is not XML
     */
    public static List<Sample> samples(String exampleText) {
        Element root = XepExamples.parse(XepExamples.wrap(exampleText.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "")));
        List<Sample> out = new ArrayList<>();
        for (Element stanza : XepExamples.children(root)) {
            String type = "iq".equals(stanza.getLocalName()) ? stanza.getAttribute("type") : null;
            for (Element payload : XepExamples.children(stanza)) {
                if (!"error".equals(payload.getLocalName())
                        && payload.getNamespaceURI() != null
                        && !"jabber:client".equals(payload.getNamespaceURI())) {
                    out.add(new Sample(stanza.getLocalName(), type, XepExamples.serialize(payload)));
                }
            }
        }
        return out;
    }

    /**
     * Applies a mutation to a payload.
     *
     * @param payloadXml the payload element's XML
     * @param mutation   the mutation
     * @return the mutated payload's XML
     */
    public static String mutate(String payloadXml, Mutation mutation) {
        Element root = XepExamples.parse(payloadXml);
        List<Element> elements = new ArrayList<>();
        collect(root, elements);
        List<Attr> attributes = new ArrayList<>();
        for (Element e : elements) {
            NamedNodeMap map = e.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Attr a = (Attr) map.item(i);
                if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    attributes.add(a);
                }
            }
        }
        Kind kind = mutation.kind();
        boolean needsAttribute = kind == Kind.DROP_ATTRIBUTE || kind == Kind.WRONG_TYPE || kind == Kind.HUGE_VALUE;
        if (needsAttribute && attributes.isEmpty()) {
            kind = Kind.UNKNOWN_CHILD;
        }
        Element element = elements.get(mutation.target() % elements.size());
        Document doc = root.getOwnerDocument();
        switch (kind) {
            case DROP_ATTRIBUTE -> {
                Attr a = attributes.get(mutation.target() % attributes.size());
                a.getOwnerElement().removeAttributeNode(a);
            }
            case WRONG_TYPE ->
                attributes
                        .get(mutation.target() % attributes.size())
                        .setValue(WRONG_VALUES.get(mutation.size() % WRONG_VALUES.size()));
            case HUGE_VALUE ->
                attributes
                        .get(mutation.target() % attributes.size())
                        .setValue("9".repeat(Math.max(1, Math.min(mutation.size(), MAX_HUGE))));
            case UNKNOWN_CHILD -> {
                boolean foreign = mutation.size() % 2 == 0;
                Element child = doc.createElementNS(
                        foreign ? "urn:example:unknown" : element.getNamespaceURI(),
                        foreign ? "gadget" : "unknownChild" + mutation.size() % 7);
                child.setAttribute("value", "1");
                child.appendChild(doc.createTextNode("text"));
                element.appendChild(child);
            }
            case DEEP_NESTING -> {
                Element parent = element;
                int depth = Math.max(1, Math.min(mutation.size(), MAX_DEPTH));
                for (int i = 0; i < depth; i++) {
                    Element child = doc.createElementNS(element.getNamespaceURI(), element.getLocalName());
                    parent.appendChild(child);
                    parent = child;
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return XepExamples.serialize(root);
    }

    /**
     * The samples of every {@code *.xml} example in a directory, for example a module's
     * {@code src/test/resources/xep-examples}. Files that are not well-formed XML (a few XEP examples have typos; the
     * modules keep corrected {@code -fixed} copies) are skipped.
     *
     * @param dir the directory
     * @return the payloads, files in name order
     * @throws UncheckedIOException if the directory cannot be read
     */
    public static List<Sample> samplesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Sample> out = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                try {
                    out.addAll(samples(Files.readString(f)));
                } catch (IllegalArgumentException notXml) {
                    continue;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read examples in " + dir, e);
        }
    }

    /**
     * The whole stanza for a (mutated) payload of a sample, from a stranger to a device.
     *
     * @param sample  the sample (gives the stanza and IQ type)
     * @param payload the payload to put in
     * @return the stanza's XML in the {@code jabber:client} namespace
     */
    public static String stanza(Sample sample, String payload) {
        String type = sample.iqType() == null ? "" : " type='" + sample.iqType() + "'";
        return "<" + sample.stanza() + " xmlns='jabber:client'" + type + " id='fuzz-1'"
                + " from='stranger@example.org/x' to='device@example.org/d'>" + payload + "</" + sample.stanza() + ">";
    }

    /**
     * Parses a stanza as a connection does, with the providers registered in this JVM.
     *
     * @param stanzaXml the stanza
     * @return the stanza, or empty if parsing failed in a way a connection's parsing-exception callback handles
     *         (the stanza is dropped, the connection stays)
     * @throws AssertionError if a provider failed with anything else (Smack would end the connection's reader)
     */
    public static Optional<Stanza> parseAsReceived(String stanzaXml) {
        try {
            return Optional.of(PacketParserUtils.parseStanza(stanzaXml));
        } catch (XmlPullParserException | SmackParsingException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (Exception | StackOverflowError e) {
            throw new AssertionError(
                    "A provider failed with " + e + " instead of a parse exception on "
                            + (stanzaXml.length() > 500 ? stanzaXml.substring(0, 500) + "…" : stanzaXml),
                    e);
        }
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Element c : XepExamples.children(e)) {
            collect(c, out);
        }
    }
}
