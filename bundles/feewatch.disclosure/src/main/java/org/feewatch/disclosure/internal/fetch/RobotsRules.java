package org.feewatch.disclosure.internal.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A robots.txt as RFC 9309 reads it: the groups naming our product token (else the {@code *}
 * groups) apply; the longest matching allow or disallow rule decides, allow winning a tie;
 * {@code *} matches any characters and a final {@code $} anchors the end.
 */
final class RobotsRules {

    private record Rule(boolean allow, String pattern) {
    }

    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    static RobotsRules parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean mineFound = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                boolean forMe = agents.stream().anyMatch(a -> matchesToken(a, token));
                mineFound |= forMe;
                if (value.isEmpty()) {
                    continue; // "Disallow:" with nothing disallows nothing
                }
                Rule rule = new Rule(key.equals("allow"), normalise(value));
                if (forMe) {
                    mine.add(rule);
                }
                if (agents.contains("*")) {
                    star.add(rule);
                }
            } else if (!agents.isEmpty()) {
                inRules = true; // other lines (crawl-delay, sitemap) end the user-agent list too
            }
        }
        if (!mineFound) {
            // a group naming us with no rules still means "everything allowed" for us
            mineFound = groupNamesToken(text, token);
        }
        return new RobotsRules(mineFound ? mine : star);
    }

    /** Whether a group's user-agent line names our product token ("feewatch", "FeeWatch/1.0"). */
    private static boolean matchesToken(String agent, String token) {
        String name = agent.split("[/\\s]", 2)[0];
        return name.equals(token);
    }

    private static boolean groupNamesToken(String text, String token) {
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (line.startsWith("user-agent") && line.indexOf(':') > 0) {
                String agent = line.substring(line.indexOf(':') + 1).split("#", 2)[0].strip();
                if (matchesToken(agent, token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the path (with its query) may be fetched. */
    boolean allowed(String pathAndQuery) {
        String path = normalise(pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery);
        if (path.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.pattern(), path) && (best == null || r.pattern().length() > best.pattern().length()
                    || (r.pattern().length() == best.pattern().length() && r.allow()))) {
                best = r;
            }
        }
        return best == null || best.allow();
    }

    /** Upper-case percent escapes so "/%e8" and "/%E8" compare equal. */
    private static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                b.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether {@code pattern} matches a prefix of {@code path} (all of it when the pattern ends in $). */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        // greedy wildcard matching with one backtrack point: linear in practice, no regex blow-up
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < path.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == path.charAt(si)) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (pi == p.length() && !anchored) {
                return true;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
