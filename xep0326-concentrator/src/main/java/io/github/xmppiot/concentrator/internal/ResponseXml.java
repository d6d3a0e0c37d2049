package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.element.AddableNodeType;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.DataSource;
import io.github.xmppiot.concentrator.element.Database;
import io.github.xmppiot.concentrator.element.NodeCommand;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.element.NodeResult;
import io.github.xmppiot.concentrator.element.ParameterError;
import io.github.xmppiot.concentrator.element.ResultCode;
import java.util.List;
import org.jivesoftware.smack.packet.IQ.IQChildElementXmlStringBuilder;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/** Writes a {@link ConcentratorResponse} in the spec's form (XEP-0326 §3). */
public final class ResponseXml {

    private ResponseXml() {}

    /**
     * Writes a response's attributes and children (XEP-0326 §3, the spec's form).
     *
     * @param xml the response element being written
     * @param r   the response
     * @return the builder
     */
    public static IQChildElementXmlStringBuilder write(IQChildElementXmlStringBuilder xml, ConcentratorResponse r) {
        ResultCode result = r.resultAttribute().orElse(null);
        String queryId = r.queryId().orElse(null);
        NodeInformation node = r.node().orElse(null);
        String text = r.text().orElse(null);
        List<String> baseClasses = r.baseClasses().orElse(null);
        List<String> interfaces = r.interfaces().orElse(null);
        DataForm form = r.form().orElse(null);
        if (result != null) {
            xml.attribute("result", result.xmlValue());
        }
        xml.optAttribute("queryId", queryId);
        if (node != null) {
            NodeXml.writeAttributes(xml, node);
        }
        xml.rightAngleBracket();
        if (text != null) {
            xml.escape(text);
        }
        if (node != null) {
            NodeXml.writeChildren(xml, node);
        }
        for (String v : r.values()) {
            xml.element("value", v);
        }
        for (DataSource d : r.dataSources()) {
            xml.halfOpenElement("dataSource")
                    .attribute("sourceId", d.sourceId())
                    .attribute("name", d.name());
            if (d.hasChildren() != null) {
                xml.attribute("hasChildren", d.hasChildren().booleanValue());
            }
            if (d.lastChanged() != null) {
                xml.attribute("lastChanged", d.lastChanged().lexical());
            }
            xml.closeEmptyElement();
        }
        for (NodeInformation n : r.nodes()) {
            NodeXml.writeNode(xml, "node", n);
        }
        writeValues(xml, "baseClasses", baseClasses);
        writeValues(xml, "interfaces", interfaces);
        for (ParameterError e : r.errors()) {
            xml.halfOpenElement("error")
                    .attribute("var", e.var())
                    .rightAngleBracket()
                    .escape(e.message())
                    .closeElement("error");
        }
        if (form != null) {
            xml.append(form);
        }
        for (AddableNodeType t : r.nodeTypes()) {
            xml.halfOpenElement("nodeType")
                    .attribute("type", t.type())
                    .attribute("name", t.name())
                    .closeEmptyElement();
        }
        for (NodeCommand c : r.commands()) {
            xml.halfOpenElement("command")
                    .attribute("command", c.command())
                    .attribute("name", c.name())
                    .attribute("type", c.type().xmlValue())
                    .optAttribute("sortCategory", c.sortCategory())
                    .optAttribute("sortKey", c.sortKey())
                    .optAttribute("confirmationString", c.confirmationString())
                    .optAttribute("failureString", c.failureString())
                    .optAttribute("successString", c.successString())
                    .closeEmptyElement();
        }
        for (NodeResult nr : r.nodeResults()) {
            xml.halfOpenElement("result")
                    .optAttribute("error", nr.error())
                    .rightAngleBracket()
                    .append(Boolean.toString(nr.success()))
                    .closeElement("result");
        }
        for (Database d : r.databases()) {
            xml.halfOpenElement("database")
                    .attribute("databaseId", d.databaseId())
                    .optAttribute("name", d.name())
                    .closeEmptyElement();
        }
        return xml;
    }

    private static void writeValues(IQChildElementXmlStringBuilder xml, String element, List<String> list) {
        if (list == null) {
            return;
        }
        if (list.isEmpty()) {
            xml.emptyElement(element);
            return;
        }
        xml.openElement(element);
        for (String v : list) {
            xml.element("value", v);
        }
        xml.closeElement(element);
    }
}
