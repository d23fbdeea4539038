package io.github.camelmessenger.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Defensive copies for the list and map components of the model records. */
final class ModelLists {

    private ModelLists() {
    }

    /** Unmodifiable copy; {@code null} stays {@code null}; a {@code null} element is a programming error. */
    static <T> List<T> copy(List<? extends T> list, String what) {
        if (list == null) {
            return null;
        }
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), () -> what + " must not contain null elements");
        }
        return List.copyOf(list);
    }

    /** Unmodifiable copy keeping insertion order; null values are allowed (they mean JSON null). */
    static Map<String, Object> copy(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> result = list == null ? new ArrayList<>() : new ArrayList<>(list);
        result.add(item);
        return result;
    }
}
