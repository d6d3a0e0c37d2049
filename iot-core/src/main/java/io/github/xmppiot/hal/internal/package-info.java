/** Implementation of the HAL context shared by all backends; not API. */
package io.github.xmppiot.hal.internal;
