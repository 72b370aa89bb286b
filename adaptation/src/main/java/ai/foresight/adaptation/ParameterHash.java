package ai.foresight.adaptation;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.foresight.worldmodel.WorldModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * SHA-256 over parameter names and their exact fp32 bytes: two equal hashes mean bit-identical weights.
 * The aligner promises that the predictor, heads and decoder of a world model (and the base encoder) do
 * not change; comparing these hashes before and after adaptation checks it.
 */
public final class ParameterHash {
    private ParameterHash() {}

    /** Hash of every parameter in {@code parameters}, in order. */
    public static String of(PairList<String, Parameter> parameters) {
        return of(parameters, name -> true);
    }

    /** Hash of the parameters whose name passes {@code include}. */
    public static String of(PairList<String, Parameter> parameters, Predicate<String> include) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        int count = 0;
        for (Pair<String, Parameter> p : parameters) {
            if (!include.test(p.getKey())) {
                continue;
            }
            digest.update(p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(p.getValue().getArray().toByteArray());
            count++;
        }
        return count + ":" + HexFormat.of().formatHex(digest.digest());
    }

    /** Hash of a block's parameters (e.g. a ViT's network). */
    public static String of(Block block) {
        return of(block.getParameters());
    }

    /**
     * Hash of the parts of {@code model} that test-time adaptation must leave alone: everything except the
     * RePo posterior ({@code posterior/…}), i.e. the predictor, the heads and the decoder.
     */
    public static String frozenParts(WorldModel model) {
        return of(model.parameters(), name -> !name.startsWith("posterior/"));
    }

    /** Hash of the RePo posterior head alone (empty hash in feature mode). */
    public static String posterior(WorldModel model) {
        return of(model.parameters(), name -> name.startsWith("posterior/"));
    }
}
