package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.provisioning.element.Credential;
import io.github.xmppiot.provisioning.element.CredentialType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0324 §3.6.2: which users a service may admit, from the credentials of {@code canAccess}. */
class AccessRuleTest {

    private static final String SERVICE = "service@example.org";

    private static AccessRule rule(String... lines) {
        return AccessRule.parse(SERVICE, List.of(lines));
    }

    private static Credential jid(String value) {
        return new Credential(CredentialType.JID, value);
    }

    private static Credential user(String value) {
        return new Credential(CredentialType.USER_NAME, value);
    }

    @Test
    void jidConditionsCompareBareJidsIgnoringCaseAndResource() {
        AccessRule r = rule("jid=Alice@Example.org");
        assertThat(r.admits(List.of(jid("alice@example.org/phone")))).isTrue();
        assertThat(r.admits(List.of(jid("bob@example.org")))).isFalse();
        assertThat(r.admits(List.of(user("alice@example.org"))))
                .as("a user name is not a JID")
                .isFalse();
        assertThat(r.admits(List.of())).isFalse();
    }

    @Test
    void domainAndAnyWildcards() {
        AccessRule domain = rule("jid=*@example.org");
        assertThat(domain.admits(List.of(jid("carol@example.org/x")))).isTrue();
        assertThat(domain.admits(List.of(jid("carol@evil-example.org")))).isFalse();
        assertThat(domain.admits(List.of(jid("carol@sub.example.org")))).isFalse();
        assertThat(rule("userName=*").admits(List.of(user("anyone")))).isTrue();
        assertThat(rule("userName=*").admits(List.of(jid("a@b")))).isFalse();
    }

    @Test
    void userNamesMatchExactlyAndEveryConditionMustHold() {
        AccessRule r = rule("userName=Kermit", "protocol=HTTPS");
        assertThat(r.admits(List.of(user("Kermit"), new Credential(CredentialType.PROTOCOL, "HTTPS"))))
                .isTrue();
        assertThat(r.admits(List.of(user("Kermit"), new Credential(CredentialType.PROTOCOL, "HTTP"))))
                .isFalse();
        assertThat(r.admits(List.of(user("kermit"), new Credential(CredentialType.PROTOCOL, "HTTPS"))))
                .isFalse();
        assertThat(r.admits(List.of(user("Piggy"), user("Kermit"), new Credential(CredentialType.PROTOCOL, "HTTPS"))))
                .as("any credential of the kind may satisfy the condition")
                .isTrue();
    }

    @Test
    void linesAreCanonicalAndMalformedConditionsAreRejected() {
        assertThat(rule("protocol=XMPP", "jid=a@b").lines()).containsExactly("jid=a@b", "protocol=XMPP");
        assertThat(rule("protocol=XMPP", "jid=a@b")).isEqualTo(rule("jid=a@b", "protocol=XMPP"));
        assertThatThrownBy(() -> rule()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule("nonsense=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule("jid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule("jid= ")).isInstanceOf(IllegalArgumentException.class);
    }
}
