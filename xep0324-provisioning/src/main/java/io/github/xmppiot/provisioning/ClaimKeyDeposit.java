package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.Jid;

/** Runs {@link OwnerCommands#CLAIM_KEY} at a provisioning server for the Thing's own account (XEP-0050 ad-hoc). */
final class ClaimKeyDeposit {

    private ClaimKeyDeposit() {}

    static CompletableFuture<Void> deposit(XMPPConnection connection, Jid server, String key, Executor executor) {
        return Work.supply(executor, () -> {
            RemoteCommand command = AdHocCommandManager.getAddHocCommandsManager(connection)
                    .getRemoteCommand(server, OwnerCommands.CLAIM_KEY);
            command.execute();
            FillableForm form = new FillableForm(command.getForm());
            form.setAnswer(OwnerCommands.FIELD_KEY, key);
            command.complete(form);
            if (command.getStatus() != AdHocCommand.Status.completed) {
                throw new IllegalStateException(
                        "the provisioning server did not complete the deposit: " + command.getStatus());
            }
            return null;
        });
    }
}
