package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.policy.CollectionPolicy;
import ai.foresight.datasets.policy.MazeWaypointConfig;
import ai.foresight.datasets.policy.MazeWaypointPolicy;
import ai.foresight.datasets.policy.PushTScriptConfig;
import ai.foresight.datasets.policy.PushTScriptedPolicy;
import ai.foresight.datasets.policy.RandomWalkConfig;
import ai.foresight.datasets.policy.WallRandomWalkPolicy;
import java.util.List;

/** The built-in worlds by id, each with the data-collection policy its DINO-WM dataset was made with. */
public final class Worlds {
    private Worlds() {}

    /** Ids accepted by {@link #create}: wall, wall-random, pointmaze, pusht. */
    public static List<String> ids() {
        return List.of("wall", "wall-random", "pointmaze", "pusht");
    }

    /** A new instance of world {@code id} rendering {@code size} x {@code size} frames. */
    public static Env create(String id, int size) {
        return switch (requireId(id)) {
            case "wall" -> new WallEnv(WallConfig.wall(size));
            case "wall-random" -> new WallEnv(WallConfig.wallRandom(size));
            case "pointmaze" -> new PointMazeEnv(PointMazeConfig.withSize(size));
            default -> new PushTEnv(PushTConfig.withSize(size));
        };
    }

    /**
     * The default data-collection policy for world {@code id} (DINO-WM-style settings): the Wall random
     * walk, PointMaze's noisy waypoint follower, PushT's scripted pusher.
     */
    public static CollectionPolicy collectionPolicy(String id) {
        return switch (requireId(id)) {
            case "wall", "wall-random" -> new WallRandomWalkPolicy(RandomWalkConfig.defaults());
            case "pointmaze" -> new MazeWaypointPolicy(MazeWaypointConfig.defaults());
            default -> new PushTScriptedPolicy(PushTScriptConfig.defaults());
        };
    }

    private static String requireId(String id) {
        if (id == null || !ids().contains(id)) {
            throw new IllegalArgumentException("world: expected one of " + ids() + ", got " + id);
        }
        return id;
    }
}
