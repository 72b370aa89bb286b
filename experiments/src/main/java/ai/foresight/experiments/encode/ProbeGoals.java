package ai.foresight.experiments.encode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The R² a planning-ready encoder should reach on the built-in worlds: the agent's position on Wall
 * and PointMaze (≥ 0.95), the block pose on PushT (≥ 0.8 for x, y, cos θ, sin θ). DINO-WM's planning
 * needs exactly these quantities to be recoverable from the frozen features.
 */
public final class ProbeGoals {
    private ProbeGoals() {}

    /** Goal R² per target name for {@code world}; empty for a world without goals. */
    public static Map<String, Double> forWorld(String world) {
        Map<String, Double> goals = new LinkedHashMap<>();
        switch (world) {
            case "wall", "wall-random", "pointmaze" -> {
                goals.put("x", 0.95);
                goals.put("y", 0.95);
            }
            case "pusht" -> {
                for (String t : List.of("block_x", "block_y", "block_cos", "block_sin")) {
                    goals.put(t, 0.8);
                }
            }
            default -> { }
        }
        return goals;
    }

    /** Whether {@code score} meets every goal of {@code world} (true when it has none). */
    public static Map<String, Boolean> check(String world, List<String> targets, double[] r2) {
        Map<String, Boolean> met = new LinkedHashMap<>();
        forWorld(world).forEach((target, goal) -> {
            int i = targets.indexOf(target);
            met.put(target, i >= 0 && r2[i] >= goal);
        });
        return met;
    }
}
