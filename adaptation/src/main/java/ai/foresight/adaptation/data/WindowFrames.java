package ai.foresight.adaptation.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.adaptation.SourceFrames;
import ai.foresight.adaptation.TargetBatch;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.window.WindowBatch;
import ai.foresight.encoders.FramePixels;

/**
 * The boundary between the datasets' training windows and the aligner: copies the observed frames, the
 * paired clean frames, the actions and the proprio of a {@link WindowBatch} into aligner inputs, and
 * nothing else. A window's {@code state} and {@code reward} arrays are never read, so they cannot reach
 * the aligner.
 */
public final class WindowFrames {
    private WindowFrames() {}

    /**
     * A target batch of B windows of F frames.
     *
     * @param size the encoder's input side (frames are resized with {@link FramePixels#resize} if needed)
     * @param withProprio whether the proprio readings are copied (needed by a predictor with proprio)
     * @param withPairs whether the clean frames are copied as paired frames (ignored when the window has none)
     * @return frames (B, F, 3, size, size), actions (B, F − 1, k·A) (the actions between the frames; the
     *     row after the last frame is dropped), proprio (B, F, P) or null, paired frames or null
     */
    public static TargetBatch target(NDManager manager, WindowBatch w, int size, boolean withProprio, boolean withPairs) {
        int b = w.batch();
        int f = w.frames();
        NDArray frames = pixels(manager, w.obs(), w, size);
        NDArray pairs = withPairs && w.obsClean() != null ? pixels(manager, w.obsClean(), w, size) : null;
        NDArray actions = null;
        if (f > 1) {
            int kA = w.actionWidth();
            float[] a = new float[b * (f - 1) * kA];
            for (int i = 0; i < b; i++) {
                System.arraycopy(w.actions(), i * f * kA, a, i * (f - 1) * kA, (f - 1) * kA);
            }
            actions = manager.create(a, new Shape(b, f - 1, kA));
        }
        NDArray proprio = withProprio && w.proprioDim() > 0
                ? manager.create(w.proprio().clone(), new Shape(b, f, w.proprioDim()))
                : null;
        return new TargetBatch(frames, actions, proprio, pairs);
    }

    /** Every observed frame of the windows, (B·F, 3, size, size), as unlabelled source frames. */
    public static SourceFrames source(NDManager manager, WindowBatch w, int size) {
        NDArray frames = pixels(manager, w.obs(), w, size);
        Shape s = frames.getShape();
        return new SourceFrames(frames.reshape(s.get(0) * s.get(1), 3, size, size));
    }

    /** (B, F, H, W, 3) uint8 → (B, F, 3, size, size) float32 in 0..1. */
    private static NDArray pixels(NDManager manager, byte[] obs, WindowBatch w, int size) {
        int b = w.batch();
        int f = w.frames();
        int frameBytes = w.height() * w.width() * 3;
        int plane = 3 * size * size;
        float[] data = new float[b * f * plane];
        for (int i = 0; i < b * f; i++) {
            byte[] bytes = new byte[frameBytes];
            System.arraycopy(obs, i * frameBytes, bytes, 0, frameBytes);
            Frame frame = FramePixels.resize(new Frame(w.height(), w.width(), bytes), size, size);
            FramePixels.writeChw(frame, data, i * plane);
        }
        return manager.create(data, new Shape(b, f, 3, size, size));
    }
}
