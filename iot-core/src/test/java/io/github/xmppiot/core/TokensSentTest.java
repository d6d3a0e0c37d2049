package io.github.xmppiot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0324 §3.1.3.2: the tokens a request carries are announced to the listeners of its connection. */
class TokensSentTest {

    private static final Tokens TOKENS = new Tokens(List.of("s1"), List.of(), List.of());

    private static XMPPTCPConnection connection() throws Exception {
        return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("example.org")
                .build());
    }

    private record Sent(Tokens tokens, Jid to) {}

    @Test
    void listenersOfTheConnectionLearnTheTokens() throws Exception {
        XMPPTCPConnection c = connection();
        XMPPTCPConnection other = connection();
        Jid to = JidCreate.from("thing@example.org/r");
        List<Sent> heard = new ArrayList<>();
        TokensSent.Listener listener = (tokens, jid) -> heard.add(new Sent(tokens, jid));
        TokensSent.addListener(c, listener);
        try {
            TokensSent.announce(c, TOKENS, to);
            TokensSent.announce(other, TOKENS, to);
            assertThat(heard).containsExactly(new Sent(TOKENS, to));
        } finally {
            TokensSent.removeListener(c, listener);
        }
        TokensSent.announce(c, TOKENS, to);
        assertThat(heard).hasSize(1);
    }

    @Test
    void nothingIsAnnouncedWithoutTokensOrRecipient() throws Exception {
        XMPPTCPConnection c = connection();
        Jid to = JidCreate.from("thing@example.org/r");
        List<Tokens> heard = new ArrayList<>();
        TokensSent.Listener listener = (tokens, jid) -> heard.add(tokens);
        TokensSent.addListener(c, listener);
        try {
            TokensSent.announce(c, Tokens.NONE, to);
            TokensSent.announce(c, null, to);
            TokensSent.announce(c, TOKENS, null);
            assertThat(heard).isEmpty();
        } finally {
            TokensSent.removeListener(c, listener);
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        XMPPTCPConnection c = connection();
        Jid to = JidCreate.from("thing@example.org/r");
        List<Tokens> heard = new ArrayList<>();
        TokensSent.Listener failing = (tokens, jid) -> {
            throw new IllegalStateException("listener bug");
        };
        TokensSent.Listener good = (tokens, jid) -> heard.add(tokens);
        TokensSent.addListener(c, failing);
        TokensSent.addListener(c, good);
        try {
            TokensSent.announce(c, TOKENS, to);
            assertThat(heard).containsExactly(TOKENS);
        } finally {
            TokensSent.removeListener(c, failing);
            TokensSent.removeListener(c, good);
        }
    }

    @Test
    void aConnectionTakesAtMostEightListeners() throws Exception {
        XMPPTCPConnection c = connection();
        List<TokensSent.Listener> added = new ArrayList<>();
        try {
            for (int i = 0; i < TokensSent.MAX_LISTENERS; i++) {
                TokensSent.Listener l = (tokens, jid) -> {};
                TokensSent.addListener(c, l);
                added.add(l);
            }
            assertThatThrownBy(() -> TokensSent.addListener(c, (tokens, jid) -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a connection takes at most 8 token listeners");
            TokensSent.removeListener(c, added.remove(0));
            TokensSent.Listener ninth = (tokens, jid) -> {};
            TokensSent.addListener(c, ninth);
            added.add(ninth);
        } finally {
            added.forEach(l -> TokensSent.removeListener(c, l));
        }
        TokensSent.removeListener(connection(), (tokens, jid) -> {});
        assertThatThrownBy(() -> TokensSent.addListener(c, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TokensSent.addListener(null, (tokens, jid) -> {}))
                .isInstanceOf(NullPointerException.class);
    }
}
