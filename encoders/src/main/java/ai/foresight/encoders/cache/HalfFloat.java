package ai.foresight.encoders.cache;

/**
 * IEEE 754 binary16 conversion (Java 17 has no {@code Float.floatToFloat16}): round to nearest even,
 * overflow to infinity, subnormals kept, NaN preserved.
 */
public final class HalfFloat {
    private HalfFloat() {}

    /** The binary16 bits nearest to {@code value}. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) { // infinity or NaN
            return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (e <= 0) { // subnormal half, or zero
            if (e < -10) {
                return (short) sign;
            }
            int m = mantissa | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int remainder = m & ((1 << shift) - 1);
            int midpoint = 1 << (shift - 1);
            if (remainder > midpoint || (remainder == midpoint && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mantissa >>> 13);
        int remainder = mantissa & 0x1FFF;
        if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) == 1)) {
            half++; // may carry into the exponent, up to infinity: still correct
        }
        return (short) (sign | half);
    }

    /** The float value of binary16 {@code bits}. */
    public static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
