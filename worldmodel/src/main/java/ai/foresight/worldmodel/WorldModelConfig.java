package ai.foresight.worldmodel;

/**
 * Everything that fixes a world model's parameters: the predictor, the optional RePo bottleneck (null:
 * the DINO-WM mode, where the latent is the pooled frozen features), the task heads and the optional
 * pixel decoder. Stored in every checkpoint and compared field by field when one is loaded.
 *
 * @param predictor the latent predictor
 * @param repo RePo bottleneck settings, or null for the feature-prediction mode
 * @param rewardHead whether a reward head reads each latent frame
 * @param proprioHead whether a proprio head reads each latent frame (needs predictor.proprioDim > 0)
 * @param headHidden hidden width of the head MLPs
 * @param decoder pixel decoder settings, or null for none
 */
public record WorldModelConfig(
        PredictorConfig predictor,
        RepoConfig repo,
        boolean rewardHead,
        boolean proprioHead,
        int headHidden,
        DecoderConfig decoder) {

    public WorldModelConfig {
        if (predictor == null) {
            throw new IllegalArgumentException("predictor: expected a PredictorConfig, got null");
        }
        if (proprioHead && predictor.proprioDim() == 0) {
            throw new IllegalArgumentException("proprioHead: needs predictor.proprioDim > 0, got 0");
        }
        if (headHidden <= 0) {
            throw new IllegalArgumentException("headHidden: expected > 0, got " + headHidden);
        }
        if (decoder != null && decoder.imageSize() % predictor.tokenGrid() != 0) {
            throw new IllegalArgumentException("decoder.imageSize: expected a multiple of predictor.tokenGrid ("
                    + predictor.tokenGrid() + "), got " + decoder.imageSize());
        }
    }

    /** DINO-WM mode: predict pooled frozen features; no heads, no decoder. */
    public static WorldModelConfig features(PredictorConfig predictor) {
        return new WorldModelConfig(predictor, null, false, false, 64, null);
    }

    /** RePo mode: latent bottleneck with reward head, and a proprio head when the world has proprio. */
    public static WorldModelConfig repo(PredictorConfig predictor, RepoConfig repo) {
        return new WorldModelConfig(predictor, repo, true, predictor.proprioDim() > 0, 64, null);
    }

    /** Tests: the tiny predictor in feature mode. */
    public static WorldModelConfig tiny() {
        return features(PredictorConfig.tiny());
    }

    public boolean usesRepo() {
        return repo != null;
    }

    /** Channels C of one latent token: d_z with RePo, the feature width otherwise. */
    public int latentDim() {
        return repo != null ? repo.latentDim() : predictor.featureDim();
    }

    public WorldModelConfig withDecoder(DecoderConfig newDecoder) {
        return new WorldModelConfig(predictor, repo, rewardHead, proprioHead, headHidden, newDecoder);
    }

    public WorldModelConfig withRewardHead(boolean enabled) {
        return new WorldModelConfig(predictor, repo, enabled, proprioHead, headHidden, decoder);
    }
}
