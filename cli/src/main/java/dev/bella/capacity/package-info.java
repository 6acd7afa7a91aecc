/**
 * {@code bella cost capacity}: the concurrent calls the booking service carries at each hour of the week,
 * predicted from its call history (a CSV or JSON-lines file, or booking-core's {@code calls} table over JDBC),
 * turned into a scheduled minimum task count ({@code service.autoscaling.scheduled}) and written into the
 * spec on request. Makes no AWS call. Called by the CLI's {@code cost capacity} command only; the estimate
 * and the stacks read the resulting blocks from the spec, not from here. See docs/capacity.md.
 */
package dev.bella.capacity;
