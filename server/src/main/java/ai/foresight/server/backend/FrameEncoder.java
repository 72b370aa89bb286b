package ai.foresight.server.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.worldmodel.WorldModel;
import java.util.List;

/**
 * Camera frames to the world model's latent frames in one batched pass: (B) frames → (B, 3, H', W') pixels in 0..1
 * (resized to the encoder's input) → frozen patch features (B, N, D) → latents (B, n, C) (pooled features, or the RePo
 * posterior mean). Only the latents outlive the call.
 */
final class FrameEncoder {
    private final PatchEncoder encoder;
    private final WorldModel worldModel;

    FrameEncoder(PatchEncoder encoder, WorldModel worldModel) {
        this.encoder = encoder;
        this.worldModel = worldModel;
    }

    /**
     * @param frames (B) RGB frames
     * @param target the manager the (B, n, C) latents are attached to
     */
    NDArray encode(List<Frame> frames, NDManager target) {
        try (NDManager step = target.newSubManager()) {
            NDArray pixels = FramePixels.toBatch(step, frames, encoder.inputHeight(), encoder.inputWidth());
            NDArray latents = worldModel.encode(encoder.encode(pixels));
            latents.attach(target);
            return latents;
        }
    }
}
