package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.xml.IotXml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * Any XEP-0326 request (CHECKLIST §6.1 rows C1–C21): the command, its attributes, the tokens (CHECKLIST X-3),
 * {@code xml:lang}, and the children the requests share — {@code node} references, {@code indexRef}s,
 * {@code onlyIfDerivedFrom} types, {@code sortOrder}s and a data form. One class serves every request because they
 * are all built from these parts (XEP-0326 XSD types {@code TokenRequest}, {@code NodeReferenceRequest},
 * {@code NodeReferencesRequest} and their extensions).
 *
 * <p>This is the wire form, read leniently by the provider and used by the server. Applications build the typed
 * records of {@link io.github.xmppiot.concentrator.request} and send them with
 * {@link io.github.xmppiot.concentrator.ConcentratorClient#execute}; {@link
 * io.github.xmppiot.concentrator.request.Request#of(ConcentratorRequest)} reads this form into its record.
 *
 * @since 0.1.0
 */
public final class ConcentratorRequest extends IQ {

    /** The XEP-0326 namespace. */
    public static final String NAMESPACE = "urn:xmpp:iot:concentrators";
    /** Element name of a node reference child. */
    public static final String NODE = "node";
    /** Element name of an index reference child. */
    public static final String INDEX_REF = "indexRef";
    /** Element name of a type filter child of {@code getAllNodes}. */
    public static final String ONLY_IF_DERIVED_FROM = "onlyIfDerivedFrom";
    /** Element name of a sort order child of {@code getChildNodes}. */
    public static final String SORT_ORDER = "sortOrder";

    private final ConcentratorCommand command;
    private final Map<String, String> attributes;
    private final Tokens tokens;
    private final String lang;
    private final List<NodeRef> nodes;
    private final List<IndexRef> indexRefs;
    private final List<String> onlyIfDerivedFrom;
    private final List<SortOrder> sortOrders;
    private final DataForm form;

    private ConcentratorRequest(Builder b) {
        super(b.command.element(), NAMESPACE);
        this.command = b.command;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.tokens = b.tokens;
        this.lang = b.lang;
        this.nodes = List.copyOf(b.nodes);
        this.indexRefs = List.copyOf(b.indexRefs);
        this.onlyIfDerivedFrom = List.copyOf(b.onlyIfDerivedFrom);
        this.sortOrders = List.copyOf(b.sortOrders);
        this.form = b.form;
        setType(b.command.iqType());
    }

    /**
     * Starts building a request.
     *
     * @param command the command
     * @return a builder
     */
    public static Builder builder(ConcentratorCommand command) {
        return new Builder(command);
    }

    /** @return the command */
    public ConcentratorCommand command() {
        return command;
    }

    /** @return all attributes other than tokens and {@code xml:lang}, in document order */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * An attribute.
     *
     * @param name the attribute name
     * @return its value, empty if absent
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /**
     * An xs:boolean attribute (validated when parsed).
     *
     * @param name         the attribute name
     * @param defaultValue the XSD default
     * @return the value, or the default when absent
     */
    public boolean flag(String name, boolean defaultValue) {
        String v = attributes.get(name);
        return v == null ? defaultValue : BooleanValue.parseBoolean(v);
    }

    /** @return the {@code sourceId} attribute, empty if absent */
    public Optional<String> sourceId() {
        return attribute(NodeRef.ATTR_SOURCE_ID);
    }

    /** @return the node reference in the request's own attributes, empty if it has no {@code nodeId} */
    public Optional<NodeRef> nodeRef() {
        String id = attributes.get(NodeRef.ATTR_NODE_ID);
        return id == null
                ? Optional.empty()
                : Optional.of(NodeRef.of(
                        id, attributes.get(NodeRef.ATTR_SOURCE_ID), attributes.get(NodeRef.ATTR_CACHE_TYPE)));
    }

    /** @return {@code getEventsSince} of a {@code subscribe}, empty if absent */
    public Optional<DateTimeValue> eventsSince() {
        return attribute("getEventsSince").map(DateTimeValue::parse);
    }

    /** @return the tokens */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the requested language ({@code xml:lang} of the request element), empty if absent */
    public Optional<String> lang() {
        return Optional.ofNullable(lang);
    }

    /** @return the {@code node} children */
    public List<NodeRef> nodes() {
        return nodes;
    }

    /** @return the {@code indexRef} children */
    public List<IndexRef> indexRefs() {
        return indexRefs;
    }

    /** @return the {@code onlyIfDerivedFrom} children */
    public List<String> onlyIfDerivedFrom() {
        return onlyIfDerivedFrom;
    }

    /** @return the {@code sortOrder} children */
    public List<SortOrder> sortOrders() {
        return sortOrders;
    }

    /** @return the data form, empty if none */
    public Optional<DataForm> form() {
        return Optional.ofNullable(form);
    }

    /**
     * The node references this request addresses: its own reference if it has one, else its {@code node} children.
     *
     * @return the references
     */
    public List<NodeRef> addressedNodes() {
        return nodeRef().map(List::of).orElse(nodes);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (lang != null) {
            xml.xmllangAttribute(lang);
        }
        attributes.forEach(xml::attribute);
        IotXml.writeTokens(xml, tokens);
        if (nodes.isEmpty()
                && indexRefs.isEmpty()
                && onlyIfDerivedFrom.isEmpty()
                && sortOrders.isEmpty()
                && form == null) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (NodeRef n : nodes) {
            xml.halfOpenElement(NODE);
            IotXml.writeNodeRef(xml, n);
            xml.closeEmptyElement();
        }
        for (IndexRef r : indexRefs) {
            xml.halfOpenElement(INDEX_REF)
                    .attribute("sourceId", r.sourceId())
                    .attribute("index", r.index())
                    .attribute("indexValue", r.indexValue())
                    .closeEmptyElement();
        }
        for (String t : onlyIfDerivedFrom) {
            xml.element(ONLY_IF_DERIVED_FROM, t);
        }
        for (SortOrder s : sortOrders) {
            xml.halfOpenElement(SORT_ORDER).attribute("parameterName", s.parameterName());
            if (s.ascending() != null) {
                xml.attribute("ascending", s.ascending());
            }
            xml.closeEmptyElement();
        }
        if (form != null) {
            xml.append(form);
        }
        return xml;
    }

    /** Builder of {@link ConcentratorRequest}. */
    public static final class Builder {
        private final ConcentratorCommand command;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Tokens tokens = Tokens.NONE;
        private String lang;
        private final List<NodeRef> nodes = new ArrayList<>();
        private final List<IndexRef> indexRefs = new ArrayList<>();
        private final List<String> onlyIfDerivedFrom = new ArrayList<>();
        private final List<SortOrder> sortOrders = new ArrayList<>();
        private DataForm form;

        private Builder(ConcentratorCommand command) {
            this.command = Objects.requireNonNull(command, "command");
        }

        /**
         * Sets an attribute; null removes it.
         *
         * @param name  the attribute name
         * @param value the value
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /**
         * Sets an xs:boolean attribute.
         *
         * @param name  the attribute name
         * @param value the value
         * @return this builder
         */
        public Builder flag(String name, boolean value) {
            return attribute(name, Boolean.toString(value));
        }

        /**
         * Sets {@code sourceId}.
         *
         * @param sourceId the data source
         * @return this builder
         */
        public Builder sourceId(String sourceId) {
            return attribute(NodeRef.ATTR_SOURCE_ID, sourceId);
        }

        /**
         * Sets the request's own node reference attributes.
         *
         * @param node the reference
         * @return this builder
         */
        public Builder node(NodeRef node) {
            attribute(NodeRef.ATTR_SOURCE_ID, node.sourceId());
            attribute(NodeRef.ATTR_NODE_ID, node.nodeId());
            return attribute(NodeRef.ATTR_CACHE_TYPE, node.cacheType());
        }

        /**
         * Adds {@code node} children.
         *
         * @param refs the references
         * @return this builder
         */
        public Builder nodes(List<NodeRef> refs) {
            nodes.addAll(refs);
            return this;
        }

        /**
         * Adds an {@code indexRef} child.
         *
         * @param ref the reference
         * @return this builder
         */
        public Builder indexRef(IndexRef ref) {
            indexRefs.add(Objects.requireNonNull(ref));
            return this;
        }

        /**
         * Adds an {@code onlyIfDerivedFrom} child.
         *
         * @param type the base type
         * @return this builder
         */
        public Builder onlyIfDerivedFrom(String type) {
            onlyIfDerivedFrom.add(Objects.requireNonNull(type));
            return this;
        }

        /**
         * Adds a {@code sortOrder} child.
         *
         * @param order the order
         * @return this builder
         */
        public Builder sortOrder(SortOrder order) {
            sortOrders.add(Objects.requireNonNull(order));
            return this;
        }

        /**
         * Sets the tokens.
         *
         * @param t the tokens
         * @return this builder
         */
        public Builder tokens(Tokens t) {
            tokens = t == null ? Tokens.NONE : t;
            return this;
        }

        /**
         * Sets {@code xml:lang}.
         *
         * @param l the language, null for none
         * @return this builder
         */
        public Builder lang(String l) {
            lang = l;
            return this;
        }

        /**
         * Sets the data form.
         *
         * @param f the form, null for none
         * @return this builder
         */
        public Builder form(DataForm f) {
            form = f;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public ConcentratorRequest build() {
            return new ConcentratorRequest(this);
        }
    }
}
