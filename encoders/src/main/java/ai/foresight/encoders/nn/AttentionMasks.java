package ai.foresight.encoders.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks, built once and reused (a mask rebuilt per forward leaks arrays).
 * Entries are 0 where attention is allowed and {@link #BLOCKED} where it is not.
 */
public final class AttentionMasks {
    /** Large negative logit: exp underflows to exactly 0 in fp32 after the softmax max-shift. */
    public static final float BLOCKED = -1e9f;

    private AttentionMasks() {}

    /**
     * Frame-block causal mask for {@code frames} frames of {@code tokensPerFrame} tokens each, laid out
     * frame after frame: a token sees every token of its own frame and of earlier frames (DINO-WM).
     *
     * @return (L, L) with L = frames * tokensPerFrame
     */
    public static NDArray frameCausal(NDManager manager, int frames, int tokensPerFrame) {
        if (frames <= 0 || tokensPerFrame <= 0) {
            throw new IllegalArgumentException("frames/tokensPerFrame: expected positive, got " + frames + ", " + tokensPerFrame);
        }
        int l = frames * tokensPerFrame;
        float[] m = new float[l * l];
        for (int q = 0; q < l; q++) {
            int qFrame = q / tokensPerFrame;
            for (int k = 0; k < l; k++) {
                m[q * l + k] = k / tokensPerFrame <= qFrame ? 0f : BLOCKED;
            }
        }
        return manager.create(m, new Shape(l, l));
    }
}
