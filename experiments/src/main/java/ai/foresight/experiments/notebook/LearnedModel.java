package ai.foresight.experiments.notebook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.experiments.pipeline.ModelManifest;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.experiments.pipeline.TrainingOutcome;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.GoalReachingAgent;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.train.Evaluation;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained world model ready to plan with: the frozen encoder, the latent predictor and the data
 * normalisation of a {@link TrainedModel}, plus the {@link Preset} whose planner and evaluation settings the
 * {@link Planner}s use by default. Holds native memory (parameters of both networks): close it when done.
 */
public final class LearnedModel implements AutoCloseable {
    private final TrainedModel trained;
    private final NDManager manager;
    private final Preset preset;
    private final TrainingOutcome outcome;
    private boolean closed;

    LearnedModel(TrainedModel trained, NDManager manager, Preset preset, TrainingOutcome outcome) {
        this.trained = trained;
        this.manager = manager;
        this.preset = preset;
        this.outcome = outcome;
    }

    /** The pipeline's model, for the full API (agents, manifest, encoder, world model). */
    public TrainedModel trained() {
        requireOpen();
        return trained;
    }

    public PatchEncoder encoder() {
        return trained().encoder();
    }

    public WorldModel worldModel() {
        return trained().worldModel();
    }

    /** World id of the training data. */
    public String world() {
        return trained.world();
    }

    public Path directory() {
        return trained.directory();
    }

    public Preset preset() {
        return preset;
    }

    /** The last validation against copy-last-frame, or null for a model loaded from disk. */
    public Evaluation validation() {
        return outcome == null ? null : outcome.evaluation();
    }

    /** A goal-reaching agent (encoder + model + MPC planner) with {@code config}; close it after use. */
    public GoalReachingAgent agent(AgentConfig config) {
        return trained().agent(config);
    }

    /**
     * Patch features of frames, (B, N, D) as a Java array [B][N·D], in the frozen encoder's units
     * (frames are resized to its input).
     */
    public float[][] features(List<Frame> frames) {
        PatchEncoder encoder = encoder();
        try (NDManager m = manager.newSubManager()) {
            NDArray pixels = FramePixels.toBatch(m, frames, encoder.inputHeight(), encoder.inputWidth());
            float[] flat = encoder.encode(pixels).toFloatArray();
            int per = encoder.tokens() * encoder.dim();
            float[][] out = new float[frames.size()][per];
            for (int i = 0; i < out.length; i++) {
                System.arraycopy(flat, i * per, out[i], 0, per);
            }
            return out;
        }
    }

    /** The manager the model's arrays live in (sub-managers of it are closed with the model). */
    NDManager manager() {
        requireOpen();
        return manager;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("model: closed; load it again with WorldModels.load(" + trained.directory() + ")");
        }
    }

    /** Frees the encoder's and the predictor's parameters. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            trained.close();
            manager.close();
        }
    }

    /**
     * {@code LearnedModel[wall tiny/dino-wm, 60 steps, one-step MSE 0.012 (copy-last 0.045); encoder random-tiny
     * 4x4x32, history 2, frameskip 2, 9,586 parameters, at …]}: the figures first, inside JShell's 80-character preview.
     */
    @Override
    public String toString() {
        ModelManifest m = trained.manifest();
        StringBuilder s = new StringBuilder("LearnedModel[" + m.world() + " " + m.preset() + "/" + m.mode() + ", " + m.steps()
                + " steps");
        Evaluation v = validation();
        if (v != null) {
            s.append(", one-step MSE ").append(ValueText.number(v.oneStepMse())).append(" (copy-last ")
                    .append(ValueText.number(v.oneStepCopyLastMse())).append(")");
        }
        s.append("; encoder ").append(m.encoderName());
        if (closed) {
            s.append(", closed");
        } else {
            PatchEncoder e = trained.encoder();
            PredictorConfig p = trained.worldModel().config().predictor();
            s.append(" ").append(e.gridHeight()).append("x").append(e.gridWidth()).append("x").append(e.dim())
                    .append(", history ").append(p.historyFrames()).append(", frameskip ").append(p.frameskip())
                    .append(", ").append(String.format(java.util.Locale.ROOT, "%,d", trained.worldModel().parameterCount()))
                    .append(" parameters");
        }
        return s.append(", at ").append(trained.directory()).append("]").toString();
    }
}
