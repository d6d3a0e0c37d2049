/**
 * The XEP-0347 payload elements (namespace {@code urn:xmpp:iot:discovery}) as immutable Smack IQs: {@code register},
 * {@code mine}, {@code claimed}, {@code remove}, {@code removed}, {@code update}, {@code search}, {@code found},
 * {@code unregister}, {@code disown} and {@code disowned} (XEP-0347 §3, §9 "XML Schema").
 */
package io.github.xmppiot.discovery.element;
