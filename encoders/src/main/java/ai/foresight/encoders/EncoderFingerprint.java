package ai.foresight.encoders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Accumulates a SHA-256 over an encoder's configuration text and weight bytes, so that equal
 * configurations with equal weights get the same {@link PatchEncoder#id()}.
 */
public final class EncoderFingerprint {
    private final MessageDigest digest;

    public EncoderFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Adds a text field (length-prefixed, so "ab"+"c" differs from "a"+"bc"). */
    public EncoderFingerprint add(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        addLength(b.length);
        digest.update(b);
        return this;
    }

    /** Adds raw bytes (length-prefixed). */
    public EncoderFingerprint add(byte[] bytes) {
        addLength(bytes.length);
        digest.update(bytes);
        return this;
    }

    private void addLength(int n) {
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }

    /** A readable id: {@code prefix} + the first 16 hex digits of the hash. Ends this fingerprint. */
    public String id(String prefix) {
        return prefix + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
