package io.github.xmppiot.provisioning;

import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.util.List;

/**
 * A user's privileges in a service as downloaded with {@code downloadPrivileges} (XEP-0324 §3.7.2): an ordered list
 * of {@code include}/{@code exclude} entries evaluated sequentially. An entry with a partial id (such as
 * {@code Sensors}) covers the whole subtree. The first entry that covers the requested id decides; if none does, the
 * privilege is not granted. So {@code exclude Sensors.Delete, include Sensors} grants {@code Sensors.View} but not
 * {@code Sensors.Delete}.
 *
 * @param rules the entries, in evaluation order
 * @since 0.1.0
 */
public record PrivilegeSet(List<PrivilegeRule> rules) {

    /** No privilege at all. */
    public static final PrivilegeSet NONE = new PrivilegeSet(List.of());

    /**
     * Copies the list.
     */
    public PrivilegeSet {
        rules = List.copyOf(rules);
    }

    /**
     * Whether a privilege is granted (XEP-0324 §3.7: services always ask with full ids).
     *
     * @param privilegeId a full, dot-separated privilege id
     * @return true if the first covering entry is an {@code include}
     */
    public boolean isGranted(String privilegeId) {
        for (PrivilegeRule r : rules) {
            if (r.covers(privilegeId)) {
                return r.include();
            }
        }
        return false;
    }
}
