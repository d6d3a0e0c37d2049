package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.core.xml.AnsweringIqProvider;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.commands.provider.AdHocCommandDataProvider;
import org.jivesoftware.smackx.disco.AbstractNodeInformationProvider;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.formtypes.FormFieldRegistry;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * The XEP-0050 responder for {@link OwnerCommands}. Smack 4.4's own {@code AdHocCommandManager} cannot complete a
 * command with a submitted form (it wraps the {@code submit} form in a {@code FillableForm}, which throws, and the
 * request goes unanswered), so the server answers {@code command} requests itself: asynchronously, always, with the
 * database work on the server's executor. Clients use Smack's {@code RemoteCommand} as usual. The commands are listed
 * under the disco node {@code http://jabber.org/protocol/commands}.
 */
final class CommandHandler extends IotIqRequestHandler<AdHocCommandData> {

    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);

    private record Session(String node, Jid requester, Instant created) {}

    private final ProvisioningServer server;
    private final Supplier<Executor> work;
    private boolean addedFeature;
    private final Map<String, OwnerCommands.Spec> specs = OwnerCommands.specs();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    CommandHandler(XMPPConnection connection, ProvisioningServer server, Supplier<Executor> work) {
        super(
                connection,
                AdHocCommandData.ELEMENT,
                AdHocCommandData.NAMESPACE,
                IQ.Type.set,
                AdHocCommandData.class,
                Duration.ofSeconds(30));
        this.server = server;
        this.work = work;
        // submitted forms omit field types; Smack's parser finds them by FORM_TYPE in this registry
        specs.values().forEach(spec -> FormFieldRegistry.register(form(spec)));
        answerMalformedCommands();
    }

    private static DataForm form(OwnerCommands.Spec spec) {
        return DataForm.builder(DataForm.Type.form)
                .setTitle(spec.title())
                .setFormType(spec.node())
                .addFields(spec.fields())
                .build();
    }

    /** Registers the handler and the disco listing of the commands. */
    void register(XMPPConnection connection) {
        connection.registerIQRequestHandler(this);
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        if (!disco.includesFeature(AdHocCommandData.NAMESPACE)) {
            disco.addFeature(AdHocCommandData.NAMESPACE);
            addedFeature = true;
        }
        disco.setNodeInformationProvider(AdHocCommandData.NAMESPACE, new AbstractNodeInformationProvider() {
            @Override
            public List<DiscoverItems.Item> getNodeItems() {
                List<DiscoverItems.Item> items = new ArrayList<>();
                for (OwnerCommands.Spec s : specs.values()) {
                    DiscoverItems.Item item = new DiscoverItems.Item(connection.getUser());
                    item.setNode(s.node());
                    item.setName(s.title());
                    items.add(item);
                }
                return items;
            }
        });
    }

    /** Undoes {@link #register}: the handler, the command listing and the feature if it was added here. */
    void unregister(XMPPConnection connection) {
        connection.unregisterIQRequestHandler(this);
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        disco.removeNodeInformationProvider(AdHocCommandData.NAMESPACE);
        if (addedFeature) {
            disco.removeFeature(AdHocCommandData.NAMESPACE);
        }
    }

    /**
     * Makes a {@code command} set that Smack's provider cannot parse (a jid-single field whose value is not a JID, for
     * example) a {@link AnsweringIqProvider MalformedRequest}, answered {@code modify/bad-request} on any connection:
     * a plain Smack connection's parsing-exception callback cannot answer it. Results parse as before.
     */
    private static synchronized void answerMalformedCommands() {
        SmackConfiguration.getVersion(); // Smack's start-up registers its provider first, never after ours
        if (!(ProviderManager.getIQProvider(AdHocCommandData.ELEMENT, AdHocCommandData.NAMESPACE)
                instanceof AnsweringIqProvider)) {
            ProviderManager.addIQProvider(
                    AdHocCommandData.ELEMENT,
                    AdHocCommandData.NAMESPACE,
                    new AnsweringIqProvider(new AdHocCommandDataProvider()));
        }
    }

    @Override
    protected CompletionStage<? extends IQ> handle(AdHocCommandData request) {
        sessions.values().removeIf(s -> s.created().plus(SESSION_LIFETIME).isBefore(Instant.now()));
        Jid from = request.getFrom();
        if (from == null || !from.hasLocalpart()) {
            return CompletableFuture.failedFuture(IotErrors.forbidden("owners are accounts"));
        }
        OwnerCommands.Spec spec = specs.get(request.getNode());
        if (spec == null) {
            return CompletableFuture.failedFuture(IotErrors.itemNotFound("no command " + request.getNode()));
        }
        AdHocCommand.Action action = request.getAction();
        String sessionId = request.getSessionID();
        if (sessionId != null) {
            Session session = sessions.remove(sessionId);
            if (session == null
                    || !session.requester().equals(from)
                    || !session.node().equals(spec.node())) {
                return CompletableFuture.failedFuture(IotErrors.badRequest("unknown or expired session"));
            }
            if (action == AdHocCommand.Action.cancel) {
                return CompletableFuture.completedFuture(reply(request, sessionId, AdHocCommand.Status.canceled, null));
            }
        } else {
            sessionId = UUID.randomUUID().toString();
        }
        DataForm submitted = request.getForm();
        if (submitted == null || submitted.getType() != DataForm.Type.submit) {
            if (request.getSessionID() != null) {
                return CompletableFuture.failedFuture(IotErrors.badRequest("the form was not submitted"));
            }
            sessions.put(sessionId, new Session(spec.node(), from, Instant.now()));
            AdHocCommandData r = reply(request, sessionId, AdHocCommand.Status.executing, null);
            r.setForm(form(spec));
            r.addAction(AdHocCommand.Action.complete);
            r.setExecuteAction(AdHocCommand.Action.complete);
            return CompletableFuture.completedFuture(r);
        }
        String id = sessionId;
        String owner = from.asBareJid().toString();
        Executor executor = work.get();
        return supply(request, id, owner, spec, submitted, executor);
    }

    private CompletableFuture<AdHocCommandData> supply(
            AdHocCommandData request,
            String id,
            String owner,
            OwnerCommands.Spec spec,
            DataForm submitted,
            Executor executor) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        String note = spec.action().apply(server.owners(), owner, submitted);
                        return reply(request, id, AdHocCommand.Status.completed, note);
                    } catch (SecurityException e) {
                        throw new CompletionException(IotErrors.forbidden(e.getMessage()));
                    } catch (IllegalArgumentException e) {
                        throw new CompletionException(IotErrors.badRequest(e.getMessage()));
                    } catch (SQLException e) {
                        throw new CompletionException(IotErrors.internalError("not stored: " + e.getMessage()));
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

    private static AdHocCommandData reply(
            AdHocCommandData request, String sessionId, AdHocCommand.Status status, String note) {
        AdHocCommandData r = new AdHocCommandData();
        r.setNode(request.getNode());
        r.setSessionID(sessionId);
        r.setStatus(status);
        r.setId(request.getTo());
        if (note != null) {
            r.addNote(new AdHocCommandNote(AdHocCommandNote.Type.info, note));
        }
        return resultFor(request, r);
    }
}
