package ai.foresight.datasets.worlds;

/**
 * Settings of the PointMaze world: a damped point mass in D4RL's U-maze, in maze units (one per cell).
 *
 * @param size rendered frame height and width in pixels (at least 8)
 * @param ballRadius radius of the ball, for collisions and drawing
 * @param controlDt seconds per control step (env step)
 * @param substeps physics substeps per control step
 * @param accelGain acceleration (units/s^2) per unit of action
 * @param damping velocity damping rate (1/s): dv/dt = gain * a - damping * v
 * @param maxSpeed speed cap (units/s), as D4RL clips the point's velocity
 * @param successRadius success when |xy - goal xy| is below this (0.5)
 * @param otherArmProbability chance that a sampled goal lies in a different arm of the U than the start
 */
public record PointMazeConfig(
        int size,
        double ballRadius,
        double controlDt,
        int substeps,
        double accelGain,
        double damping,
        double maxSpeed,
        double successRadius,
        double otherArmProbability) {

    public PointMazeConfig {
        if (size < 8) {
            throw new IllegalArgumentException("size: expected at least 8 pixels, got " + size);
        }
        if (!(ballRadius > 0 && ballRadius < 0.5)) {
            throw new IllegalArgumentException("ballRadius: expected 0 < r < 0.5 (half a cell), got " + ballRadius);
        }
        if (!(controlDt > 0) || substeps < 1) {
            throw new IllegalArgumentException("controlDt, substeps: expected dt > 0 and at least 1 substep, got "
                    + controlDt + ", " + substeps);
        }
        if (!(accelGain > 0) || !(damping >= 0) || !(successRadius > 0)) {
            throw new IllegalArgumentException("accelGain, damping, successRadius: expected > 0, >= 0, > 0, got "
                    + accelGain + ", " + damping + ", " + successRadius);
        }
        if (!(maxSpeed > 0 && maxSpeed * controlDt / substeps < ballRadius)) {
            throw new IllegalArgumentException("maxSpeed: expected 0 < maxSpeed and a substep move (maxSpeed*dt/substeps) "
                    + "below ballRadius so that no substep can tunnel, got " + maxSpeed);
        }
        if (!(damping * controlDt / substeps < 1)) {
            throw new IllegalArgumentException("damping: expected damping*dt/substeps < 1 for a stable integrator, got " + damping);
        }
        if (!(otherArmProbability >= 0 && otherArmProbability <= 1)) {
            throw new IllegalArgumentException("otherArmProbability: expected 0..1, got " + otherArmProbability);
        }
    }

    /** 64 px; 10 Hz control, 10 substeps; terminal speed gain/damping = 2.5 cells/s; ball radius 0.2. */
    public static PointMazeConfig defaults() {
        return withSize(64);
    }

    /** The default world rendered at {@code size} pixels. */
    public static PointMazeConfig withSize(int size) {
        return new PointMazeConfig(size, 0.2, 0.1, 10, 10.0, 4.0, 5.0, 0.5, 0.5);
    }

    /** The default world at 16 px, for fast tests. */
    public static PointMazeConfig tiny() {
        return withSize(16);
    }
}
