package io.github.xmppiot.provisioning.element;

import java.util.Objects;

/**
 * One {@code include} or {@code exclude} entry of {@code downloadPrivilegesResponse} (XEP-0324 §3.7.2). An id may be
 * a partial path (for example {@code Sensors}) meaning the whole subtree.
 *
 * @param include true for {@code include}, false for {@code exclude}
 * @param id      the privilege id, a dot-separated path of non-empty parts
 * @since 0.1.0
 */
public record PrivilegeRule(boolean include, String id) {

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException if the id is not a dot-separated path of non-empty parts
     */
    public PrivilegeRule {
        Objects.requireNonNull(id, "id");
        if (!io.github.xmppiot.provisioning.internal.ProvisioningXml.PRIVILEGE_ID
                .matcher(id)
                .matches()) {
            throw new IllegalArgumentException("not a privilege id: '" + id + "'");
        }
    }

    /**
     * Whether this entry concerns {@code privilegeId}: the same id or one of its ancestors.
     *
     * @param privilegeId a full privilege id
     * @return true if the rule covers it
     */
    public boolean covers(String privilegeId) {
        return privilegeId.equals(id) || privilegeId.startsWith(id + ".");
    }
}
