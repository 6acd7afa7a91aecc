package dev.bella.spec;

/** The shared cache: an ElastiCache Redis cluster, or none (each task keeps its in-process cache only). */
public sealed interface Cache {

    record Redis(String nodeType, int nodes) implements Cache {
    }

    record None() implements Cache {
    }
}
