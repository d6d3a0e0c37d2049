package io.github.xmppiot.provisioning.element;

import java.util.List;

/**
 * {@code downloadPrivilegesResponse} (XEP-0324 §3.7.2): the ordered include/exclude list, evaluated sequentially by
 * the service. XEP-0324 example 24 sends it without {@code xmlns}; it is accepted in {@code jabber:client} too
 * (CHECKLIST §9.2.4) and always written in {@code urn:xmpp:iot:provisioning}.
 *
 * @since 0.1.0
 */
public final class DownloadPrivilegesResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "downloadPrivilegesResponse";

    private final List<PrivilegeRule> rules;

    /**
     * Creates the response.
     *
     * @param rules the rules, in evaluation order
     */
    public DownloadPrivilegesResponse(List<PrivilegeRule> rules) {
        super(ELEMENT, Type.result);
        this.rules = List.copyOf(rules);
    }

    /** @return the rules, in evaluation order */
    public List<PrivilegeRule> rules() {
        return rules;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (rules.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (PrivilegeRule r : rules) {
            xml.halfOpenElement(r.include() ? "include" : "exclude")
                    .attribute("id", r.id())
                    .closeEmptyElement();
        }
        return xml;
    }
}
