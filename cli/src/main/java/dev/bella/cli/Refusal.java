package dev.bella.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one line a user sees when an argument group's rule is broken (two options that exclude each other, or one that
 * needs another), on the group's class. picocli checks the rule ({@link Refusals} finds the line); its own message names fields and labels
 * ("--month=YYYY-MM and [[--from=YYYY-MM-DD] ...] are mutually exclusive"), while this one says what to do.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Refusal {

    String value();
}
