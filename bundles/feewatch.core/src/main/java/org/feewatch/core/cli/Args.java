package org.feewatch.core.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verb's parsed arguments: {@code --name VALUE} or {@code --name=VALUE} options, {@code --flag}
 * switches and positional operands. Declare what the verb accepts, then {@link #parse}: an unknown
 * option, a missing value or a repeated option is a {@link UsageException} naming it.
 */
public final class Args {

    private final Set<String> valued = new LinkedHashSet<>();
    private final Set<String> switches = new LinkedHashSet<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> set = new LinkedHashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Args() {
    }

    public static Args spec() {
        return new Args();
    }

    /** Accepts {@code --name VALUE}. */
    public Args option(String name) {
        valued.add(name);
        return this;
    }

    /** Accepts {@code --name} without a value. */
    public Args flag(String name) {
        switches.add(name);
        return this;
    }

    public Args parse(List<String> args) throws UsageException {
        boolean onlyOperands = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyOperands || !a.startsWith("--")) {
                operands.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyOperands = true; // everything after "--" is an operand, even "--x"
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            } else if (switches.contains(name) && value == null) {
                set.add(name);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return this;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return set.contains(name);
    }

    public List<String> operands() {
        return List.copyOf(operands);
    }

    /** Exactly {@code n} operands, else a usage error naming what is expected. */
    public List<String> operands(int n, String what) throws UsageException {
        if (operands.size() < n) {
            throw new UsageException("missing " + what);
        }
        if (operands.size() > n) {
            throw new UsageException("unexpected argument " + operands.get(n));
        }
        return List.copyOf(operands);
    }
}
