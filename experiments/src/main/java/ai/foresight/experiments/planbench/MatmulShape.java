package ai.foresight.experiments.planbench;

/**
 * One matrix product of a model's forward pass: {@code batch} independent {@code (m, k) x (k, n)}
 * products, counted as {@code 2 * batch * m * k * n} floating-point operations (a multiply and an add
 * per term). A linear layer over (B, L, in) is batch 1, m = B·L, k = in, n = out; attention scores over
 * B sequences of H heads are batch B·H, m = L, k = d_head, n = L.
 *
 * @param name what the product computes, e.g. {@code block0.qkv}
 * @param batch independent products
 * @param m rows of the left operand
 * @param k shared dimension
 * @param n columns of the right operand
 */
public record MatmulShape(String name, long batch, long m, long k, long n) {
    public MatmulShape {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-empty label");
        }
        if (batch < 1 || m < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException("shape of " + name + ": expected batch, m, k, n >= 1, got "
                    + batch + ", " + m + ", " + k + ", " + n);
        }
    }

    /** Floating-point operations: 2·batch·m·k·n. */
    public long flops() {
        return 2L * batch * m * k * n;
    }
}
