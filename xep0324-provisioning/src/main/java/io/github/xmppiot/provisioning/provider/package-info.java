/**
 * Smack providers for the XEP-0324 elements, one per element. IQ providers never throw on a payload that breaks the
 * XSD's rules: they return a {@link io.github.xmppiot.core.xml.MalformedRequest}, so that requests are answered with
 * {@code modify/bad-request} (CHECKLIST §14).
 */
package io.github.xmppiot.provisioning.provider;
