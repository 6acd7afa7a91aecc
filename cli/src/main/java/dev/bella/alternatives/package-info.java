/**
 * {@code bella cost alternatives}: the seed's technology alternatives (Aurora, ECS on EC2, Lambda, CloudFront,
 * DynamoDB, other regions and a pilot-light DR region, streaming speech recognition, smaller or local language
 * models) priced for one environment of the spec with the same usage, schedule and price-table conventions as
 * the estimate, with the risks each carries against the seed's constraints. Offline: reads the spec and the
 * price tables only, makes no AWS call. Called by the cli package only.
 */
package dev.bella.alternatives;
