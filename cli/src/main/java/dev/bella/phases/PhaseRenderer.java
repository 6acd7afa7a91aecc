package dev.bella.phases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.spec.Phase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `bella phases` output: a table for people, JSON for scripts, JUnit XML so CI shows each check as a test. */
public final class PhaseRenderer {

    public enum Format { TABLE, JSON, JUNIT }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PhaseRenderer() {
    }

    public static String check(List<Finding> findings, Format format, String checkedAgainst) {
        return switch (format) {
            case TABLE -> checkTable(findings, checkedAgainst);
            case JSON -> checkJson(findings, checkedAgainst);
            case JUNIT -> junit(findings);
        };
    }

    public static String summary(List<Finding> findings) {
        long failed = findings.stream().filter(f -> f.check().failed()).count();
        long items = findings.stream().map(f -> f.item().id()).distinct().count();
        return failed == 0 ? "OK: " + findings.size() + " checks of " + items + " policies passed"
                : failed + " violation" + (failed == 1 ? "" : "s") + " in " + findings.size() + " checks of " + items
                + " policies";
    }

    private static String checkTable(List<Finding> findings, String checkedAgainst) {
        StringBuilder out = new StringBuilder();
        String phase = null;
        for (Finding f : findings) {
            if (!f.phase().id().equals(phase)) {
                phase = f.phase().id();
                out.append(phase).append(' ').append(f.phase().title()).append('\n');
            }
            String mark = switch (f.check().outcome()) {
                case PASS -> "ok  ";
                case FAIL -> "FAIL";
                case SKIPPED -> "n/a ";
            };
            out.append("  ").append(mark).append(' ').append(f.message().substring(f.phase().id().length() + 1))
                    .append('\n');
        }
        out.append("Checked against: ").append(checkedAgainst).append('\n');
        out.append(summary(findings)).append('\n');
        return out.toString();
    }

    private static String checkJson(List<Finding> findings, String checkedAgainst) {
        ObjectNode root = JSON.createObjectNode();
        root.put("checkedAgainst", checkedAgainst);
        root.put("checks", findings.size());
        root.put("violations", findings.stream().filter(f -> f.check().failed()).count());
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = list.addObject();
            n.put("phase", f.phase().id());
            n.put("item", f.item().id());
            n.put("policy", f.policy());
            n.put("environment", f.environment());
            n.put("outcome", f.check().outcome().name().toLowerCase(java.util.Locale.ROOT));
            n.put("subject", f.check().subject());
            n.put("resource", f.check().resource());
            n.put("property", f.check().property());
            n.put("expected", f.check().expected());
            n.put("actual", f.check().actual());
            n.put("message", f.message());
        }
        return write(root);
    }

    /** One testsuite per phase, one testcase per policy check (policy × environment × resource). */
    private static String junit(List<Finding> findings) {
        Map<Phase, List<Finding>> byPhase = new LinkedHashMap<>();
        findings.forEach(f -> byPhase.computeIfAbsent(f.phase(), p -> new java.util.ArrayList<>()).add(f));
        long failures = findings.stream().filter(f -> f.check().failed()).count();
        long skipped = findings.stream().filter(f -> f.check().outcome() == Check.Outcome.SKIPPED).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"bella phases check\" tests=\"").append(findings.size()).append("\" failures=\"")
                .append(failures).append("\" skipped=\"").append(skipped).append("\">\n");
        byPhase.forEach((phase, list) -> {
            x.append("  <testsuite name=\"").append(xml(phase.id() + " " + phase.title())).append("\" tests=\"")
                    .append(list.size()).append("\" failures=\"").append(list.stream().filter(f -> f.check().failed()).count())
                    .append("\" skipped=\"").append(list.stream().filter(f -> f.check().outcome() == Check.Outcome.SKIPPED)
                            .count()).append("\">\n");
            for (Finding f : list) {
                String name = f.policy() + " [" + f.environment() + "] " + f.check().resource()
                        + (f.check().property().isEmpty() ? "" : " " + f.check().property());
                x.append("    <testcase classname=\"").append(xml(phase.id() + "." + f.item().id())).append("\" name=\"")
                        .append(xml(name)).append('"');
                switch (f.check().outcome()) {
                    case PASS -> x.append("/>\n");
                    case FAIL -> x.append(">\n      <failure message=\"").append(xml(f.message())).append("\" type=\"")
                            .append(xml(f.policy())).append("\">").append(xml(f.item().title() + ": " + f.check().describe()))
                            .append("</failure>\n    </testcase>\n");
                    case SKIPPED -> x.append(">\n      <skipped message=\"").append(xml(f.check().actual()))
                            .append("\"/>\n    </testcase>\n");
                }
            }
            x.append("  </testsuite>\n");
        });
        x.append("</testsuites>\n");
        return x.toString();
    }

    private static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped rather than making the file unreadable
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public static String status(RoadmapStatus status, Format format) {
        return switch (format) {
            case TABLE, JUNIT -> statusTable(status);
            case JSON -> statusJson(status);
        };
    }

    private static String statusTable(RoadmapStatus status) {
        StringBuilder out = new StringBuilder();
        for (RoadmapStatus.PhaseStatus p : status.phases()) {
            out.append(p.phase().id()).append(' ').append(p.phase().title())
                    .append(p.phase().when().map(w -> " (" + w + ")").orElse("")).append('\n');
            for (RoadmapStatus.ItemStatus i : p.items()) {
                out.append(String.format("  %-8s %-20s %s%s%n", i.state().name().toLowerCase(java.util.Locale.ROOT),
                        i.item().id(), i.item().title(), i.item().policy().map(r -> "  [" + r.name() + "]").orElse("")));
                for (Finding f : i.failures()) {
                    out.append("             ").append(f.environment()).append(": ").append(f.check().describe()).append('\n');
                }
            }
            p.after().ifPresent(a -> out.append("  estimated after ").append(p.phase().id()).append(": AWS $")
                    .append(money(a.aws())).append(" a month, $").append(money(a.total()))
                    .append(" with Twilio and OpenAI (saves $").append(money(a.savings())).append(" on the phase before)\n"));
        }
        if (!status.projected()) {
            out.append("(no cost after each phase: the spec names no baseline to start the projection from)\n");
        }
        return out.toString();
    }

    private static String statusJson(RoadmapStatus status) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode phases = root.putArray("phases");
        for (RoadmapStatus.PhaseStatus p : status.phases()) {
            ObjectNode pn = phases.addObject();
            pn.put("id", p.phase().id());
            pn.put("title", p.phase().title());
            p.after().ifPresent(a -> {
                pn.put("awsAfter", a.aws().setScale(2, RoundingMode.HALF_UP));
                pn.put("totalAfter", a.total().setScale(2, RoundingMode.HALF_UP));
            });
            ArrayNode items = pn.putArray("items");
            for (RoadmapStatus.ItemStatus i : p.items()) {
                ObjectNode in = items.addObject();
                in.put("id", i.item().id());
                in.put("title", i.item().title());
                in.put("state", i.state().name().toLowerCase(java.util.Locale.ROOT));
                in.put("declared", i.item().status().id());
                i.item().policy().ifPresent(r -> in.put("policy", r.name()));
                ArrayNode v = in.putArray("violations");
                i.failures().forEach(f -> v.add(f.message()));
            }
        }
        return write(root);
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
