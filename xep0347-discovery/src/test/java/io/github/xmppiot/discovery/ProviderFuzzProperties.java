package io.github.xmppiot.discovery;

import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import io.github.xmppiot.testkit.ProviderFuzzContract;

/**
 * Every provider of this module, fed mutations of the XEP examples, either parses the stanza or fails with a parse
 * exception, which a connection drops without losing its stream; nothing else escapes ({@link ProviderFuzzContract}).
 */
class ProviderFuzzProperties extends ProviderFuzzContract {

    ProviderFuzzProperties() {
        super(DiscoveryProviders::register);
    }
}
