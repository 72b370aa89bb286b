package ai.foresight.datasets.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates distractors and shifts by id: {@code texture}, {@code shapes}, {@code tv},
 * {@code color-shift}, {@code lighting}, each with its default config. Each shift's seed derives
 * from the master seed and its id, so a shift looks the same whatever else is listed with it.
 *
 * <p>A stack applies them in that fixed order, whatever order they are listed in: the texture
 * replaces the background, shapes glide over it, the TV sits on top, then the colour and lighting
 * of the whole frame change. So {@code "tv,shapes"} and {@code "shapes,tv"} give the same frames.
 */
public final class Shifts {
    private static final List<String> IDS =
            List.of(DriftingTexture.ID, MovingShapes.ID, NoisyTv.ID, ColorShift.ID, Lighting.ID);

    private Shifts() {}

    /** The accepted ids, in application order. */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * One shift with its default config.
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static FrameShift create(String id, long seed) {
        if (id == null) {
            throw new IllegalArgumentException("distractors: expected an id, got null; known ids: " + IDS);
        }
        long s = ShiftSeeds.mix(seed, id.hashCode());
        return switch (id) {
            case MovingShapes.ID -> new MovingShapes(MovingShapes.Config.defaults(), s);
            case DriftingTexture.ID -> new DriftingTexture(DriftingTexture.Config.defaults(), s);
            case NoisyTv.ID -> new NoisyTv(NoisyTv.Config.defaults(), s);
            case ColorShift.ID -> new ColorShift(ColorShift.Config.defaults(), s);
            case Lighting.ID -> new Lighting(Lighting.Config.defaults(), s);
            default -> throw new IllegalArgumentException("distractors: unknown id '" + id + "', expected one of " + IDS);
        };
    }

    /**
     * A stack from a comma-separated list, e.g. {@code "shapes,tv"}; blanks around ids are ignored,
     * an empty string gives an empty stack.
     *
     * @throws IllegalArgumentException for an unknown or repeated id
     */
    public static ShiftStack parse(String ids, long seed) {
        if (ids == null || ids.isBlank()) {
            return new ShiftStack(List.of(), ShiftStack.Config.defaults());
        }
        return parse(Arrays.stream(ids.split(",")).map(String::trim).toList(), seed);
    }

    /**
     * A stack from a list of ids, applied in the fixed order of {@link #ids()}.
     *
     * @throws IllegalArgumentException for an unknown, empty or repeated id
     */
    public static ShiftStack parse(List<String> ids, long seed) {
        validate(ids);
        List<FrameShift> shifts = new ArrayList<>();
        for (String id : IDS) {
            if (ids.contains(id)) {
                shifts.add(create(id, seed));
            }
        }
        return new ShiftStack(shifts, ShiftStack.Config.defaults());
    }

    /**
     * Checks a list of ids without creating anything.
     *
     * @throws IllegalArgumentException for an unknown, empty or repeated id
     */
    public static void validate(List<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("distractors: expected an id, got an empty entry; known ids: " + IDS);
            }
            if (!IDS.contains(id)) {
                throw new IllegalArgumentException("distractors: unknown id '" + id + "', expected one of " + IDS);
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("distractors: '" + id + "' listed twice");
            }
        }
    }
}
