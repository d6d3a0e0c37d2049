package io.github.xmppiot.provisioning.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.crypto.Cipher;

/**
 * The cryptography of XEP-0324 §3.1.3: challenges are random blocks encrypted with the RSA public key of the X.509
 * certificate. The XEP names no padding; this SDK uses {@value #TRANSFORMATION}. Not API.
 */
public final class TokenCrypto {

    /** The cipher used for challenges. */
    public static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    /** Size of a random challenge, in bytes. */
    public static final int CHALLENGE_SIZE = 32;

    private TokenCrypto() {}

    /**
     * Reads a DER encoded X.509 certificate.
     *
     * @param der the certificate
     * @return the certificate
     * @throws GeneralSecurityException if it is not a certificate
     */
    public static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * Encrypts a challenge.
     *
     * @param key   the certificate's public key
     * @param plain the random block
     * @return the encrypted block
     * @throws GeneralSecurityException if the key cannot encrypt
     */
    public static byte[] encrypt(PublicKey key, byte[] plain) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(plain);
    }

    /**
     * Decrypts a challenge.
     *
     * @param key       the private key
     * @param encrypted the encrypted block
     * @return the random block
     * @throws GeneralSecurityException if it cannot be decrypted with this key
     */
    public static byte[] decrypt(PrivateKey key, byte[] encrypted) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(TRANSFORMATION);
        c.init(Cipher.DECRYPT_MODE, key);
        return c.doFinal(encrypted);
    }
}
