/**
 * Integration testing against a real Prosody XMPP server.
 *
 * <p>Annotate a JUnit 5 test class with {@link io.github.xmppiot.testkit.ProsodyTest} and declare a
 * {@link io.github.xmppiot.testkit.ProsodyServer} parameter to get a fresh server per class, with accounts created on
 * demand and logged-in connections that are cleaned up after each test. Outside JUnit, start a server with
 * {@link io.github.xmppiot.testkit.ProsodyServer#start(ProsodyOptions)} and close it when done.
 */
package io.github.xmppiot.testkit;
