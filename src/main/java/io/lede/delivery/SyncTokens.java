package io.lede.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.lede.error.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Opaque, tamper-evident sync tokens: the position, then an HMAC-SHA256 over it with a secret made
 * once and kept in the database, so that every replica accepts every other's tokens.
 */
@ApplicationScoped
public class SyncTokens {

    static final String SECRET_SETTING = "sync-token-secret";
    private static final int MAC_BYTES = 16;

    private final EntityManager entityManager;
    private volatile byte[] secret;

    public SyncTokens(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public String encode(SyncToken token) {
        String payload = String.join("|", "1", token.initial() ? "i" : "d",
                token.start() == null ? "" : token.start().toString(), token.at().toString(), token.id().toString(),
                token.language() == null ? "" : token.language());
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return base64(body) + "." + base64(mac(body));
    }

    public SyncToken decode(String encoded) {
        try {
            int dot = encoded.indexOf('.');
            byte[] body = Base64.getUrlDecoder().decode(encoded.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(encoded.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                throw invalid();
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 6 || !parts[0].equals("1")) {
                throw invalid();
            }
            boolean initial = parts[1].equals("i");
            return new SyncToken(initial, parts[2].isEmpty() ? null : Instant.parse(parts[2]), Instant.parse(parts[3]),
                    UUID.fromString(parts[4]), parts[5].isEmpty() ? null : parts[5]);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("since", "is not a sync token this API handed out; start over without since");
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] full = mac.doFinal(body);
            byte[] shortened = new byte[MAC_BYTES];
            System.arraycopy(full, 0, shortened, 0, MAC_BYTES);
            return shortened;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Read once; made and stored by whichever replica needs it first (the primary key settles a race). */
    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            String hex = QuarkusTransaction.requiringNew().call(this::storedSecret);
            if (hex == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    QuarkusTransaction.requiringNew().run(() -> entityManager
                            .createNativeQuery("insert into lede_setting (name, setting_value) values (:name, :value)")
                            .setParameter("name", SECRET_SETTING).setParameter("value", HexFormat.of().formatHex(fresh))
                            .executeUpdate());
                } catch (RuntimeException raced) {
                    // Another replica stored one first; use theirs.
                }
                hex = QuarkusTransaction.requiringNew().call(this::storedSecret);
            }
            known = HexFormat.of().parseHex(hex);
            secret = known;
        }
        return known;
    }

    private String storedSecret() {
        List<?> values = entityManager.createNativeQuery("select setting_value from lede_setting where name = :name")
                .setParameter("name", SECRET_SETTING).getResultList();
        return values.isEmpty() ? null : values.get(0).toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
