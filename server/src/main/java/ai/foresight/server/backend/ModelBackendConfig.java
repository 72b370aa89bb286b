package ai.foresight.server.backend;

/**
 * How a {@link ModelBackend} plans: the chunk a robot executes per plan, the default CEM search (DINO-WM's) and the
 * largest search a request may ask for. Horizons here count latent frames; the server API counts environment steps
 * (frames x frameskip).
 *
 * @param chunkFrames      latent frames executed per plan; the chunk has chunkFrames x frameskip actions (DINO-WM: 1
 *                         frame = 5 actions)
 * @param horizonFrames    default planning horizon in frames
 * @param samples          default CEM candidates per iteration
 * @param iterations       default CEM iterations
 * @param elites           default CEM elites
 * @param maxHorizonFrames largest horizon a request may ask for, in frames
 * @param maxSamples       largest candidate count a request may ask for
 * @param maxIterations    most iterations a request may ask for
 * @param maxElites        most elites a request may ask for
 * @param proprioWeight    alpha of the goal objective's proprio term (DINO-WM: 1 Wall/PushT, 0 PointMaze)
 * @param seed             seed of the first session's CEM noise; later sessions use seed + 1, seed + 2, ...
 */
public record ModelBackendConfig(int chunkFrames, int horizonFrames, int samples, int iterations, int elites,
                                 int maxHorizonFrames, int maxSamples, int maxIterations, int maxElites,
                                 float proprioWeight, long seed) {

    public ModelBackendConfig {
        positive("chunkFrames", chunkFrames);
        positive("horizonFrames", horizonFrames);
        positive("samples", samples);
        positive("iterations", iterations);
        positive("elites", elites);
        if (elites > samples) {
            throw new IllegalArgumentException("elites: expected <= samples (" + samples + "), got " + elites);
        }
        if (horizonFrames < chunkFrames) {
            throw new IllegalArgumentException("horizonFrames: expected >= chunkFrames (" + chunkFrames + "), got "
                    + horizonFrames);
        }
        atLeast("maxHorizonFrames", maxHorizonFrames, "horizonFrames", horizonFrames);
        atLeast("maxSamples", maxSamples, "samples", samples);
        atLeast("maxIterations", maxIterations, "iterations", iterations);
        atLeast("maxElites", maxElites, "elites", elites);
        if (!(proprioWeight >= 0) || !Float.isFinite(proprioWeight)) {
            throw new IllegalArgumentException("proprioWeight: expected a finite value >= 0, got " + proprioWeight);
        }
    }

    /** DINO-WM's planner: 1 frame per chunk, horizon 5, CEM 300 x 10 with 30 elites, alpha 1. */
    public static ModelBackendConfig defaults() {
        return new ModelBackendConfig(1, 5, 300, 10, 30, 16, 1024, 50, 128, 1f, 0L);
    }

    /** A small search for tests: horizon 3, CEM 32 x 3 with 4 elites. */
    public static ModelBackendConfig tiny() {
        return new ModelBackendConfig(1, 3, 32, 3, 4, 6, 128, 8, 16, 1f, 0L);
    }

    public ModelBackendConfig withSearch(int newHorizonFrames, int newSamples, int newIterations, int newElites) {
        return new ModelBackendConfig(chunkFrames, newHorizonFrames, newSamples, newIterations, newElites,
                Math.max(maxHorizonFrames, newHorizonFrames), Math.max(maxSamples, newSamples),
                Math.max(maxIterations, newIterations), Math.max(maxElites, newElites), proprioWeight, seed);
    }

    public ModelBackendConfig withProprioWeight(float alpha) {
        return new ModelBackendConfig(chunkFrames, horizonFrames, samples, iterations, elites, maxHorizonFrames,
                maxSamples, maxIterations, maxElites, alpha, seed);
    }

    public ModelBackendConfig withSeed(long newSeed) {
        return new ModelBackendConfig(chunkFrames, horizonFrames, samples, iterations, elites, maxHorizonFrames,
                maxSamples, maxIterations, maxElites, proprioWeight, newSeed);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": expected >= 1, got " + value);
        }
    }

    private static void atLeast(String field, int value, String other, int otherValue) {
        if (value < otherValue) {
            throw new IllegalArgumentException(field + ": expected >= " + other + " (" + otherValue + "), got " + value);
        }
    }
}
