package ai.foresight.datasets.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Train and validation episodes, split by episode index so that no validation frame was seen in
 * training: a seeded shuffle of 0..N-1, the first round(f·N) go to validation (at least one when
 * f &gt; 0 and N &gt; 1), both lists sorted ascending.
 *
 * @param train training episode indices
 * @param validation held-out episode indices
 */
public record EpisodeSplit(List<Integer> train, List<Integer> validation) {
    public EpisodeSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /** Splits {@code episodes} episodes with {@code validationFraction} held out, shuffled by {@code seed}. */
    public static EpisodeSplit of(int episodes, double validationFraction, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes: expected at least 1, got " + episodes);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction: expected 0 <= f < 1, got " + validationFraction);
        }
        int[] order = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = episodes - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nVal = (int) Math.round(validationFraction * episodes);
        if (validationFraction > 0 && episodes > 1) {
            nVal = Math.max(1, Math.min(episodes - 1, nVal));
        }
        List<Integer> val = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            (i < nVal ? val : train).add(order[i]);
        }
        Collections.sort(val);
        Collections.sort(train);
        return new EpisodeSplit(train, val);
    }
}
