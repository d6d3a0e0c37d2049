/**
 * Implementation of the XEP-0325 control module: request processing, form building and reading, strict form
 * writing. Not API; no compatibility promise.
 */
package io.github.xmppiot.control.internal;
