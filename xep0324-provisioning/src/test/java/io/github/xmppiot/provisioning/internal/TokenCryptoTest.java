package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.provisioning.DeviceIdentity;
import io.github.xmppiot.provisioning.TestIdentities;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0324 §3.1.3: a challenge encrypted with the certificate's key is readable only with its private key. */
class TokenCryptoTest {

    @Test
    void challengeRoundTripsWithTheRightKeyOnly(@TempDir Path dir) throws Exception {
        DeviceIdentity a = TestIdentities.create(dir, "thing-a");
        DeviceIdentity b = TestIdentities.create(dir, "thing-b");
        byte[] plain = "0123456789abcdef0123456789abcdef".getBytes();
        byte[] encrypted = TokenCrypto.encrypt(
                TokenCrypto.certificate(a.certificate().getEncoded()).getPublicKey(), plain);
        assertThat(TokenCrypto.decrypt(a.privateKey(), encrypted)).isEqualTo(plain);
        assertThatThrownBy(() -> TokenCrypto.decrypt(b.privateKey(), encrypted))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> TokenCrypto.certificate(new byte[] {1, 2, 3}))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
