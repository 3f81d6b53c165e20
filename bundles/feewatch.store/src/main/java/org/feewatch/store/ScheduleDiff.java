package org.feewatch.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.feewatch.store.Store.PublishedItem;

import com.google.gson.Gson;

/**
 * What changed in a fee schedule between two readings: items added, items removed, and items whose
 * published price changed. Items are matched by name (spaces ignored), the way a reader compares two
 * versions of a price list.
 */
public record ScheduleDiff(List<PublishedItem> added, List<PublishedItem> removed, List<PriceChange> changed) {

    public record PriceChange(String name, String before, String after) {
    }

    public ScheduleDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static ScheduleDiff between(List<PublishedItem> before, List<PublishedItem> after) {
        Map<String, PublishedItem> old = index(before);
        Map<String, PublishedItem> now = index(after);
        List<PublishedItem> added = new ArrayList<>();
        List<PriceChange> changed = new ArrayList<>();
        now.forEach((key, item) -> {
            PublishedItem was = old.get(key);
            if (was == null) {
                added.add(item);
            } else if (!Objects.equals(squash(was.price()), squash(item.price()))) {
                changed.add(new PriceChange(item.name(), was.price(), item.price()));
            }
        });
        List<PublishedItem> removed = new ArrayList<>();
        old.forEach((key, item) -> {
            if (!now.containsKey(key)) {
                removed.add(item);
            }
        });
        return new ScheduleDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** One line for a person: "added 资金管理费 (按贷款金额的0.5%); 平台服务费 0.25%/月 → 0.5%/月". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (PublishedItem i : added) {
            parts.add("added " + i.name() + (i.price() == null ? "" : " (" + i.price() + ")"));
        }
        for (PublishedItem i : removed) {
            parts.add("removed " + i.name());
        }
        for (PriceChange c : changed) {
            parts.add(c.name() + " " + (c.before() == null ? "(no price)" : c.before()) + " → "
                    + (c.after() == null ? "(no price)" : c.after()));
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    public String toJson() {
        return new Gson().toJson(this);
    }

    /** A diff written by {@link #toJson()}. */
    public static ScheduleDiff fromJson(String json) {
        ScheduleDiff d = new Gson().fromJson(json, ScheduleDiff.class);
        return new ScheduleDiff(d.added() == null ? List.of() : d.added(), d.removed() == null ? List.of() : d.removed(),
                d.changed() == null ? List.of() : d.changed());
    }

    private static Map<String, PublishedItem> index(List<PublishedItem> items) {
        Map<String, PublishedItem> out = new LinkedHashMap<>();
        for (PublishedItem i : items) {
            out.putIfAbsent(squash(i.name()), i);
        }
        return out;
    }

    private static String squash(String s) {
        return s == null ? null : s.replaceAll("[\\s\\u3000]", "");
    }
}
