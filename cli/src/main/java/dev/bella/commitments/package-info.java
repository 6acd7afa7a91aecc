/**
 * {@code bella cost commitments}: what the account's reservations and Savings Plans cover and use, what to buy,
 * and what expires soon.
 *
 * <p>Reads Cost Explorer (us-east-1: ce:GetReservationCoverage, ce:GetReservationUtilization,
 * ce:GetSavingsPlansCoverage, ce:GetSavingsPlansUtilization, ce:GetReservationPurchaseRecommendation,
 * ce:GetSavingsPlansPurchaseRecommendation), RDS (rds:DescribeReservedDBInstances), ElastiCache
 * (elasticache:DescribeReservedCacheNodes) and Savings Plans (savingsplans:DescribeSavingsPlans), all through
 * {@link dev.bella.aws.AwsClients}; prices what a lapse would cost from the spec's price table. Changes nothing in
 * AWS; {@code --apply} edits only the spec's {@code commitments}. Called by the cli package only.
 */
package dev.bella.commitments;
