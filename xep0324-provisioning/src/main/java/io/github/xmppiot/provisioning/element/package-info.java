/**
 * The XEP-0324 elements (§9 XML Schema): one immutable class per element of {@code urn:xmpp:iot:provisioning}, IQ
 * payloads as {@link io.github.xmppiot.provisioning.element.ProvisioningIq} subclasses and message payloads
 * ({@code friend}, {@code unfriend}, {@code userLoggedIn}) as extension elements. Output follows the XSD strictly;
 * the providers accept the published examples' deviations (CHECKLIST §9.2).
 */
package io.github.xmppiot.provisioning.element;
