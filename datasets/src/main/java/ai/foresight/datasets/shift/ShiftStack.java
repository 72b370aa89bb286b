package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link FrameShift}s applied in order to a copy of each clean frame ({@link Shifts} builds
 * stacks in a fixed order). The background mask
 * is always computed from the clean frame (see {@link BackgroundMask} for the rule), so a distractor
 * painted early never turns into "foreground" for the next one; later shifts paint over earlier ones,
 * and whole-frame shifts (colour, lighting) listed last act on the distractors too.
 * Not thread-safe: one stack per environment.
 */
public final class ShiftStack {

    /**
     * @param backgroundTolerance largest per-channel difference from the background colour that
     *     still counts as background (0 = exact match)
     */
    public record Config(int backgroundTolerance) {
        public Config {
            if (backgroundTolerance < 0 || backgroundTolerance > 255) {
                throw new IllegalArgumentException("backgroundTolerance: expected 0..255, got " + backgroundTolerance);
            }
        }

        /** Tolerance 2: exact flat backgrounds plus off-by-one rounding of a renderer. */
        public static Config defaults() {
            return new Config(2);
        }
    }

    private final List<FrameShift> shifts;
    private final Config config;
    private final BackgroundMask mask = new BackgroundMask();
    private int backgroundColour = -1;

    public ShiftStack(List<FrameShift> shifts, Config config) {
        this.shifts = List.copyOf(shifts);
        this.config = config;
    }

    /** The shifts, in application order. */
    public List<FrameShift> shifts() {
        return shifts;
    }

    /** Their ids, in order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (FrameShift s : shifts) {
            ids.add(s.id());
        }
        return ids;
    }

    public boolean isEmpty() {
        return shifts.isEmpty();
    }

    /**
     * Starts an episode: takes the background colour from the clean first frame and resets every
     * shift with {@code episodeSeed}.
     */
    public void reset(long episodeSeed, Frame cleanFirstFrame) {
        backgroundColour = BackgroundMask.dominantColour(cleanFirstFrame);
        for (FrameShift s : shifts) {
            s.reset(episodeSeed, cleanFirstFrame.height(), cleanFirstFrame.width());
        }
    }

    /** The background colour found at the last reset, 0xRRGGBB. */
    public int backgroundColour() {
        return backgroundColour;
    }

    /**
     * The shifted copy of {@code clean} at {@code step}; {@code clean} is not modified.
     *
     * @throws IllegalStateException before the first {@link #reset}
     */
    public Frame apply(Frame clean, int step) {
        if (backgroundColour < 0) {
            throw new IllegalStateException("ShiftStack.apply: call reset(episodeSeed, frame) first");
        }
        Frame out = clean.copy();
        if (shifts.isEmpty()) {
            return out;
        }
        mask.update(clean, backgroundColour, config.backgroundTolerance());
        for (FrameShift s : shifts) {
            s.apply(out, mask, step);
        }
        return out;
    }
}
