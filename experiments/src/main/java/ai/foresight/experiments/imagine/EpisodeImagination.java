package ai.foresight.experiments.imagine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Episode;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.worldmodel.LatentContext;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.Rollout;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Imagines a recorded episode open loop: encodes h context frames (k apart, k = frameskip) with the frozen
 * encoder, feeds the episode's own frame-step actions (k actions concatenated, standardised like in
 * training) to {@link WorldModel#rollout}, and compares each imagined latent frame with the latent of the
 * real frame k steps later. The pixel decoder renders both, so a person can see where imagination drifts.
 */
public final class EpisodeImagination {
    /** Frames encoded per encoder call. */
    private static final int ENCODE_CHUNK = 32;

    private final PatchEncoder encoder;
    private final WorldModel model;
    private final DataNormalization normalization;

    public EpisodeImagination(PatchEncoder encoder, WorldModel model, DataNormalization normalization) {
        if (encoder == null || model == null || normalization == null) {
            throw new IllegalArgumentException("encoder, model, normalization: expected values, got null");
        }
        if (model.decoder() == null) {
            throw new IllegalArgumentException("model: this world model has no pixel decoder, so its imagined frames "
                    + "cannot be drawn (train one with 'foresight train --decoder', or WorldModelConfig.withDecoder)");
        }
        PredictorConfig p = model.config().predictor();
        if (encoder.tokens() != p.patchesPerFrame() || encoder.dim() != p.featureDim()) {
            throw new IllegalArgumentException("encoder: expected " + p.patchesPerFrame() + " tokens of " + p.featureDim()
                    + " dims (what the model was trained on), got " + encoder.tokens() + " of " + encoder.dim());
        }
        if (normalization.actionDim() != p.actionDim() || (p.proprioDim() > 0 && normalization.proprioDim() != p.proprioDim())) {
            throw new IllegalArgumentException("normalization: expected " + p.actionDim() + " action and " + p.proprioDim()
                    + " proprio dimensions like the model, got " + normalization.actionDim() + " and " + normalization.proprioDim());
        }
        this.encoder = encoder;
        this.model = model;
        this.normalization = normalization;
    }

    /** The most steps an imagination of {@code episode} from frame {@code start} can run (0 if none). */
    public int maxSteps(Episode episode, int start) {
        PredictorConfig p = model.config().predictor();
        int k = p.frameskip();
        return Math.max(0, (episode.length() - 1 - start) / k - (p.historyFrames() - 1));
    }

    /**
     * @param episode the recorded episode (its action and proprio dimensions must match the model)
     * @param start frame index of the first context frame
     * @param steps frame steps S to imagine, 1..{@link #maxSteps}
     * @param parent manager for the work (everything made here is closed before returning)
     */
    public ImaginedEpisode imagine(Episode episode, int start, int steps, NDManager parent) {
        PredictorConfig p = model.config().predictor();
        if (episode.actionDim() != p.actionDim() || episode.proprioDim() != p.proprioDim()) {
            throw new IllegalArgumentException("episode: expected " + p.actionDim() + " action and " + p.proprioDim()
                    + " proprio dimensions like the model, got " + episode.actionDim() + " and " + episode.proprioDim());
        }
        if (start < 0 || start >= episode.length()) {
            throw new IllegalArgumentException("start: expected 0.." + (episode.length() - 1) + ", got " + start);
        }
        int max = maxSteps(episode, start);
        if (steps < 1 || steps > max) {
            throw new IllegalArgumentException("steps: expected 1.." + max + " for an episode of " + episode.length()
                    + " frames from frame " + start + " (history " + p.historyFrames() + ", frameskip " + p.frameskip()
                    + "), got " + steps);
        }
        int h = p.historyFrames();
        int k = p.frameskip();
        int[] context = new int[h];
        int[] targets = new int[steps];
        for (int j = 0; j < h + steps; j++) {
            int t = start + j * k;
            if (j < h) {
                context[j] = t;
            } else {
                targets[j - h] = t;
            }
        }
        try (NDManager m = parent.newSubManager()) {
            NDArray features = encode(episode, context, targets, m); // (h + S, N, D)
            NDArray proprio = p.proprioDim() > 0 ? m.create(proprioRows(episode, context), new Shape(1, h, p.proprioDim())) : null;
            NDArray past = h > 1 ? m.create(frameActions(episode, context, h - 1, k), new Shape(1, h - 1, p.frameActionDim())) : null;
            LatentContext ctx = model.context(features.get("0:" + h).expandDims(0), proprio, past);
            NDArray actions = m.create(frameActions(episode, targetStarts(context, targets, h), steps, k),
                    new Shape(1, steps, p.frameActionDim()));
            Rollout rollout = model.rollout(ctx, actions);
            NDArray imagined = rollout.latents().squeeze(0); // (S, n, C)
            NDArray real = model.encode(features.get(h + ":")); // (S, n, C)
            NDArray last = ctx.latents().get("0, " + (h - 1)).expandDims(0); // (1, n, C)
            double[] error = perStepMse(imagined, real);
            double[] copyLast = perStepMse(last.broadcast(real.getShape()), real);
            List<Frame> realFrames = new ArrayList<>();
            for (int t : targets) {
                realFrames.add(episode.frame(t));
            }
            return new ImaginedEpisode(context, targets, realFrames, frames(model.render(imagined)),
                    frames(model.render(real)), error, copyLast);
        }
    }

    /** The frame each imagined step's action starts from: the last context frame, then each target but the last. */
    private static int[] targetStarts(int[] context, int[] targets, int h) {
        int[] starts = new int[targets.length];
        starts[0] = context[h - 1];
        System.arraycopy(targets, 0, starts, 1, targets.length - 1);
        return starts;
    }

    private NDArray encode(Episode episode, int[] context, int[] targets, NDManager m) {
        List<Frame> frames = new ArrayList<>();
        for (int t : context) {
            frames.add(episode.frame(t));
        }
        for (int t : targets) {
            frames.add(episode.frame(t));
        }
        NDList chunks = new NDList();
        for (int from = 0; from < frames.size(); from += ENCODE_CHUNK) {
            List<Frame> chunk = frames.subList(from, Math.min(frames.size(), from + ENCODE_CHUNK));
            NDArray pixels = FramePixels.toBatch(m, chunk, encoder.inputHeight(), encoder.inputWidth());
            chunks.add(encoder.encode(pixels));
        }
        return chunks.size() == 1 ? chunks.get(0) : NDArrays.concat(chunks, 0);
    }

    private float[] proprioRows(Episode episode, int[] frames) {
        int pd = model.config().predictor().proprioDim();
        float[] out = new float[frames.length * pd];
        for (int j = 0; j < frames.length; j++) {
            float[] row = normalization.normalizeProprio(Arrays.copyOf(episode.proprioAt(frames[j]), pd));
            System.arraycopy(row, 0, out, j * pd, pd);
        }
        return out;
    }

    /** Rows of k concatenated, standardised actions starting at each of the first {@code rows} frames. */
    private float[] frameActions(Episode episode, int[] from, int rows, int k) {
        int a = episode.actionDim();
        float[] out = new float[rows * k * a];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                float[] action = normalization.normalizeActions(episode.actionAt(from[r] + i));
                System.arraycopy(action, 0, out, (r * k + i) * a, a);
            }
        }
        return out;
    }

    private static double[] perStepMse(NDArray predicted, NDArray target) {
        long steps = target.getShape().get(0);
        float[] mse = predicted.sub(target).square().reshape(steps, -1).mean(new int[] {1}).toFloatArray();
        double[] out = new double[mse.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mse[i];
        }
        return out;
    }

    /** (M, 3, S, S) in [0, 1] to M RGB frames. */
    private static List<Frame> frames(NDArray images) {
        Shape s = images.getShape();
        int count = (int) s.get(0);
        int height = (int) s.get(2);
        int width = (int) s.get(3);
        float[] values = images.toFloatArray();
        List<Frame> out = new ArrayList<>(count);
        int plane = height * width;
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[plane * 3];
            int base = i * 3 * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < 3; c++) {
                        float v = values[base + c * plane + y * width + x];
                        rgb[(y * width + x) * 3 + c] = (byte) Math.round(255 * Math.min(1f, Math.max(0f, v)));
                    }
                }
            }
            out.add(new Frame(height, width, rgb));
        }
        return out;
    }
}
