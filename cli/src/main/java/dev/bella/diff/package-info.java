/**
 * {@code bella cost diff}: what a change to the spec costs. Reads the spec at a base (a file, or the same
 * file at a git ref through {@code git show}) and as it is now, prices both with the offline estimate (same
 * period, same price table conventions) and reports the difference per environment, category and line item.
 * Makes no AWS call; runs {@code git} only for a ref. Called by the cli package only.
 */
package dev.bella.diff;
