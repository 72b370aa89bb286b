package ai.foresight.datasets.generate;

/**
 * How every random stream of a generated dataset derives from its master seed, so that any episode
 * can be regenerated alone (a resumed run equals an uninterrupted one, whatever the worker count).
 * Mixing is SplitMix64's finaliser over the combined inputs.
 */
public final class EpisodeSeeds {
    /** The rule, as recorded in the manifest. */
    public static final String RULE = "episode i: reset seed = mix(seed, i), policy seed = mix(reset seed, 1); "
            + "distractor seed = mix(seed, -1); mix(a, b) = splitmix64(a + splitmix64(b + 0x9E3779B97F4A7C15))";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private EpisodeSeeds() {}

    /** The seed passed to {@code Env.reset} for episode {@code index}. */
    public static long episode(long master, int index) {
        return mix(master, index);
    }

    /** The seed passed to {@code CollectionPolicy.reset} in the episode reset with {@code episodeSeed}. */
    public static long policy(long episodeSeed) {
        return mix(episodeSeed, 1);
    }

    /** The seed of the distractor stack ({@code Shifts.parse}). */
    public static long distractors(long master) {
        return mix(master, -1);
    }

    static long mix(long a, long b) {
        return splitmix(a + splitmix(b + GOLDEN));
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
