package dev.bella.spec;

/** CPU architecture of the Fargate task; ARM (Graviton) is priced about 20% below x86. */
public enum Architecture {
    X86("x86"), ARM64("arm64");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
