package io.github.xmppiot.discovery;

import io.github.xmppiot.discovery.internal.RegistryClient;

/** Test access to the failure typing of the managers. */
final class RegistryClientAccess {

    private RegistryClientAccess() {}

    static Throwable typed(Throwable t) {
        return RegistryClient.typed(t);
    }
}
