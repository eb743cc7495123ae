package io.lede.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 32 random bytes, shown once, stored as SHA-256. A fast hash is right here
 * because the secrets are random and long, not guessable passwords; comparisons are constant-time.
 */
final class TokenSecrets {

    static final String PREFIX = "lede_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(digest(a), digest(b));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
