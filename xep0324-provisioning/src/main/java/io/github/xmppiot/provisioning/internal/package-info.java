/**
 * Implementation details of the XEP-0324 module: XML helpers, provider registration, cache persistence and token
 * bookkeeping. Not API; no compatibility promise.
 */
package io.github.xmppiot.provisioning.internal;
