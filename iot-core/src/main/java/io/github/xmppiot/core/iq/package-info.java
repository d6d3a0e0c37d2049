/**
 * IQ plumbing shared by the extension modules: the XMPP errors the XEPs name (XEP-0323 §3.5, XEP-0325 §3.6, XEP-0324,
 * XEP-0347) and an asynchronous request-handler base that always answers.
 */
package io.github.xmppiot.core.iq;
