package io.lede.webhook;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.quarkus.logging.Log;

/**
 * Endpoint secrets at rest. A secret has to be recovered to sign, so it cannot be hashed like an
 * API token: it is encrypted with AES-GCM under {@code lede.webhooks.secret-key}, a fresh 96-bit
 * nonce each time, and stored as base64 of nonce and ciphertext. Whoever reads the database
 * without the key cannot sign as Lede.
 */
@ApplicationScoped
public class SecretBox {

    /** What a registered endpoint is told: {@code whsec_} and the base64 of the key bytes. */
    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    public SecretBox(WebhookConfig config) {
        this.key = config.secretKey().filter(value -> !value.isBlank()).map(SecretBox::parse);
        if (key.isEmpty()) {
            Log.warn("lede.webhooks.secret-key is not set: webhook endpoints cannot be registered and nothing is signed");
        }
    }

    private static SecretKeySpec parse(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("lede.webhooks.secret-key must be the base64 of 16, 24 or 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A new secret: its key bytes, to encrypt and store, and to show once as {@code whsec_...}. */
    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static String shown(byte[] secret) {
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** 503 unless a key is configured: registering without one would store a secret we could not use. */
    void requireKey() {
        if (key.isEmpty()) {
            throw ProblemException.of(ProblemType.UNAVAILABLE,
                    "Webhooks are not configured on this service: it needs lede.webhooks.secret-key to keep signing secrets");
        }
    }

    String seal(byte[] secret) {
        requireKey();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The key bytes of a stored secret; empty without the key, or when it was sealed under another key. */
    Optional<byte[]> open(String stored) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return Optional.of(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
