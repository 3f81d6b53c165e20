package org.feewatch.disclosure.internal.fetch;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations built as the framework builds them: the defaults, with some values given. */
final class TestConfigs {

    private TestConfigs() {
    }

    static FetchConfig fetch(Map<String, Object> given) {
        return (FetchConfig) Proxy.newProxyInstance(FetchConfig.class.getClassLoader(), new Class<?>[] {FetchConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return FetchConfig.class;
                    }
                    if (given.containsKey(method.getName())) {
                        return given.get(method.getName());
                    }
                    Object d = method.getDefaultValue();
                    if (d == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return d;
                });
    }

    /**
     * Short limits so that failing fetches fail fast, yet long enough that a loaded machine does
     * not turn a test about something else into a timeout; no per-host delay. Tests about
     * timeouts set their own, shorter, deadline.
     */
    static FetchSettings quick(Map<String, Object> given) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "connect_timeout_ms", 2000,
                "fetch_timeout_ms", 5000,
                "host_delay_ms", 0,
                "retry_backoff_ms", 10));
        all.putAll(given);
        return FetchSettings.from(fetch(all));
    }
}
