package org.feewatch.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A finding's metrics: an unmodifiable copy of the map given, in its order, names and values in
 * one array. A large audit makes a finding for one loan in ten, and a copy in a hashed, linked map
 * cost more than everything else the finding's constructor does; metrics are a handful, so looking
 * one up by name walks them. A copy of a copy is the copy itself.
 */
final class FindingMetrics extends AbstractMap<String, String> {

    /** Past this many metrics a hashed copy answers {@link #get} faster than a walk. */
    private static final int MAX_WALKED = 16;

    /** Name, value, name, value, ... */
    private final Object[] pairs;
    private Set<Map.Entry<String, String>> entries;

    private FindingMetrics(Object[] pairs) {
        this.pairs = pairs;
    }

    static Map<String, String> copyOf(Map<String, String> metrics) {
        if (metrics instanceof FindingMetrics) {
            return metrics;
        }
        int n = metrics.size();
        if (n > MAX_WALKED) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
        Object[] pairs = new Object[2 * n];
        int i = 0;
        for (Map.Entry<String, String> e : metrics.entrySet()) {
            if (i == pairs.length) {
                throw new java.util.ConcurrentModificationException("metrics added while they were copied");
            }
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        if (i != pairs.length) {
            throw new java.util.ConcurrentModificationException("metrics removed while they were copied");
        }
        return new FindingMetrics(pairs);
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    @Override
    public String get(Object name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (Objects.equals(pairs[i], name)) {
                return (String) pairs[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (Objects.equals(pairs[i], name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 1; i < pairs.length; i += 2) {
            if (Objects.equals(pairs[i], value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept((String) pairs[i], (String) pairs[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public int size() {
                    return pairs.length / 2;
                }

                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < pairs.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (next >= pairs.length) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>((String) pairs[next],
                                    (String) pairs[next + 1]);
                            next += 2;
                            return e;
                        }
                    };
                }
            };
        }
        return entries;
    }
}
