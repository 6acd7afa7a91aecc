package dev.bella.spend;

import dev.bella.report.Category;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.Problems;
import dev.bella.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps a billed service name to a report category ({@code configs/service-categories.yaml}). The map is
 * data, not code, because AWS renames services and adds new ones faster than releases; an unknown
 * service goes to {@link Category#OTHER} and keeps its line.
 */
public final class ServiceCategories {

    public static final String BUNDLED = "bella-configs/service-categories.yaml";

    private final Map<String, Category> byName;
    private final Map<String, Category> byFocusCategory;

    ServiceCategories(Map<String, Category> byName, Map<String, Category> byFocusCategory) {
        this.byName = Map.copyOf(byName);
        this.byFocusCategory = Map.copyOf(byFocusCategory);
    }

    public static ServiceCategories bundled() {
        try (InputStream in = ServiceCategories.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "(bundled) service-categories.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceCategories load(Path file) {
        Problems problems = new Problems();
        ServiceCategories c = YamlNode.parse(file, problems).map(r -> read(r)).orElse(null);
        problems.throwIfAny();
        return c;
    }

    static ServiceCategories parse(String text, String label) {
        Problems problems = new Problems();
        ServiceCategories c = YamlNode.parse(text, label, problems).map(ServiceCategories::read).orElse(null);
        problems.throwIfAny();
        return c;
    }

    private static ServiceCategories read(YamlNode root) {
        Map<String, Category> ids = Arrays.stream(Category.values()).filter(Category::isAws)
                .collect(Collectors.toMap(Category::id, c -> c));
        MapReader top = root.asMap("service categories");
        Map<String, Category> byName = new HashMap<>();
        MapReader cats = top.map("categories");
        for (String id : cats.keys()) {
            Category category = ids.get(id);
            if (category == null) {
                cats.problems().add(cats.positionOf(id), "service categories: unknown category '" + id
                        + "'; expected one of " + String.join(", ", ids.keySet().stream().sorted().toList()));
                continue;
            }
            for (String name : cats.strings(id)) {
                Category before = byName.put(key(name), category);
                if (before != null && before != category) {
                    cats.problems().add(cats.positionOf(id), "service categories: '" + name + "' is listed under both "
                            + before.id() + " and " + id);
                }
            }
        }
        cats.allow(cats.keys().toArray(String[]::new));
        cats.finish();
        Map<String, Category> byFocus = new HashMap<>();
        MapReader focus = top.map("focus-service-categories");
        for (String name : focus.keys()) {
            focus.choice(name, ids).ifPresent(c -> byFocus.put(key(name), c));
        }
        focus.finish();
        top.finish();
        return new ServiceCategories(byName, byFocus);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The category of a service, {@code other} when the mapping does not list it. */
    public Category of(String service) {
        return find(service).orElse(Category.OTHER);
    }

    /** FOCUS rows: the ServiceName first, then the row's own ServiceCategory. */
    public Category of(String serviceName, String focusServiceCategory) {
        return find(serviceName).or(() -> Optional.ofNullable(focusServiceCategory)
                .map(f -> byFocusCategory.get(key(f)))).orElse(Category.OTHER);
    }

    Optional<Category> find(String service) {
        return Optional.ofNullable(service).map(s -> byName.get(key(s)));
    }
}
