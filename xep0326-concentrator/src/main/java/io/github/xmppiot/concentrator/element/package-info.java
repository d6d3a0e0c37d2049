/**
 * XEP-0326 elements, the wire layer: one {@link io.github.xmppiot.concentrator.element.ConcentratorRequest} and one
 * {@link io.github.xmppiot.concentrator.element.ConcentratorResponse} class carry the request/response pairs of
 * CHECKLIST §6.1 (C1–C21), named by {@link io.github.xmppiot.concentrator.element.ConcentratorCommand}, as leniently
 * as the XEP allows; applications use the typed records of {@link io.github.xmppiot.concentrator.request} instead.
 * NodeInformation, data sources, commands, events ({@link io.github.xmppiot.concentrator.element.NodeEvent}) and query
 * progress ({@link io.github.xmppiot.concentrator.element.QueryProgress}) are typed records.
 */
package io.github.xmppiot.concentrator.element;
