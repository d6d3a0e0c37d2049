/**
 * Typed XEP-0326 requests and replies: one record per request of XEP-0326 §3.2–§3.14 (CHECKLIST §6.1, C1–C21), grouped
 * in sealed families by subject ({@link io.github.xmppiot.concentrator.request.DataSourceRequest},
 * {@link io.github.xmppiot.concentrator.request.NodeRequest}, {@link io.github.xmppiot.concentrator.request.TreeRequest},
 * {@link io.github.xmppiot.concentrator.request.EditRequest},
 * {@link io.github.xmppiot.concentrator.request.CommandRequest},
 * {@link io.github.xmppiot.concentrator.request.DatabaseRequest}), each typed by the
 * {@link io.github.xmppiot.concentrator.request.Reply} record it is answered with. Options are enums
 * ({@link io.github.xmppiot.concentrator.request.NodeDetail}, {@link io.github.xmppiot.concentrator.request.Direction},
 * {@link io.github.xmppiot.concentrator.element.NodeEvent.Kind}), never boolean flags. All values are immutable.
 */
package io.github.xmppiot.concentrator.request;
