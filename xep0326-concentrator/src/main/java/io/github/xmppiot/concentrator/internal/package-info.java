/**
 * Implementation details of the XEP-0326 module; no compatibility promise.
 */
package io.github.xmppiot.concentrator.internal;
