package io.github.rnnkit.data.synth;

import io.github.rnnkit.data.series.CategoricalSeries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against numpy's own draws: golden/numpy_random.txt, made by golden/make_numpy_golden.py. */
class NumpyRandomTest {
    private static Map<String, String[]> golden() throws IOException {
        try (InputStream in = NumpyRandomTest.class.getResourceAsStream("/golden/numpy_random.txt")) {
            Map<String, String[]> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.trim().split(" ");
                out.put(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
            }
            return out;
        }
    }

    @Test
    void theArticlesWeatherIsReproducedDayForDay() throws IOException {
        CategoricalSeries s = UniformWeather.article();
        assertEquals(List.of(golden().get("article_weather")), s.values());
        assertEquals(Map.of("Sunny", 520, "Rainy", 492, "Cloudy", 488), s.counts());
    }

    @Test
    void randintMatchesNumpy() throws IOException {
        NumpyRandom r = new NumpyRandom(7);
        int[] expected = Arrays.stream(golden().get("randint_5")).mapToInt(Integer::parseInt).toArray();
        int[] actual = new int[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = r.randint(5);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void uniformAndNormalDrawsMatchNumpyExactly() throws IOException {
        NumpyRandom u = new NumpyRandom(123);
        for (String v : golden().get("random_sample")) {
            assertEquals(Double.parseDouble(v), u.nextDouble(), 0.0);
        }
        NumpyRandom g = new NumpyRandom(2024);
        for (String v : golden().get("standard_normal")) {
            assertEquals(Double.parseDouble(v), g.nextGaussian(), 1e-15);
        }
    }
}
