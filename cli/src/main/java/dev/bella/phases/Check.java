package dev.bella.phases;

/**
 * One comparison a policy made: what it looked at, what it expected and what it found.
 *
 * @param subject  template, spec or estimate: what the value was read from
 * @param resource the resource's logical id and type, or the spec key, that was checked
 * @param outcome  PASS, FAIL, or SKIPPED when nothing was in scope
 */
public record Check(String subject, String resource, String property, String expected, String actual, Outcome outcome) {

    public enum Outcome { PASS, FAIL, SKIPPED }

    static Check of(boolean pass, String subject, String resource, String property, String expected, String actual) {
        return new Check(subject, resource, property, expected, actual, pass ? Outcome.PASS : Outcome.FAIL);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /** "LogGroup1 (AWS::Logs::LogGroup) RetentionInDays: expected at most 30, found 90" */
    public String describe() {
        String where = resource + (property.isEmpty() ? "" : " " + property);
        return outcome == Outcome.SKIPPED ? where + ": " + actual
                : where + ": expected " + expected + ", found " + actual;
    }
}
