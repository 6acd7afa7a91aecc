package dev.bella.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task sizes Fargate accepts (Linux, platform 1.4), from the ECS task-definition documentation:
 * each CPU value allows a memory range in fixed steps. Anything else is rejected by ECS at deploy time,
 * so the spec rejects it first.
 */
public final class FargateSizes {

    private record Range(int minMemory, int maxMemory, int step) {
        boolean allows(int memory) {
            return memory >= minMemory && memory <= maxMemory && (memory - minMemory) % step == 0;
        }
    }

    private static final Map<Integer, List<Range>> TABLE = new TreeMap<>(Map.of(
            256, List.of(new Range(512, 512, 1), new Range(1024, 2048, 1024)),
            512, List.of(new Range(1024, 4096, 1024)),
            1024, List.of(new Range(2048, 8192, 1024)),
            2048, List.of(new Range(4096, 16384, 1024)),
            4096, List.of(new Range(8192, 30720, 1024)),
            8192, List.of(new Range(16384, 61440, 4096)),
            16384, List.of(new Range(32768, 122880, 8192))));

    private FargateSizes() {
    }

    public static boolean isValidCpu(int cpu) {
        return TABLE.containsKey(cpu);
    }

    public static boolean isValid(int cpu, int memory) {
        return TABLE.getOrDefault(cpu, List.of()).stream().anyMatch(r -> r.allows(memory));
    }

    public static List<Integer> cpuValues() {
        return List.copyOf(TABLE.keySet());
    }

    /** Every memory size allowed with {@code cpu}, ascending. */
    public static List<Integer> memoryFor(int cpu) {
        List<Integer> out = new ArrayList<>();
        for (Range r : TABLE.getOrDefault(cpu, List.of())) {
            for (int m = r.minMemory; m <= r.maxMemory; m += r.step) {
                out.add(m);
            }
        }
        return out;
    }

    /** A short human description of what {@code cpu} allows, for error messages. */
    public static String describe(int cpu) {
        List<Integer> m = memoryFor(cpu);
        if (m.isEmpty()) {
            return "cpu must be one of " + cpuValues();
        }
        return "with cpu " + cpu + " memory must be one of " + (m.size() <= 6 ? m.toString()
                : m.getFirst() + ".." + m.getLast() + " in steps of " + (m.get(1) - m.get(0)));
    }
}
