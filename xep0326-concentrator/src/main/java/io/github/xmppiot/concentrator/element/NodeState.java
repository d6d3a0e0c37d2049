package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.xml.IotParseException;

/**
 * The state of a node, attribute {@code state} of NodeInformation (XEP-0326 §3.8 "Node Information", XSD type
 * {@code NodeState}). "Signed" messages have been acknowledged by an operator.
 *
 * @since 0.1.0
 */
public enum NodeState {
    /** Nothing to report. */
    NONE("None"),
    /** Informational messages are logged on the node. */
    INFORMATION("Information"),
    /** Warnings that an operator has acknowledged. */
    WARNING_SIGNED("WarningSigned"),
    /** Warnings not yet acknowledged. */
    WARNING_UNSIGNED("WarningUnsigned"),
    /** Errors that an operator has acknowledged. */
    ERROR_SIGNED("ErrorSigned"),
    /** Errors not yet acknowledged. */
    ERROR_UNSIGNED("ErrorUnsigned");

    private final String xml;

    NodeState(String xml) {
        this.xml = xml;
    }

    /** @return the attribute value */
    public String xmlValue() {
        return xml;
    }

    /**
     * Reads a {@code state} attribute value.
     *
     * @param xml the attribute value
     * @return the state
     * @throws IotParseException if not one of the XSD enumeration
     */
    public static NodeState fromXml(String xml) throws IotParseException {
        for (NodeState s : values()) {
            if (s.xml.equals(xml)) {
                return s;
            }
        }
        throw new IotParseException("unknown node state '" + xml + "'");
    }
}
