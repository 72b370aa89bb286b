package ai.foresight.server.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import java.util.List;

/**
 * Camera frames to frozen patch features in one batched encoder pass: (B) frames → (B, 3, H', W') pixels in 0..1
 * (resized to the encoder's input) → (B, N, D). Only the features outlive the call.
 */
final class FrameEncoder {
    private final PatchEncoder encoder;

    FrameEncoder(PatchEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * @param frames (B) RGB frames
     * @param target the manager the (B, N, D) features are attached to
     */
    NDArray encode(List<Frame> frames, NDManager target) {
        try (NDManager step = target.newSubManager()) {
            NDArray pixels = FramePixels.toBatch(step, frames, encoder.inputHeight(), encoder.inputWidth());
            NDArray features = encoder.encode(pixels);
            features.attach(target);
            return features;
        }
    }
}
