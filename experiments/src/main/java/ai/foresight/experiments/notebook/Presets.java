package ai.foresight.experiments.notebook;

import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.planner.agent.AgentConfig;
import java.util.List;

/**
 * The named sizes of a notebook experiment. {@link #notebook()} is what the shipped notebooks use:
 * {@link #small()} in an interactive session, {@link #tiny()} when the system property
 * {@value #PROPERTY} says so (the notebook tests set {@code -Dforesight.preset=tiny}).
 */
public final class Presets {
    /** System property that makes {@link #notebook()} pick a preset by name. */
    public static final String PROPERTY = "foresight.preset";

    private Presets() {}

    /**
     * Seconds, for tests: 16 episodes of 20 steps, the tiny predictor on an untrained tiny ViT (4x4 patches of
     * 32 dims), 60 train steps, CEM with 32 samples x 3 iterations over 2 model steps, 2 evaluation pairs of 6 steps.
     * Nothing it plans is meant to succeed; it exercises every stage.
     */
    public static Preset tiny() {
        return new Preset("tiny", 16, 20, "tiny", "dino-wm", "random-tiny", 0, AgentConfig.tiny(), 2, 6, 0L);
    }

    /**
     * A few minutes on a laptop: 200 episodes of 50 steps, the world's DINO-WM predictor preset on the
     * {@linkplain #encoder() default encoder}, 600 train steps, CEM with 100 samples x 5 iterations over DINO-WM's horizon of 5, 10 evaluation
     * pairs of 25 steps.
     */
    public static Preset small() {
        return new Preset("small", 200, 50, Preset.WORLD_MODEL, "dino-wm", encoder(), 600,
                AgentConfig.defaults().withBudget(100, 5), 10, 25, 0L);
    }

    /**
     * DINO-WM's settings (hours on CPU): 1920 episodes of 50 steps, the world's predictor preset at its default
     * training length, CEM with 300 samples x 10 iterations, horizon 5; the protocol's 50 pairs.
     */
    public static Preset paper() {
        return new Preset("paper", 1920, 50, Preset.WORLD_MODEL, "dino-wm", encoder(), 0, AgentConfig.defaults(), 50, 25, 0L);
    }

    /**
     * The encoder of the larger presets: the shipped DINO-pretrained ViT ({@code default}) when this build has
     * it, otherwise an untrained ViT of the same shape ({@code random-default}, seed 0). DINO-WM's results need
     * pretrained features; with the untrained one a model still learns, only less well.
     */
    public static String encoder() {
        return Encoders.hasDefault() ? Encoders.DEFAULT : "random-default";
    }

    /** The preset the system property {@value #PROPERTY} names, {@link #small()} when it is unset. */
    public static Preset notebook() {
        return named(System.getProperty(PROPERTY, "small"));
    }

    /** The preset called {@code name}: tiny, small or paper. */
    public static Preset named(String name) {
        return switch (name == null ? "" : name) {
            case "tiny" -> tiny();
            case "small" -> small();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("preset: expected one of " + names() + ", got '" + name + "'");
        };
    }

    /** Ids {@link #named} accepts. */
    public static List<String> names() {
        return List.of("tiny", "small", "paper");
    }
}
