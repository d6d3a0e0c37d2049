/**
 * Smack providers for the XEP-0325 elements; registered by {@code ControlProviders.register()}, which both managers
 * call.
 */
package io.github.xmppiot.control.provider;
