package io.github.xmppiot.discovery.registry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The registry's reports of claims to a provisioning server ({@link ThingRegistrySettings#claimReporter()}). */
final class ClaimReports {

    private static final Logger LOG = Logger.getLogger(ThingRegistry.class.getName());

    private ClaimReports() {}

    /** Tells the provisioning server about a committed claim; never fails (a failure is logged). */
    static CompletableFuture<Void> report(ThingRegistrySettings s, ThingRecord r) {
        ClaimReporter reporter = s.claimReporter();
        if (reporter == null || r.owner() == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> reported;
        try {
            reported = reporter.claimed(r.key().jid(), r.owner().asBareJid()).toCompletableFuture();
        } catch (RuntimeException e) {
            reported = CompletableFuture.failedFuture(e);
        }
        return reported.orTimeout(s.options().thingTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((v, e) -> {
                    if (e != null) {
                        LOG.log(
                                Level.WARNING,
                                "the claim of " + r.key() + " by " + r.owner() + " was not reported to the"
                                        + " provisioning server; the owner can claim there with the claim string",
                                e);
                    }
                    return null;
                });
    }
}
