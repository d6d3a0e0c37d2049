package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.xml.IotParseException;

/**
 * The kind of a node command (XEP-0326 §3.12 "Node Commands", XSD type {@code CommandType}).
 *
 * @since 0.1.0
 */
public enum CommandType {
    /** Executed without parameters. */
    SIMPLE("Simple"),
    /** Needs a parameter form first ({@code getCommandParameters}). */
    PARAMETERIZED("Parameterized"),
    /** Runs asynchronously and reports {@code queryProgress} messages; may be aborted. */
    QUERY("Query");

    private final String xml;

    CommandType(String xml) {
        this.xml = xml;
    }

    /** @return the attribute value */
    public String xmlValue() {
        return xml;
    }

    /**
     * Reads a {@code type} attribute value.
     *
     * @param xml the attribute value
     * @return the type
     * @throws IotParseException if not one of the XSD enumeration
     */
    public static CommandType fromXml(String xml) throws IotParseException {
        for (CommandType t : values()) {
            if (t.xml.equals(xml)) {
                return t;
            }
        }
        throw new IotParseException("unknown command type '" + xml + "'");
    }
}
