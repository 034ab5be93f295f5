package io.github.rnnkit.core.layers;

/**
 * Whether float32 kernels run their gate loops in SIMD lanes ({@link VectorGates}). That needs
 * the JDK's incubating {@code jdk.incubator.vector} module, which a JVM resolves only when told
 * ({@code java --add-modules jdk.incubator.vector}, as {@code ./rnnkit} and the test runner do);
 * without it, and for hidden sizes that are not a multiple of the lane count, the kernels run
 * their loops over heap arrays ({@link ArrayGates}, which C2 vectorises by itself), with the same
 * results to float rounding. On this project's benchmark machine (AVX-512) the SIMD loops made an
 * LSTM step's gate arithmetic about ten times faster than loops over the direct buffers; the array
 * loops come close to them (docs/BENCHMARKS.md, "Your own JVM").
 */
public final class Simd {
    /** The measured cost of the array loops, for the warning (docs/BENCHMARKS.md, "Your own JVM"). */
    private static final String SCALAR_COST = "1.3x";
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    static {
        if (!AVAILABLE) {
            org.slf4j.LoggerFactory.getLogger(Simd.class).warn("rnnkit: the JVM was started without the Vector API "
                    + "module, so float32 recurrent layers run their gate loops without SIMD lanes: steps take up to "
                    + SCALAR_COST + " as long (docs/BENCHMARKS.md). Add --add-modules jdk.incubator.vector to the "
                    + "java command (or your IDE's VM options) for SIMD.");
        }
    }
    /** Tests turn this off to run the scalar float loops too. */
    static boolean enabled = AVAILABLE;

    private Simd() {
    }

    /** @return floats per SIMD vector the float32 kernels use, or 0 when they run scalar loops */
    public static int lanes() {
        // VectorGates is loaded only here and when the module is there: its class needs the module.
        return enabled ? VectorGates.lanes() : 0;
    }

    /** @return true when float32 kernels of {@code hidden} units run their gate loops in SIMD lanes */
    static boolean covers(int hidden) {
        return enabled && hidden % VectorGates.lanes() == 0;
    }
}
