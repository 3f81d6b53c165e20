package org.feewatch.rules.national.internal.rules;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A finding's metrics as a rule puts them together: names and values in the order put, in one
 * array. The finding copies them out in that order at once; a LinkedHashMap hashed each name and
 * made a node per metric only for that (a tenth of what a loan finding cost to build).
 */
final class Metrics extends AbstractMap<String, String> {

    /** Name, value, name, value, ...; {@code size} pairs in use. */
    private String[] pairs = new String[16];
    private int size;

    @Override
    public String put(String name, String value) {
        for (int i = 0; i < 2 * size; i += 2) {
            String known = pairs[i];
            // the rules' names are distinct constants: told apart by identity or length, mostly
            if (known == name || known != null && name != null && known.length() == name.length() && known.equals(name)) {
                String old = pairs[i + 1];
                pairs[i + 1] = value;
                return old;
            }
        }
        if (2 * size == pairs.length) {
            pairs = Arrays.copyOf(pairs, 2 * pairs.length);
        }
        pairs[2 * size] = name;
        pairs[2 * size + 1] = value;
        size++;
        return null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = 2 * next++;
                        return new SimpleImmutableEntry<>(pairs[i], pairs[i + 1]);
                    }
                };
            }
        };
    }
}
