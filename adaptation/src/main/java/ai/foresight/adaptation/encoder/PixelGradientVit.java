package ai.foresight.adaptation.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.foresight.encoders.vit.VitPatchEncoder;

/**
 * The patch features of a frozen {@link VitPatchEncoder} with the autograd graph kept from its input
 * pixels: what a pixel-side adapter ({@link ColorAdapter}) needs to learn through the encoder.
 *
 * <p>{@code VitPatchEncoder.encode} detaches its output (a frozen encoder never passes gradients on), and
 * unfreezing it would also compute, and risk applying, gradients to the shipped weights. This runs the
 * same network with its parameters still frozen, so the gradient reaches the pixels and nothing else;
 * its output equals {@code encode}'s (patch tokens after the final LayerNorm, average-pooled by the
 * config's {@code outputPool}).
 */
public final class PixelGradientVit {
    private final VitPatchEncoder encoder;

    public PixelGradientVit(VitPatchEncoder encoder) {
        if (encoder == null) {
            throw new IllegalArgumentException("encoder: expected a VitPatchEncoder, got null");
        }
        if (!encoder.isFrozen()) {
            throw new IllegalArgumentException("encoder: expected a frozen VitPatchEncoder (its weights stay as shipped)");
        }
        this.encoder = encoder;
    }

    /**
     * @param pixels (B, 3, H, W) in 0..1 at the encoder's input size, possibly requiring a gradient
     * @return (B, N, D) patch features attached to the graph of {@code pixels}, in its manager
     */
    public NDArray encode(NDArray pixels) {
        encoder.checkInput(pixels);
        NDArray tokens = encoder.network().forward(new ParameterStore(pixels.getManager(), false), new NDList(pixels), false)
                .singletonOrThrow();
        return encoder.poolToOutputGrid(tokens.get(new NDIndex(":, 1:, :")));
    }
}
