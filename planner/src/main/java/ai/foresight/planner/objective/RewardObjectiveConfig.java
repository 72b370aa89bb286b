package ai.foresight.planner.objective;

/**
 * Settings of {@link RewardObjective}.
 *
 * @param discount gamma in (0, 1]: the cost is {@code -sum_t gamma^t r_t}
 */
public record RewardObjectiveConfig(float discount) {

    public RewardObjectiveConfig {
        if (!(discount > 0) || !(discount <= 1)) {
            throw new IllegalArgumentException("discount: expected a value in (0, 1], got " + discount);
        }
    }

    /** gamma = 0.99, a common choice for short-horizon planning (TD-MPC2 uses a horizon-dependent one). */
    public static RewardObjectiveConfig defaults() {
        return new RewardObjectiveConfig(0.99f);
    }

    /** Undiscounted sum, for tests. */
    public static RewardObjectiveConfig tiny() {
        return new RewardObjectiveConfig(1f);
    }
}
