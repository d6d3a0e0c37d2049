package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.provisioning.PrivilegeSet;
import io.github.xmppiot.provisioning.element.CanAccess;
import io.github.xmppiot.provisioning.element.CanAccessResponse;
import io.github.xmppiot.provisioning.element.CanControl;
import io.github.xmppiot.provisioning.element.CanControlResponse;
import io.github.xmppiot.provisioning.element.CanRead;
import io.github.xmppiot.provisioning.element.CanReadResponse;
import io.github.xmppiot.provisioning.element.DownloadPrivileges;
import io.github.xmppiot.provisioning.element.DownloadPrivilegesResponse;
import io.github.xmppiot.provisioning.element.GetToken;
import io.github.xmppiot.provisioning.element.GetTokenChallenge;
import io.github.xmppiot.provisioning.element.GetTokenChallengeResponse;
import io.github.xmppiot.provisioning.element.GetTokenResponse;
import io.github.xmppiot.provisioning.element.HasPrivilege;
import io.github.xmppiot.provisioning.element.HasPrivilegeResponse;
import io.github.xmppiot.provisioning.element.IsFriend;
import io.github.xmppiot.provisioning.element.IsFriendResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;

/** The XEP-0324 requests the provisioning server answers; database work runs on the server's work pool. */
final class ServerHandlers {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ServerHandlers() {}

    /** A step that may fail with an {@link io.github.xmppiot.core.iq.IotErrorException} or a database error. */
    @FunctionalInterface
    interface Answer<R> {
        IQ apply(R request) throws Exception;
    }

    /** A handler that answers on the work pool; a refused task is answered {@code wait/resource-constraint}. */
    private static final class Handler<R extends IQ> extends IotIqRequestHandler<R> {
        private final Supplier<Executor> work;
        private final Answer<R> answer;

        Handler(
                XMPPConnection c,
                Supplier<Executor> work,
                String element,
                IQ.Type type,
                Class<R> cls,
                Answer<R> answer) {
            super(c, element, ProvisioningIq.NAMESPACE, type, cls, TIMEOUT);
            this.work = work;
            this.answer = answer;
        }

        @Override
        protected CompletionStage<? extends IQ> handle(R request) {
            return Work.supply(work.get(), () -> resultFor(request, answer.apply(request)));
        }
    }

    /** A handler whose answer is itself asynchronous (it may wait for token challenges); never blocks the executor. */
    private static final class AsyncHandler<R extends IQ> extends IotIqRequestHandler<R> {
        private final Function<R, CompletionStage<IQ>> answer;

        AsyncHandler(XMPPConnection c, String element, Class<R> cls, Function<R, CompletionStage<IQ>> answer) {
            super(c, element, ProvisioningIq.NAMESPACE, IQ.Type.get, cls, TIMEOUT);
            this.answer = answer;
        }

        @Override
        protected CompletionStage<? extends IQ> handle(R request) {
            return answer.apply(request).thenApply(iq -> resultFor(request, iq));
        }
    }

    static List<IQRequestHandler> create(
            XMPPConnection c,
            Supplier<Executor> ex,
            ProvisioningStore store,
            TokenIssuer issuer,
            TokenProofs proofs,
            Supplier<ServerOptions> options) {
        RuleEvaluator rules = new RuleEvaluator(store);
        return List.of(
                new Handler<>(
                        c, ex, IsFriend.ELEMENT, IQ.Type.get, IsFriend.class, r -> isFriend(store, options.get(), r)),
                new AsyncHandler<>(
                        c,
                        CanRead.ELEMENT,
                        CanRead.class,
                        r -> proofs.proven(r.getFrom(), r.jid().asBareJid().toString(), r.tokens())
                                .thenApplyAsync(t -> canRead(rules, r, t), ex.get())),
                new AsyncHandler<>(
                        c,
                        CanControl.ELEMENT,
                        CanControl.class,
                        r -> proofs.proven(r.getFrom(), r.jid().asBareJid().toString(), r.tokens())
                                .thenApplyAsync(t -> canControl(rules, r, t), ex.get())),
                new Handler<>(c, ex, GetToken.ELEMENT, IQ.Type.get, GetToken.class, r -> getToken(issuer, r)),
                new Handler<>(
                        c,
                        ex,
                        GetTokenChallengeResponse.ELEMENT,
                        IQ.Type.get,
                        GetTokenChallengeResponse.class,
                        r -> challengeAnswered(store, issuer, r)),
                new Handler<>(
                        c,
                        ex,
                        GetTokenChallengeResponse.ELEMENT,
                        IQ.Type.set,
                        GetTokenChallengeResponse.class,
                        r -> challengeAnswered(store, issuer, r)),
                new Handler<>(c, ex, CanAccess.ELEMENT, IQ.Type.get, CanAccess.class, r -> canAccess(store, issuer, r)),
                new Handler<>(
                        c, ex, HasPrivilege.ELEMENT, IQ.Type.get, HasPrivilege.class, r -> hasPrivilege(store, r)),
                new Handler<>(
                        c,
                        ex,
                        DownloadPrivileges.ELEMENT,
                        IQ.Type.get,
                        DownloadPrivileges.class,
                        r -> downloadPrivileges(store, r)));
    }

    private static String bare(IQ iq) {
        return iq.getFrom().asBareJid().toString();
    }

