/**
 * Integration testing against a real Prosody or ejabberd XMPP server.
 *
 * <p>Annotate a JUnit 5 test class with {@link io.github.xmppiot.testkit.ProsodyTest} and declare a
 * {@link io.github.xmppiot.testkit.ProsodyServer} parameter to get a fresh server per class, with accounts created on
 * demand and logged-in connections that are cleaned up after each test. Outside JUnit, start a server with
 * {@link io.github.xmppiot.testkit.ProsodyServer#start(ProsodyOptions)} and close it when done.
 * {@link io.github.xmppiot.testkit.EjabberdTest} and {@link io.github.xmppiot.testkit.EjabberdServer} do the same
 * with ejabberd, the second server; helpers written against {@link io.github.xmppiot.testkit.XmppTestServer} run on
 * both.
 */
package io.github.xmppiot.testkit;
