package ai.foresight.datasets.policy;

/**
 * Settings of the noisy waypoint controller that collects PointMaze data.
 *
 * @param kp action per maze unit of position error toward the waypoint
 * @param kd action per unit/s of velocity, subtracted (braking)
 * @param noiseStd standard deviation of Gaussian noise added to each action component
 * @param reachRadius a target counts as reached within this distance; a new one is drawn
 * @param waypointJitter half-width of the uniform offset applied to each cell-centre waypoint
 */
public record MazeWaypointConfig(double kp, double kd, double noiseStd, double reachRadius, double waypointJitter) {

    public MazeWaypointConfig {
        if (!(kp > 0) || !(kd >= 0) || !(noiseStd >= 0)) {
            throw new IllegalArgumentException("kp, kd, noiseStd: expected > 0, >= 0, >= 0, got " + kp + ", " + kd + ", " + noiseStd);
        }
        if (!(reachRadius > 0 && reachRadius < 1)) {
            throw new IllegalArgumentException("reachRadius: expected 0 < r < 1 cell, got " + reachRadius);
        }
        if (!(waypointJitter >= 0 && waypointJitter < 0.3)) {
            throw new IllegalArgumentException("waypointJitter: expected 0..0.3 cell, got " + waypointJitter);
        }
    }

    /** kp 3, kd 0.6, action noise 0.3, targets reached within 0.3, waypoints jittered by up to 0.2. */
    public static MazeWaypointConfig defaults() {
        return new MazeWaypointConfig(3.0, 0.6, 0.3, 0.3, 0.2);
    }
}
