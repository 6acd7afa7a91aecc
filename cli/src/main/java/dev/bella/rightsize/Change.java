package dev.bella.rightsize;

/**
 * One value of the spec a recommendation changes, e.g. {@code service.cpu} from 1024 to 512 in
 * environment prod; {@code --diff} and {@code --apply} write it where the value is defined.
 */
public record Change(String environment, java.util.List<String> path, String from, String to) {
    public Change {
        path = java.util.List.copyOf(path);
    }

    public String key() {
        return String.join(".", path);
    }
}
