package ai.foresight.encoders.optim;

/**
 * A value that ramps linearly from 0 to {@code base} over {@code warmupSteps}, then follows a half
 * cosine from {@code base} to {@code finalValue} at {@code totalSteps} and stays there (the schedule
 * of DINO and most ViT training). With zero warm-up it also serves DINO's teacher momentum
 * (0.996 → 1) and temperature schedules.
 */
public record WarmupCosineSchedule(int warmupSteps, int totalSteps, double base, double finalValue) {
    public WarmupCosineSchedule {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps: expected >= 0, got " + warmupSteps);
        }
        if (totalSteps < warmupSteps || totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps: expected > 0 and >= warmupSteps (" + warmupSteps + "), got " + totalSteps);
        }
        if (!Double.isFinite(base) || !Double.isFinite(finalValue)) {
            throw new IllegalArgumentException("base/finalValue: expected finite values, got " + base + ", " + finalValue);
        }
    }

    /** The value at 0-based {@code step}. */
    public double at(long step) {
        if (step < warmupSteps) {
            return base * (step + 1) / warmupSteps;
        }
        if (step >= totalSteps || totalSteps == warmupSteps) {
            return finalValue;
        }
        double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
        return finalValue + (base - finalValue) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
