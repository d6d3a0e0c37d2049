package io.github.xmppiot.provisioning.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The claim key in what an owner presents: either the key itself, or an XEP-0347 claim string
 * ({@code IoTDisco;NAME:value;#NUM:1.5;KEY:secret}, §3.9, where {@code ;} and {@code \} in values are escaped with
 * {@code \}) whose {@code KEY} tag is the key.
 */
final class ClaimKeys {

    private static final String PREFIX = "IoTDisco";

    private ClaimKeys() {}

    /**
     * The key in a presented value.
     *
     * @param presented a key or a claim string
     * @return the key
     * @throws IllegalArgumentException if a claim string has no {@code KEY} tag
     */
    static String keyOf(String presented) {
        if (!presented.startsWith(PREFIX + ";")) {
            return presented;
        }
        String rest = presented.substring(PREFIX.length() + 1);
        int i = 0;
        while (i < rest.length()) {
            int colon = rest.indexOf(':', i);
            if (colon < 0) {
                break;
            }
            String name = rest.substring(i, colon);
            StringBuilder value = new StringBuilder();
            int j = colon + 1;
            for (; j < rest.length() && rest.charAt(j) != ';'; j++) {
                char c = rest.charAt(j);
                if (c == '\\' && j + 1 < rest.length()) {
                    c = rest.charAt(++j);
                }
                value.append(c);
            }
            if (name.equals("KEY")) {
                return value.toString();
            }
            i = j + 1;
        }
        throw new IllegalArgumentException("the claim string has no KEY tag");
    }

    /** SHA-256 of the Thing's JID and the key: the key itself is never stored. */
    static byte[] hash(String thing, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(thing.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
