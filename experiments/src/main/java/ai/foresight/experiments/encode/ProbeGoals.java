package ai.foresight.experiments.encode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The R² a planning-ready encoder should reach on the built-in worlds: the agent's position on Wall
 * and PointMaze (≥ 0.95), the block pose on PushT (≥ 0.8 for x, y, cos θ, sin θ). DINO-WM's planning
 * needs exactly these quantities to be recoverable from the frozen features. A world model's latent, which
 * squeezes the features through a bottleneck, is held to {@link BottleneckGoal#AGENT_R2} instead
 * ({@link #forLatent}).
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

    /**
     * Goal R² per target for a world model's latent on {@code world}: the encoder's goals, none above
     * {@link BottleneckGoal#AGENT_R2}.
     */
    public static Map<String, Double> forLatent(String world) {
        Map<String, Double> goals = forWorld(world);
        goals.replaceAll((target, goal) -> Math.min(goal, BottleneckGoal.AGENT_R2));
        return goals;
    }

    /** Per target of {@code goals}, whether {@code r2} (one per {@code targets} entry) meets it; a missing target fails. */
    public static Map<String, Boolean> check(Map<String, Double> goals, List<String> targets, double[] r2) {
        Map<String, Boolean> met = new LinkedHashMap<>();
        goals.forEach((target, goal) -> {
            int i = targets.indexOf(target);
            met.put(target, i >= 0 && r2[i] >= goal);
        });
        return met;
    }
}
