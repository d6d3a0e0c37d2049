/**
 * XEP-0324 Internet of Things - Provisioning. The Thing side is
 * {@link io.github.xmppiot.provisioning.ProvisioningClient} with its
 * {@link io.github.xmppiot.provisioning.ProvisioningAccessPolicy} (plug it into the XEP-0323 and XEP-0325 modules)
 * and {@link io.github.xmppiot.provisioning.DecisionCache}; the service side is
 * {@link io.github.xmppiot.provisioning.ProvisioningServiceClient} with
 * {@link io.github.xmppiot.provisioning.PrivilegeSet}; a provisioning server is in
 * {@code io.github.xmppiot.provisioning.server}.
 */
package io.github.xmppiot.provisioning;
