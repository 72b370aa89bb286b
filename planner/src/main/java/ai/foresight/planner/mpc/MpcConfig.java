package ai.foresight.planner.mpc;

/**
 * Settings of {@link MpcController}.
 *
 * @param replanEvery k: actions executed from each plan before the next plan (1 = replan every
 *     step; at most the planner's horizon)
 */
public record MpcConfig(int replanEvery) {

    public MpcConfig {
        if (replanEvery < 1) {
            throw new IllegalArgumentException("replanEvery: expected at least 1, got " + replanEvery);
        }
    }

    /** DINO-WM: execute 5 actions, then replan from the new observation. */
    public static MpcConfig defaults() {
        return new MpcConfig(5);
    }

    /** Replan every 2 actions, for tests with short horizons. */
    public static MpcConfig tiny() {
        return new MpcConfig(2);
    }
}
