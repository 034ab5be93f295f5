package io.github.rnnkit.core.layers;

import io.github.rnnkit.core.TestArrays;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loops over time split into blocks of minibatch rows on several threads, their products in
 * {@link VectorGemm}, give what one block with OpenBLAS gives: outputs, score, gradients, the
 * stored state and the state-gradient diagnostics, with and without masks, for full BPTT and
 * truncated BPTT.
 */
class MinibatchSplitTest {
    @AfterEach
    void restore() {
        MinibatchSplit.forcedBlocks = 0;
    }

    @ParameterizedTest(name = "{0} {1} masked={2} tbptt={3}")
    @CsvSource({"SIMPLE_RNN,MANY_TO_MANY,false,false", "SIMPLE_RNN,MANY_TO_ONE,true,false",
            "LSTM,MANY_TO_MANY,true,false", "LSTM,MANY_TO_ONE,false,true", "GRU,MANY_TO_MANY,false,true",
            "GRU,MANY_TO_ONE,true,false", "GRU,MANY_TO_MANY,true,false"})
    void blocksOnThreadsAgreeWithOneBlock(CellType cell, Topology topology, boolean masked, boolean tbptt) {
        assertTrue(Simd.covers(32), "run the tests with --add-modules jdk.incubator.vector (as the build does)");
        ModelSpec.Builder b = ModelSpec.builder().setCell(cell).setTopology(topology).setInputSize(3).setHiddenSizes(32)
                .setOutputSize(2).setTask(Task.REGRESSION).optDataType(DataType.FLOAT).optSeed(7);
        if (tbptt) {
            b.optTbptt(6, 4);
        }
        ModelSpec spec = b.build();
        // 11 rows in 3 blocks (3, 4, 4 rows): whole 4-row product blocks and leftover rows.
        DataSet data = TestArrays.data(spec, 11, 12, masked, 3);
        INDArray params = Nd4j.rand(DataType.FLOAT, 1, NetworkFactory.create(spec).numParams()).subi(0.5);
        Result one = run(spec, params, data, 1);
        Result split = run(spec, params, data, 3);
        assertClose(one.output, split.output, 1e-5, "outputs");
        assertEquals(one.score, split.score, 1e-5 * Math.max(1, Math.abs(one.score)), "scores");
        assertClose(one.gradient, split.gradient, 1e-4, "gradients");
        assertClose(one.paramsAfterFit, split.paramsAfterFit, 1e-5, "parameters after one fit");
        double[] n1 = one.stateGradientNorms;
        double[] n2 = split.stateGradientNorms;
        assertEquals(n1.length, n2.length);
        for (int t = 0; t < n1.length; t++) {
            assertEquals(n1[t], n2[t], 1e-4 * Math.max(1e-3, Math.abs(n1[t])), "state gradient norm at step " + t);
        }
    }

    private record Result(INDArray output, double score, INDArray gradient, INDArray paramsAfterFit,
                          double[] stateGradientNorms) {
    }

    private static Result run(ModelSpec spec, INDArray params, DataSet data, int blocks) {
        MinibatchSplit.forcedBlocks = blocks;
        RnnNetwork net = NetworkFactory.create(spec);
        net.setParams(params.dup());
        RecurrentRuntimeLayer layer = (RecurrentRuntimeLayer) net.getLayer(0);
        layer.setRecordStateGradients(true);
        INDArray out = net.output(data.getFeatures(), false, data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.setLayerMaskArrays(data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        net.computeGradientAndScore();
        double score = net.score();
        INDArray gradient = net.gradient().gradient().dup();
        double[] norms = layer.stateGradientNorms();
        net.fit(data);
        return new Result(out, score, gradient, net.params().dup(), norms);
    }

    private static void assertClose(INDArray expected, INDArray actual, double relative, String what) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double error = expected.sub(actual).amaxNumber().doubleValue() / scale;
        assertTrue(error < relative, what + " differ by " + error + " of the largest");
    }

    @Test
    void blocksCoverEveryRowOnceAndFailuresReachTheCaller() {
        AtomicIntegerArray seen = new AtomicIntegerArray(10);
        MinibatchSplit.run(10, 3, (block, from, to) -> {
            for (int r = from; r < to; r++) {
                seen.incrementAndGet(r);
            }
        });
        for (int r = 0; r < 10; r++) {
            assertEquals(1, seen.get(r), "row " + r);
        }
        IllegalStateException boom = new IllegalStateException("block 2 failed");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> MinibatchSplit.run(10, 3, (block, from, to) -> {
            if (block == 2) {
                throw boom;
            }
        })));
    }

    @Test
    void smallOrScalarProblemsStayInOneBlock() {
        assertEquals(1, MinibatchSplit.blocks(64, 1L << 20, false), "scalar kernels use OpenBLAS, one block");
        assertEquals(1, MinibatchSplit.blocks(64, 100, true), "too little work to hand over");
        assertEquals(1, MinibatchSplit.blocks(MinibatchSplit.MIN_ROWS, 1L << 20, true), "too few rows for two blocks");
    }
}
