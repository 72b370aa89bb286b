package ai.foresight.experiments.encode;

import ai.foresight.datasets.store.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a probe predicts from one frame: every ground-truth state dimension of the world, and for each
 * angle ({@code *_angle}, e.g. PushT's {@code block_angle}) its cosine and sine too, since an angle
 * wraps at ±π and a linear map can only recover it continuously as (cos θ, sin θ); optionally, after
 * them, the centres of the dataset's moving-shape distractors ({@link DistractorTargets}).
 *
 * @param names target names, in column order
 * @param sourceColumn for each target, the state column it comes from
 * @param kind for each state target: 0 the value itself, 1 its cosine, 2 its sine
 * @param distractors the distractor targets that follow the state ones, or empty
 */
public record ProbeTargets(List<String> names, int[] sourceColumn, int[] kind, Optional<DistractorTargets> distractors) {

    /** The targets for a world whose state dimensions are called {@code stateNames}. */
    public static ProbeTargets forState(List<String> stateNames) {
        List<String> names = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        for (int i = 0; i < stateNames.size(); i++) {
            String name = stateNames.get(i);
            names.add(name);
            columns.add(new int[] {i, 0});
            if (name.endsWith("angle")) {
                String stem = name.substring(0, name.length() - "angle".length());
                names.add(stem + "cos");
                columns.add(new int[] {i, 1});
                names.add(stem + "sin");
                columns.add(new int[] {i, 2});
            }
        }
        int[] source = new int[columns.size()];
        int[] kind = new int[columns.size()];
        for (int j = 0; j < source.length; j++) {
            source[j] = columns.get(j)[0];
            kind[j] = columns.get(j)[1];
        }
        return new ProbeTargets(List.copyOf(names), source, kind, Optional.empty());
    }

    /** These targets followed by the distractor centres of {@code d}. */
    public ProbeTargets withDistractors(DistractorTargets d) {
        List<String> all = new ArrayList<>(names);
        all.addAll(d.names());
        return new ProbeTargets(List.copyOf(all), sourceColumn, kind, Optional.of(d));
    }

    public int size() {
        return names.size();
    }

    /** Target row of frame {@code t} of {@code episode}, which is episode number {@code index} of its dataset. */
    public double[] row(Episode episode, int index, int t) {
        double[] state = episode.stateAt(t);
        double[] out = new double[size()];
        for (int j = 0; j < sourceColumn.length; j++) {
            double v = state[sourceColumn[j]];
            out[j] = kind[j] == 1 ? Math.cos(v) : kind[j] == 2 ? Math.sin(v) : v;
        }
        if (distractors.isPresent()) {
            double[] d = distractors.get().row(index, t);
            System.arraycopy(d, 0, out, sourceColumn.length, d.length);
        }
        return out;
    }
}
