/**
 * Who may read and who may control: a pluggable decision consulted before every XEP-0323 read-out and XEP-0325
 * control request. Friends (presence subscription approved) by default; XEP-0324 provisioning plugs in as another
 * {@link io.github.xmppiot.core.access.AccessPolicy} without changing the read-out or control modules.
 */
package io.github.xmppiot.core.access;