    /**
     * §3.2.1: the owner is always a friend; otherwise the owner's explicit decision; default no. The answer carries
     * whether the Thing may add friends itself (§3.1.4). The question is recorded, so that an {@code unfriend} goes
     * only to Things that asked (§3.2.3) — but only for a known Thing (one with an owner), and for at most
     * {@link ServerOptions#askedPerThing()} JIDs per Thing: anyone else's questions are answered and forgotten.
     */
    private static IQ isFriend(ProvisioningStore store, ServerOptions options, IsFriend r) throws Exception {
        String thing = bare(r);
        String friend = r.bareJid().toString();
        Optional<String> owner = store.owner(thing);
        if (owner.isPresent() && !store.hasAsked(thing, friend) && store.askedCount(thing) < options.askedPerThing()) {
            store.recordAsked(thing, friend);
        }
        boolean ok = owner.map(friend::equals).orElse(false)
                || store.friendship(thing, friend).orElse(false);
        return new IsFriendResponse(r.bareJid(), ok, store.secondaryTrust(thing));
    }

    /** §3.3 with the tokens whose possession was proven (§3.1.3.2). */
    private static IQ canRead(RuleEvaluator rules, CanRead r, Tokens proven) {
        try {
            RuleEvaluator.Outcome o = rules.decide(
                    bare(r), AccessRequest.Kind.READ, r.jid().asBareJid().toString(), proven, r.nodes(), r.fields());
            return new CanReadResponse(r.jid().asBareJid(), o.allowed(), r.fieldTypes(), o.nodes(), o.names());
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    /** §3.4 with the tokens whose possession was proven (§3.1.3.2). */
    private static IQ canControl(RuleEvaluator rules, CanControl r, Tokens proven) {
        try {
            RuleEvaluator.Outcome o = rules.decide(
                    bare(r),
                    AccessRequest.Kind.CONTROL,
                    r.jid().asBareJid().toString(),
                    proven,
                    r.nodes(),
                    r.parameters());
            return new CanControlResponse(r.jid().asBareJid(), o.allowed(), o.nodes(), o.names());
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * §3.1.3.1: a certificate that cannot be read is a {@code bad-request}; too many open challenges of the sender
     * (or in total) a {@code resource-constraint}.
     */
    private static IQ getToken(TokenIssuer issuer, GetToken r) throws Exception {
        Map.Entry<Integer, byte[]> challenge;
        try {
            challenge = issuer.challenge(bare(r), r.bytes());
        } catch (TokenIssuer.TooManyChallenges e) {
            throw new IotErrorException(
                    StanzaError.Condition.resource_constraint, StanzaError.Type.WAIT, e.getMessage(), List.of());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw IotErrors.badRequest("not a base64 X.509 certificate with an RSA key");
        }
        return new GetTokenChallenge(challenge.getKey(), challenge.getValue());
    }

    /** §3.1.3.1: unknown seqnr is {@code item-not-found}, a wrong answer {@code bad-request}. */
    private static IQ challengeAnswered(ProvisioningStore store, TokenIssuer issuer, GetTokenChallengeResponse r)
            throws Exception {
        Optional<TokenIssuer.Pending> p = issuer.take(r.seqnr(), bare(r));
        if (p.isEmpty()) {
            throw IotErrors.itemNotFound("no challenge " + r.seqnr());
        }
        byte[] answer;
        try {
            answer = r.bytes();
        } catch (IllegalArgumentException e) {
            throw IotErrors.badRequest("answer is not base64");
        }
        if (!TokenIssuer.matches(p.get(), answer)) {
            throw IotErrors.badRequest("wrong answer to the challenge");
        }
        String token = issuer.newToken();
        store.putToken(token, bare(r), p.get().certificate());
        return new GetTokenResponse(token);
    }

    /** The service token is valid if one of the sent tokens was issued here to the sender. */
    private static boolean knownService(ProvisioningStore store, String service, String serviceTokens)
            throws Exception {
        for (String t : serviceTokens.trim().split("\\s+")) {
            if (store.tokenHolder(t).map(service::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * §3.6.2: a known service may admit a user whose credentials satisfy one of the owner's {@link AccessRule}s of
     * that service; only then is a user token issued.
     */
    private static IQ canAccess(ProvisioningStore store, TokenIssuer issuer, CanAccess r) throws Exception {
        String service = bare(r);
        if (!knownService(store, service, r.serviceToken())
                || store.accessRules(service).stream().noneMatch(a -> a.admits(r.credentials()))) {
            return new CanAccessResponse(false, null);
        }
        String userToken = issuer.newToken();
        store.putUserToken(userToken, service);
        return new CanAccessResponse(true, userToken);
    }

    /** §3.7.1, §3.7.2: unidentified users get the default privileges (user {@code ""}). */
    private static PrivilegeSet privileges(
            ProvisioningStore store, String service, String serviceToken, String userToken) throws Exception {
        if (!knownService(store, service, serviceToken)) {
            return PrivilegeSet.NONE;
        }
        String user = store.userName(service, userToken).orElse("");
        return new PrivilegeSet(store.privileges(service, user));
    }

    private static IQ hasPrivilege(ProvisioningStore store, HasPrivilege r) throws Exception {
        return new HasPrivilegeResponse(
                privileges(store, bare(r), r.serviceToken(), r.userToken()).isGranted(r.privilegeId()));
    }

    private static IQ downloadPrivileges(ProvisioningStore store, DownloadPrivileges r) throws Exception {
        return new DownloadPrivilegesResponse(
                privileges(store, bare(r), r.serviceToken(), r.userToken()).rules());
    }
}
