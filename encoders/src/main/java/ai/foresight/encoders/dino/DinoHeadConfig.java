package ai.foresight.encoders.dino;

/**
 * The DINO projection head: an MLP of {@code layers} linear layers (GELU between them) ending in a
 * {@code bottleneckDim} vector that is L2-normalised and fed to a weight-normalised linear layer of
 * {@code outDim} prototypes (Caron et al., 2021, §3.1 and Appendix).
 *
 * @param hiddenDim width of the MLP's hidden layers
 * @param bottleneckDim width before the weight-normalised layer
 * @param outDim number of output dimensions K the teacher and student distributions live on
 * @param layers MLP layers, at least 1
 */
public record DinoHeadConfig(int hiddenDim, int bottleneckDim, int outDim, int layers) {
    public DinoHeadConfig {
        if (hiddenDim <= 0) {
            throw new IllegalArgumentException("hiddenDim: expected a positive width, got " + hiddenDim);
        }
        if (bottleneckDim <= 0) {
            throw new IllegalArgumentException("bottleneckDim: expected a positive width, got " + bottleneckDim);
        }
        if (outDim < 2) {
            throw new IllegalArgumentException("outDim: expected at least 2 output dimensions, got " + outDim);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers: expected at least 1, got " + layers);
        }
    }

    /** For tests: hidden 64, bottleneck 32, 128 outputs. */
    public static DinoHeadConfig tiny() {
        return new DinoHeadConfig(64, 32, 128, 3);
    }

    /** For the default encoder: hidden 512, bottleneck 128, 1024 outputs (DINO ViT-S uses 2048/256/65536). */
    public static DinoHeadConfig defaults() {
        return new DinoHeadConfig(512, 128, 1024, 3);
    }
}
