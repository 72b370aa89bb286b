package ai.foresight.adaptation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.adaptation.metric.EmbeddingDistance;

/**
 * Measures how far the adapted target embeddings are from the source ones on fixed held-out frames, for
 * alignment curves and tests: the RBF MMD² between source-frame and target-frame embeddings (bandwidth fixed
 * by the median heuristic on the first measurement, so later values are comparable) and, where paired
 * frames exist, the mean squared distance between each target frame's adapted embedding and the source
 * embedding of its paired frame.
 */
public final class AlignmentProbe implements AutoCloseable {
    private final Aligner aligner;
    private final NDManager manager;
    private final NDArray sourceLatents;
    private final NDArray targetFrames;
    private final NDArray pairedLatents;
    private final double bandwidth;

    /**
     * @param sourceFrames (Ms, 3, H, W) held-out source frames
     * @param targetFrames (Mt, 3, H, W) held-out target frames
     * @param pairedFrames (Mt, 3, H, W) source-domain views of the target frames' states, or null
     */
    public AlignmentProbe(Aligner aligner, NDArray sourceFrames, NDArray targetFrames, NDArray pairedFrames, NDManager parent) {
        if (pairedFrames != null && !pairedFrames.getShape().equals(targetFrames.getShape())) {
            throw new IllegalArgumentException("pairedFrames: expected " + targetFrames.getShape() + " like targetFrames, got "
                    + pairedFrames.getShape());
        }
        this.aligner = aligner;
        this.manager = parent.newSubManager();
        this.targetFrames = targetFrames.duplicate();
        this.targetFrames.attach(manager);
        NDArray s = sourceFrames.duplicate();
        s.attach(manager);
        this.sourceLatents = aligner.sourceEmbedding(s);
        if (pairedFrames != null) {
            NDArray p = pairedFrames.duplicate();
            p.attach(manager);
            this.pairedLatents = aligner.sourceEmbedding(p);
        } else {
            this.pairedLatents = null;
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray t = aligner.targetEmbedding(this.targetFrames);
            t.attach(m);
            this.bandwidth = EmbeddingDistance.medianBandwidth(sourceLatents, t);
        }
    }

    /** The fixed kernel bandwidth σ. */
    public double bandwidth() {
        return bandwidth;
    }

    /** The current distances. */
    public Measurement measure() {
        try (NDManager m = manager.newSubManager()) {
            NDArray t = aligner.targetEmbedding(targetFrames);
            t.attach(m);
            double mmd = EmbeddingDistance.mmdSquared(sourceLatents, t, bandwidth);
            double paired = pairedLatents == null ? Double.NaN : EmbeddingDistance.meanSquaredDistance(t, pairedLatents);
            return new Measurement(mmd, paired);
        }
    }

    /**
     * @param mmdSquared RBF MMD² between source and adapted target embeddings
     * @param pairedMeanSquare mean squared distance to the paired source embeddings, NaN without pairs
     */
    public record Measurement(double mmdSquared, double pairedMeanSquare) {}

    @Override
    public void close() {
        manager.close();
    }
}
