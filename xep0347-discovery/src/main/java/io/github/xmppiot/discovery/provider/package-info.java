/**
 * Smack providers for the XEP-0347 elements, one per element. Request providers never throw on a payload that breaks
 * XEP-0347 (for example an overlong tag name or a bad number): they return a
 * {@link io.github.xmppiot.core.xml.MalformedRequest}, which the handlers answer with {@code modify/bad-request}.
 */
package io.github.xmppiot.discovery.provider;
