/**
 * The model shared by the XMPP IoT extensions (XEP-0323, XEP-0324, XEP-0325, XEP-0326, XEP-0347).
 */
package io.github.xmppiot.core;
