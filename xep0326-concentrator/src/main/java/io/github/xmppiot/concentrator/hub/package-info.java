/**
 * A ready-made XEP-0326 concentrator for real hardware: the {@link io.github.xmppiot.concentrator.hub.Hub} builds its
 * nodes from the HAL drivers ({@link io.github.xmppiot.concentrator.hub.DriverNodeType}), keeps them in a
 * human-editable JSON file ({@link io.github.xmppiot.concentrator.hub.HubConfig}) and serves them over XEP-0326
 * (managing the node tree), XEP-0323 (read-out) and XEP-0325 (control).
 */
package io.github.xmppiot.concentrator.hub;
