/**
 * Meta tags that describe a Thing to a thing registry (XEP-0347 §3.6, §5.2): string and numeric tags, the predefined
 * tag names and the limits every tag obeys. The Thing model carries them and the discovery module registers them.
 */
package io.github.xmppiot.core.meta;
