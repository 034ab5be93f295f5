package io.github.rnnkit.data.series;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fixed, ordered set of categories a model knows; category {@code i} is one-hot position
 * {@code i} and output class {@code i}. Fitted on the training part only, so a category that
 * first appears later is reported instead of silently given a new code.
 */
public final class Vocabulary {
    private final List<String> categories;
    private final Map<String, Integer> positions = new HashMap<>();

    private Vocabulary(List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one category");
        }
        this.categories = List.copyOf(categories);
        for (int i = 0; i < this.categories.size(); i++) {
            if (positions.put(this.categories.get(i), i) != null) {
                throw new IllegalArgumentException("category '" + this.categories.get(i) + "' is listed twice");
            }
        }
    }

    /**
     * A vocabulary in the given order (for example as stored with a model).
     *
     * @param categories distinct categories; code i is the i-th
     * @return the vocabulary
     */
    public static Vocabulary of(List<String> categories) {
        return new Vocabulary(categories);
    }

    /**
     * A vocabulary in the given order.
     *
     * @param categories distinct categories; code i is the i-th
     * @return the vocabulary
     */
    public static Vocabulary of(String... categories) {
        return new Vocabulary(List.of(categories));
    }

    /**
     * The distinct values, sorted, so that codes do not depend on the order the data comes in.
     *
     * @param values the values seen, repeats allowed
     * @return the vocabulary
     */
    public static Vocabulary fit(Collection<String> values) {
        return new Vocabulary(new ArrayList<>(new TreeSet<>(values)));
    }

    /** @return number of categories */
    public int size() {
        return categories.size();
    }

    /** @return the categories in code order */
    public List<String> categories() {
        return categories;
    }

    /**
     * @param i a code in {@code [0, size())}
     * @return the category with code {@code i}
     */
    public String category(int i) {
        return categories.get(i);
    }

    /**
     * @param category a category
     * @return the code of a category, or -1 when unknown
     */
    public int indexOf(String category) {
        Integer i = positions.get(category);
        return i == null ? -1 : i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.categories.equals(categories);
    }

    @Override
    public int hashCode() {
        return categories.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary" + categories;
    }
}
