package dev.bella.alternatives;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The areas the seed names alternatives for; each is priced by one class, chosen by an exhaustive switch. */
public enum Area {
    DATABASE("database"), COMPUTE("compute"), INGRESS("ingress"), CACHE("cache"), REGION("region"),
    SPEECH_AND_LANGUAGE("speech-and-language");

    private final String id;

    Area(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Area parse(String text) {
        return Arrays.stream(values()).filter(a -> a.id.equals(text.strip())).findFirst()
                .orElseThrow(() -> new AlternativesException("--only: unknown area '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(Area::id).collect(Collectors.joining(", "))));
    }
}
