package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.Wire.bare;
import static io.github.xmppiot.provisioning.Wire.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The owner commands of the provisioning server (XEP-0324 §1, §3.2-§3.5 through XEP-0050), run by an owner against the
 * server, with the Thing's {@link ProvisioningClient} on the other end of the {@code clearCache}, {@code friend} and
 * {@code unfriend} it is sent.
 */
class OwnerCommandsRoundTripTest {

    private Wire w;

    @AfterEach
    void tearDown() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private Map<String, Object> thing(Object... more) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(OwnerCommands.FIELD_THING, w.thingJid());
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    @Test
    void aClaimNeedsTheDepositedKeyAndConsumesIt() throws Exception {
        w = new Wire(ServerOptions.builder().maxClaimKeyLength(40).build());
        w.trustAndMeet();
        get(w.thing.depositClaimKey(w.serverJid(), "KEY-1"));
        assertThat(w.refused(w.strangerConn, OwnerCommands.CLAIM, thing()))
                .as("no proof")
                .isEqualTo(Condition.forbidden);
        assertThat(w.refused(w.strangerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "KEY-2")))
                .as("a wrong key")
                .isEqualTo(Condition.forbidden);
        assertThat(w.refused(w.strangerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "K".repeat(41))))
                .as("a key longer than the bound")
                .isEqualTo(Condition.bad_request);
        assertThat(w.refused(
                        w.strangerConn,
                        OwnerCommands.CLAIM,
                        thing(OwnerCommands.FIELD_OWNER, bare(w.strangerConn).toString())))
                .as("only a trusted registry names the owner")
                .isEqualTo(Condition.forbidden);
        assertThat(w.store.owner(w.thingJid())).isEmpty();

        assertThat(w.command(w.ownerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "KEY-1")))
                .isEqualTo(w.thingJid() + " is owned by " + bare(w.ownerConn));
        assertThat(w.nextAck()).isEqualTo(w.thingJid());
        assertThat(w.store.owner(w.thingJid())).contains(bare(w.ownerConn).toString());
        assertThat(w.refused(w.strangerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "KEY-1")))
                .as("the key was consumed")
                .isEqualTo(Condition.forbidden);
        assertThat(w.command(w.ownerConn, OwnerCommands.CLAIM, thing()))
                .isEqualTo(w.thingJid() + " is already owned by " + bare(w.ownerConn));
        assertThat(w.refused(w.thingConn, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "KEY-3")))
                .as("an owned Thing deposits no key")
                .isEqualTo(Condition.forbidden);
        assertThat(w.refused(w.strangerConn, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "K".repeat(41))))
                .isEqualTo(Condition.bad_request);
    }

    @Test
    void theOperatorsOwnerListAndATrustedRegistryAreProof() throws Exception {
        String thingJid = "thing@example.org";
        w = new Wire(ServerOptions.builder()
                .owner(thingJid, "owner@example.org")
                .trustedRegistry("stranger@example.org")
                .build());
        w.trustAndMeet();
        assertThat(w.command(w.ownerConn, OwnerCommands.CLAIM, thing()))
                .isEqualTo(thingJid + " is owned by owner@example.org");
        w.nextAck();
        w.command(
                w.ownerConn,
                OwnerCommands.READ_RULE,
                thing(OwnerCommands.FIELD_PRINCIPAL, "token:TOK", OwnerCommands.FIELD_NODES, List.of("n1")));
        w.nextAck();
        w.store.putToken("TOK", "svc@example.org", new byte[] {1});
        assertThat(w.store.tokenHolder("TOK")).isPresent();

        // the registry reports the claim of someone else: the Thing changes hands without its former rules
        assertThat(w.command(
                        w.strangerConn,
                        OwnerCommands.CLAIM,
                        thing(OwnerCommands.FIELD_OWNER, "newowner@example.org/phone")))
                .isEqualTo(thingJid + " is owned by newowner@example.org");
        w.nextAck();
        assertThat(w.store.owner(thingJid)).contains("newowner@example.org");
        assertThat(w.store.rules(thingJid, AccessRequest.Kind.READ)).isEmpty();
        assertThat(w.store.tokenHolder("TOK")).as("revoked with its last rule").isEmpty();
        assertThat(w.refused(w.ownerConn, OwnerCommands.LIST_RULES, thing())).isEqualTo(Condition.forbidden);
        assertThat(w.refused(w.ownerConn, OwnerCommands.CLAIM, thing()))
                .as("the operator's list does not take a Thing from its owner")
                .isEqualTo(Condition.forbidden);
        // the same owner reported again keeps its rules
        w.store.putRule(new io.github.xmppiot.provisioning.server.Rule(
                thingJid, AccessRequest.Kind.READ, "a@example.org", List.of(), List.of()));
        w.command(w.strangerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_OWNER, "newowner@example.org"));
        w.nextAck();
        assertThat(w.store.rules(thingJid, AccessRequest.Kind.READ)).hasSize(1);
    }

    @Test
    void rulesDecideTheThingsReadOutsAndControlAndAreListed() throws Exception {
        w = new Wire();
        w.claimed();
        ProvisioningAccessPolicy policy = w.thing.accessPolicy();
        AccessRequest read = AccessRequest.read(
                w.strangerConn.getUser(), Tokens.NONE, List.of(), Set.of("Temperature", "Humidity"), Set.of());
        AccessRequest control =
                AccessRequest.control(w.strangerConn.getUser(), Tokens.NONE, List.of(), Set.of("Output"));
        assertThat(get(policy.decide(read)).allowed()).isFalse();
        assertThat(get(policy.decide(control)).allowed()).isFalse();

        String stranger = bare(w.strangerConn).toString();
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.READ_RULE,
                        thing(
                                OwnerCommands.FIELD_PRINCIPAL,
                                stranger,
                                OwnerCommands.FIELD_NODES,
                                List.of("n1", "n2@src"),
                                OwnerCommands.FIELD_NAMES,
                                List.of("Temperature"))))
                .isEqualTo("stored read rule of " + stranger + " on " + w.thingJid());
        w.nextAck();
        assertThat(w.nextThingEvent()).isEqualTo("cleared by " + w.provConn.getUser());
        AccessDecision narrowed = get(policy.decide(read));
        assertThat(narrowed)
                .isEqualTo(AccessDecision.allowOnly(
                        List.of(NodeRef.of("n1"), NodeRef.of("n2", "src")), Set.of("Temperature")));
        assertThat(get(policy.decide(control)).allowed())
                .as("a read rule allows no control")
                .isFalse();

        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.CONTROL_RULE,
                        thing(
                                OwnerCommands.FIELD_PRINCIPAL,
                                w.strangerConn.getUser().toString())))
                .isEqualTo("stored control rule of " + stranger + " on " + w.thingJid());
        w.nextAck();
        assertThat(get(policy.decide(control))).isEqualTo(AccessDecision.allowAll());
        assertThat(w.list(w.ownerConn))
                .containsExactly(
                        "owner: " + bare(w.ownerConn),
                        "secondary trust: forbidden",
                        "read rule " + stranger + ": nodes n1 n2@src; names Temperature",
                        "control rule " + stranger + ": nodes all; names all");
        assertThat(w.refused(w.strangerConn, OwnerCommands.LIST_RULES, thing())).isEqualTo(Condition.forbidden);
        assertThat(w.refused(
                        w.strangerConn,
                        OwnerCommands.READ_RULE,
                        thing(OwnerCommands.FIELD_PRINCIPAL, stranger, OwnerCommands.FIELD_REMOVE, true)))
                .as("only the owner changes rules")
                .isEqualTo(Condition.forbidden);

        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.READ_RULE,
                        thing(OwnerCommands.FIELD_PRINCIPAL, stranger, OwnerCommands.FIELD_REMOVE, true)))
                .isEqualTo("removed read rule of " + stranger + " on " + w.thingJid());
        w.nextAck();
        assertThat(get(policy.decide(read)).allowed()).isFalse();
        assertThat(get(policy.decide(control)).allowed()).isTrue();
    }

    @Test
    void removingTheLastRuleNamingATokenRevokesIt() throws Exception {
        w = new Wire();
        w.claimed();
        w.store.putToken("TOK", "svc@example.org", new byte[] {1});
        for (String node : List.of(OwnerCommands.READ_RULE, OwnerCommands.CONTROL_RULE)) {
            w.command(w.ownerConn, node, thing(OwnerCommands.FIELD_PRINCIPAL, "token:TOK"));
            w.nextAck();
        }
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.READ_RULE,
                        thing(OwnerCommands.FIELD_PRINCIPAL, "token:TOK", OwnerCommands.FIELD_REMOVE, true)))
                .as("still named by the control rule")
                .isEqualTo("removed read rule of token:TOK on " + w.thingJid());
        w.nextAck();
        assertThat(w.store.tokenHolder("TOK")).isPresent();
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.CONTROL_RULE,
                        thing(OwnerCommands.FIELD_PRINCIPAL, "token:TOK", OwnerCommands.FIELD_REMOVE, "1")))
                .isEqualTo("removed control rule of token:TOK on " + w.thingJid() + " (token revoked)");
        w.nextAck();
        assertThat(w.store.tokenHolder("TOK")).isEmpty();
    }

    @Test
    void friendshipsAreRecommendedAndEndedAtTheThing() throws Exception {
        w = new Wire();
        w.claimed();
        String stranger = bare(w.strangerConn).toString();
        assertThat(get(w.thing.isFriend(bare(w.strangerConn)))).isFalse();
        assertThat(get(w.thing.isFriend(bare(w.ownerConn))))
                .as("the owner is always a friend")
                .isTrue();

        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.FRIENDSHIP,
                        thing(OwnerCommands.FIELD_JID, stranger, OwnerCommands.FIELD_ALLOW, true)))
                .isEqualTo("friendship allowed: " + w.thingJid() + " / " + stranger + " (friend recommended)");
        assertThat(w.awaitThingEvents("befriending " + stranger, "cleared by " + w.provConn.getUser()))
                .isEmpty();
        assertThat(w.strangerConn.await(
                        s -> s instanceof Presence p && p.getType() == Presence.Type.subscribe, Wire.WAIT))
                .as("the Thing asks the recommended friend for a subscription")
                .isNotNull();
        w.nextAck();
        assertThat(get(w.thing.isFriend(bare(w.strangerConn)))).isTrue();
        assertThat(w.command(w.ownerConn, OwnerCommands.FRIENDSHIP, thing(OwnerCommands.FIELD_JID, stranger)))
                .as("allowed again: no second recommendation")
                .isEqualTo("friendship allowed: " + w.thingJid() + " / " + stranger);
        w.nextAck();

        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.FRIENDSHIP,
                        thing(OwnerCommands.FIELD_JID, stranger, OwnerCommands.FIELD_ALLOW, false)))
                .as("the Thing asked about it: it is told")
                .isEqualTo("friendship forbidden: " + w.thingJid() + " / " + stranger + " (unfriend sent)");
        w.nextAck();
        assertThat(w.awaitThingEvents("unfriended " + stranger)).doesNotContain("befriending " + stranger);
        assertThat(w.strangerConn.await(
                        s -> s instanceof Presence p && p.getType() == Presence.Type.unsubscribed, Wire.WAIT))
                .isNotNull();
        assertThat(get(w.thing.isFriend(bare(w.strangerConn)))).isFalse();
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.FRIENDSHIP,
                        thing(OwnerCommands.FIELD_JID, "never@example.org", OwnerCommands.FIELD_ALLOW, false)))
                .as("never asked about: nothing to tell")
                .isEqualTo("friendship forbidden: " + w.thingJid() + " / never@example.org");
        w.nextAck();
        assertThat(w.list(w.ownerConn))
                .contains("friendship " + stranger + ": forbidden", "friendship never@example.org: forbidden");
    }

    @Test
    void secondaryTrustIsLearntFromTheNextIsFriendAnswer() throws Exception {
        w = new Wire();
        w.claimed();
        assertThat(get(w.thing.secondaryTrust().refresh())).isFalse();
        assertThat(w.thing.secondaryTrust().allowedBy(w.serverJid())).contains(false);
        Throwable refused = get(w.thing
                .trust(org.jxmpp.jid.impl.JidCreate.from("other.example.org"))
                .handle((v, e) -> e));
        assertThat(refused).isInstanceOf(SecurityException.class);

        assertThat(w.command(w.ownerConn, OwnerCommands.SECONDARY_TRUST, thing()))
                .isEqualTo("secondary trust allowed for " + w.thingJid());
        w.nextAck();
        assertThat(w.thing.secondaryTrust().allowedBy(w.serverJid()))
                .as("forgotten on clearCache")
                .isEmpty();
        assertThat(get(w.thing.secondaryTrust().refresh())).isTrue();
        assertThat(w.list(w.ownerConn)).contains("secondary trust: allowed");
        assertThat(w.command(w.ownerConn, OwnerCommands.SECONDARY_TRUST, thing(OwnerCommands.FIELD_ALLOW, false)))
                .isEqualTo("secondary trust forbidden for " + w.thingJid());
        w.nextAck();
        assertThat(get(w.thing.secondaryTrust().refresh())).isFalse();
    }

    @Test
    void aTransferredThingBelongsToTheNewOwnerAndADisownedOneToNobody() throws Exception {
        w = new Wire();
        w.claimed();
        String stranger = bare(w.strangerConn).toString();
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.TRANSFER,
                        thing(
                                OwnerCommands.FIELD_NEW_OWNER,
                                w.strangerConn.getUser().toString())))
                .isEqualTo(w.thingJid() + " is now owned by " + stranger);
        w.nextAck();
        assertThat(w.refused(w.ownerConn, OwnerCommands.LIST_RULES, thing())).isEqualTo(Condition.forbidden);
        assertThat(w.list(w.strangerConn)).startsWith("owner: " + stranger);
        assertThat(w.refused(w.ownerConn, OwnerCommands.DISOWN, thing())).isEqualTo(Condition.forbidden);

        assertThat(w.command(w.strangerConn, OwnerCommands.DISOWN, thing()))
                .isEqualTo(w.thingJid() + " has no owner and no rules any more");
        w.nextAck();
        assertThat(w.store.owner(w.thingJid())).isEmpty();
        assertThat(w.refused(w.strangerConn, OwnerCommands.LIST_RULES, thing())).isEqualTo(Condition.forbidden);
        assertThat(w.command(w.thingConn, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "NEW")))
                .isEqualTo("claim key of " + w.thingJid() + " stored; whoever presents it may claim " + w.thingJid());
    }

    @Test
    void servicesGetAccessRulesAndPrivileges() throws Exception {
        w = new Wire();
        w.trustAndMeet();
        String stranger = bare(w.strangerConn).toString();
        w.command(w.strangerConn, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "SVC"));
        Map<String, Object> service = Map.of(OwnerCommands.FIELD_THING, stranger, OwnerCommands.FIELD_KEY, "SVC");
        w.command(w.ownerConn, OwnerCommands.CLAIM, service);
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.ACCESS_RULE,
                        Map.of(
                                OwnerCommands.FIELD_THING,
                                stranger,
                                OwnerCommands.FIELD_CREDENTIALS,
                                List.of("userName=Kermit", "ip4=10.0.0.1"))))
                .startsWith("stored access rule of " + stranger + ": ");
        assertThat(w.store.accessRules(stranger)).hasSize(1);
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.PRIVILEGES,
                        Map.of(
                                OwnerCommands.FIELD_THING,
                                stranger,
                                OwnerCommands.FIELD_USER,
                                "Kermit",
                                OwnerCommands.FIELD_PRIVILEGES,
                                List.of("-Sensors.Delete", "+Sensors"))))
                .isEqualTo("stored 2 privilege entries of 'Kermit' in " + stranger);
        assertThat(new PrivilegeSet(w.store.privileges(stranger, "Kermit")).isGranted("Sensors.View"))
                .isTrue();
        assertThat(new PrivilegeSet(w.store.privileges(stranger, "Kermit")).isGranted("Sensors.Delete"))
                .isFalse();
        List<String> listed =
                List.of(w.command(w.ownerConn, OwnerCommands.LIST_RULES, Map.of(OwnerCommands.FIELD_THING, stranger))
                        .split("\n"));
        assertThat(listed)
                .anySatisfy(l -> assertThat(l).startsWith("access rule: ").contains("Kermit"));
        assertThat(w.refused(
                        w.ownerConn,
                        OwnerCommands.PRIVILEGES,
                        Map.of(
                                OwnerCommands.FIELD_THING,
                                stranger,
                                OwnerCommands.FIELD_PRIVILEGES,
                                List.of("Sensors"))))
                .isEqualTo(Condition.bad_request);
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.ACCESS_RULE,
                        Map.of(
                                OwnerCommands.FIELD_THING,
                                stranger,
                                OwnerCommands.FIELD_CREDENTIALS,
                                List.of("userName=Kermit", "ip4=10.0.0.1"),
                                OwnerCommands.FIELD_REMOVE,
                                true)))
                .startsWith("removed access rule of " + stranger + ": ");
        assertThat(w.store.accessRules(stranger)).isEmpty();
    }

    @Test
    void badFormsAndUnknownCommandsAreRefused() throws Exception {
        w = new Wire();
        w.claimed();
        assertThat(w.refused(w.ownerConn, "urn:example:nothing", Map.of())).isEqualTo(Condition.item_not_found);
        assertThat(w.rawRefused(
                        w.ownerConn,
                        OwnerCommands.LIST_RULES,
                        null,
                        AdHocCommand.Action.execute,
                        Map.of(OwnerCommands.FIELD_NEW_OWNER, "x@example.org")))
                .as("a required field missing")
                .isEqualTo(Condition.bad_request);
        assertThat(w.refused(w.ownerConn, OwnerCommands.READ_RULE, thing(OwnerCommands.FIELD_PRINCIPAL, "@bad@")))
                .as("a principal that is neither a JID nor a token")
                .isEqualTo(Condition.bad_request);
        assertThat(w.refused(w.ownerConn, OwnerCommands.READ_RULE, thing(OwnerCommands.FIELD_PRINCIPAL, "  ")))
                .isEqualTo(Condition.bad_request);
    }

    @Test
    void aJidFieldWhoseValueIsNotAJidIsAnsweredBadRequest() throws Exception {
        w = new Wire();
        w.claimed();
        String[] fields = {
            "<field var='thing' type='jid-single'><value>%s</value></field>",
            // no type: Smack finds jid-single by FORM_TYPE in its registry (XEP-0068)
            "<field var='FORM_TYPE' type='hidden'><value>" + OwnerCommands.LIST_RULES
                    + "</value></field><field var='thing'><value>%s</value></field>"
        };
        int n = 0;
        for (String field : fields) {
            for (String notAJid : List.of("a b@c", "@c", "a@")) {
                String id = "notajid" + n++;
                w.ownerConn.inject("<iq type='set' id='" + id + "' to='" + w.provConn.getUser() + "'>"
                        + "<command xmlns='http://jabber.org/protocol/commands' node='" + OwnerCommands.LIST_RULES
                        + "' action='execute'><x xmlns='jabber:x:data' type='submit'>" + field.formatted(notAJid)
                        + "</x></command></iq>");
                IQ answer = (IQ) w.ownerConn.await(st -> id.equals(st.getStanzaId()), Duration.ofSeconds(5));
                assertThat(answer.getType()).as(notAJid).isEqualTo(IQ.Type.error);
                assertThat(answer.getError().getCondition()).as(notAJid).isEqualTo(Condition.bad_request);
                assertThat(answer.getError().getType()).as(notAJid).isEqualTo(StanzaError.Type.MODIFY);
            }
        }
        assertThat(w.list(w.ownerConn).get(0)).as("still served").startsWith("owner: " + bare(w.ownerConn));
    }

    @Test
    void aSubmittedFormIsAppliedAtOnceAndSessionsBelongToTheirRequester() throws Exception {
        w = new Wire();
        w.claimed();
        AdHocCommandData done = w.raw(
                w.ownerConn,
                OwnerCommands.LIST_RULES,
                null,
                AdHocCommand.Action.execute,
                Map.of(OwnerCommands.FIELD_THING, w.thingJid()));
        assertThat(done.getStatus()).isEqualTo(AdHocCommand.Status.completed);
        assertThat(done.getNotes().get(0).getValue()).startsWith("owner: " + bare(w.ownerConn));

        AdHocCommandData started =
                w.raw(w.ownerConn, OwnerCommands.TRANSFER, null, AdHocCommand.Action.execute, Map.of());
        assertThat(started.getStatus()).isEqualTo(AdHocCommand.Status.executing);
        assertThat(started.getForm().getField(OwnerCommands.FIELD_NEW_OWNER)).isNotNull();
        assertThat(started.getForm().getField(OwnerCommands.FIELD_THING).isRequired())
                .isTrue();
        String session = started.getSessionID();
        assertThat(w.rawRefused(
                        w.strangerConn,
                        OwnerCommands.TRANSFER,
                        session,
                        AdHocCommand.Action.complete,
                        Map.of(OwnerCommands.FIELD_THING, w.thingJid())))
                .as("another account's session")
                .isEqualTo(Condition.bad_request);
        assertThat(w.rawRefused(w.ownerConn, OwnerCommands.TRANSFER, session, AdHocCommand.Action.complete, Map.of()))
                .as("the session ended with the refusal")
                .isEqualTo(Condition.bad_request);

        String other = w.raw(w.ownerConn, OwnerCommands.DISOWN, null, AdHocCommand.Action.execute, Map.of())
                .getSessionID();
        assertThat(other).isNotEqualTo(session);
        assertThat(w.rawRefused(
                        w.ownerConn,
                        OwnerCommands.LIST_RULES,
                        other,
                        AdHocCommand.Action.complete,
                        Map.of(OwnerCommands.FIELD_THING, w.thingJid())))
                .as("a session of another command")
                .isEqualTo(Condition.bad_request);
        String third = w.raw(w.ownerConn, OwnerCommands.DISOWN, null, AdHocCommand.Action.execute, Map.of())
                .getSessionID();
        assertThat(w.raw(w.ownerConn, OwnerCommands.DISOWN, third, AdHocCommand.Action.cancel, Map.of())
                        .getStatus())
                .isEqualTo(AdHocCommand.Status.canceled);
        String fourth = w.raw(w.ownerConn, OwnerCommands.DISOWN, null, AdHocCommand.Action.execute, Map.of())
                .getSessionID();
        assertThat(w.rawRefused(w.ownerConn, OwnerCommands.DISOWN, fourth, AdHocCommand.Action.complete, Map.of()))
                .as("completed without a form")
                .isEqualTo(Condition.bad_request);
        assertThat(w.store.owner(w.thingJid())).as("nothing was disowned").isPresent();
    }

    @Test
    void aMarkSetThroughAnotherServerIsFoundByThePoll() throws Exception {
        w = new Wire(
                ServerOptions.builder().clearCachePoll(Duration.ofMinutes(10)).build());
        w.claimed();
        w.server.update(b -> b.options(
                ServerOptions.builder().clearCachePoll(Duration.ofMillis(100)).build()));
        w.store.setClearPending(w.thingJid(), true);
        assertThat(w.nextAck()).isEqualTo(w.thingJid());
        assertThat(w.store.clearPending()).isEmpty();
        w.server.update(b -> b.options(
                ServerOptions.builder().clearCachePoll(Duration.ofMinutes(10)).build()));
        assertThat(w.server.settings().options().clearCachePoll()).isEqualTo(Duration.ofMinutes(10));
        io.github.xmppiot.core.concurrent.IotExecutors own = io.github.xmppiot.core.concurrent.IotExecutors.builder()
                .name("server-test")
                .build();
        w.server.update(b -> b.executors(own));
        assertThat(own.activeLeases()).isEqualTo(1);
        get(w.server.rulesChanged(w.thingJid()));
        assertThat(w.nextAck()).as("served on the new executors").isEqualTo(w.thingJid());
        w.server.close();
        assertThat(own.activeLeases()).isZero();
    }

    @Test
    void nobodyButTheOwnerChangesAThingAndAClosedServerAnswersNoCommand() throws Exception {
        w = new Wire();
        w.claimed();
        String stranger = bare(w.strangerConn).toString();
        List<Map.Entry<String, Map<String, Object>>> changes = List.of(
                Map.entry(OwnerCommands.FRIENDSHIP, thing(OwnerCommands.FIELD_JID, stranger)),
                Map.entry(OwnerCommands.SECONDARY_TRUST, thing()),
                Map.entry(OwnerCommands.TRANSFER, thing(OwnerCommands.FIELD_NEW_OWNER, stranger)),
                Map.entry(OwnerCommands.CONTROL_RULE, thing(OwnerCommands.FIELD_PRINCIPAL, stranger)),
                Map.entry(
                        OwnerCommands.ACCESS_RULE, thing(OwnerCommands.FIELD_CREDENTIALS, List.of("jid=" + stranger))),
                Map.entry(OwnerCommands.PRIVILEGES, thing(OwnerCommands.FIELD_PRIVILEGES, List.of("+All"))));
        for (Map.Entry<String, Map<String, Object>> c : changes) {
            assertThat(w.refused(w.strangerConn, c.getKey(), c.getValue()))
                    .as(c.getKey())
                    .isEqualTo(Condition.forbidden);
        }
        assertThat(w.list(w.ownerConn)).containsExactly("owner: " + bare(w.ownerConn), "secondary trust: forbidden");
        assertThat(w.store.accessRules(w.thingJid())).isEmpty();
        assertThat(w.store.privileges(w.thingJid(), "")).isEmpty();

        w.server.close();
        assertThat(w.refused(w.ownerConn, OwnerCommands.LIST_RULES, thing())).isNotNull();
        assertThat(Wire.get(w.thing.isFriend(bare(w.ownerConn))))
                .as("isFriend is not answered any more")
                .isFalse();
    }

    @Test
    void aClaimKeyAsLongAsTheBoundIsTakenAndTheClaimConsumesIt() throws Exception {
        w = new Wire(ServerOptions.builder().maxClaimKeyLength(8).build());
        w.trustAndMeet();
        get(w.thing.depositClaimKey(w.serverJid(), "12345678"));
        assertThat(w.refused(w.strangerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "87654321")))
                .as("as long as the bound: compared, and wrong")
                .isEqualTo(Condition.forbidden);
        w.command(w.ownerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "12345678"));
        w.nextAck();
        w.command(w.ownerConn, OwnerCommands.DISOWN, thing());
        w.nextAck();
        assertThat(w.refused(w.ownerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "12345678")))
                .as("the key was used up by the first claim")
                .isEqualTo(Condition.forbidden);
    }

    @Test
    void onlyQuestionsOfAnOwnedThingAreRecordedAndOnlyAsManyAsTheBound() throws Exception {
        w = new Wire(ServerOptions.builder().askedPerThing(1).build());
        w.trustAndMeet();
        assertThat(get(w.thing.isFriend(org.jxmpp.jid.impl.JidCreate.bareFrom("early@example.org"))))
                .isFalse();
        get(w.thing.depositClaimKey(w.serverJid(), "K"));
        w.command(w.ownerConn, OwnerCommands.CLAIM, thing(OwnerCommands.FIELD_KEY, "K"));
        w.nextAck();
        assertThat(get(w.thing.isFriend(org.jxmpp.jid.impl.JidCreate.bareFrom("first@example.org"))))
                .isFalse();
        assertThat(get(w.thing.isFriend(org.jxmpp.jid.impl.JidCreate.bareFrom("second@example.org"))))
                .isFalse();
        assertThat(w.store.hasAsked(w.thingJid(), "early@example.org"))
                .as("not owned yet")
                .isFalse();
        assertThat(w.store.hasAsked(w.thingJid(), "first@example.org")).isTrue();
        assertThat(w.store.hasAsked(w.thingJid(), "second@example.org"))
                .as("beyond the bound")
                .isFalse();
        assertThat(w.command(
                        w.ownerConn,
                        OwnerCommands.FRIENDSHIP,
                        thing(OwnerCommands.FIELD_JID, "second@example.org", OwnerCommands.FIELD_ALLOW, false)))
                .doesNotContain("unfriend sent");
    }

    @Test
    void aTokenChallengeOfAnUnknownTokenOrToAnAccountThatCannotAnswerFails() throws Exception {
        w = new Wire();
        assertThat(get(w.server.challengeToken(w.strangerConn.getUser(), "UNKNOWN")))
                .isFalse();
        w.store.putToken("TOK", "stranger@example.org", new byte[] {1, 2, 3});
        assertThat(get(w.server.challengeToken(w.strangerConn.getUser(), "TOK")))
                .as("not a certificate")
                .isFalse();
    }

    @Test
    void aRuleChangedWhileTheThingIsOfflineIsPushedWhenItComesBack() throws Exception {
        w = new Wire(
                ServerOptions.builder().clearCachePoll(Duration.ofMinutes(5)).build());
        w.claimed();
        Wire.unavailable(w.thingConn, w.provConn);
        assertThat(w.server.online()).doesNotContainKey(bare(w.thingConn));
        get(w.server.rulesChanged(w.thingJid()));
        assertThat(w.store.clearPending()).contains(w.thingJid());
        Wire.available(w.thingConn, w.provConn);
        assertThat(w.nextAck()).isEqualTo(w.thingJid());
        assertThat(w.store.clearPending()).doesNotContain(w.thingJid());
    }
}
