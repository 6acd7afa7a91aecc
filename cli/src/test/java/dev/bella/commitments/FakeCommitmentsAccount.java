package dev.bella.commitments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.LocalDate;

/**
 * An AWS account's commitments on a WireMock server, in the wire shapes the SDK clients use: Cost Explorer JSON 1.1
 * ({@code POST /}, {@code X-Amz-Target: AWSInsightsIndexService.<Operation>}), RDS and ElastiCache query protocol
 * (form-encoded {@code Action=...} in, XML out, {@code Marker} pagination), and Savings Plans REST-JSON
 * ({@code POST /DescribeSavingsPlans}, camel-case members, {@code nextToken}).
 *
 * <p>The hand-checked account ({@link #stubHandCheckedAccount}), today 2026-12-06 with a 30-day lookback:
 * <ul>
 *   <li>RDS coverage over two pages: db.t4g.micro 720 reserved of 720 running hours, db.t4g.small 0 of 240, so
 *       RDS is 720/960 = 75.0%; ElastiCache cache.t4g.micro 100 of 400 = 25.0%. Reserved coverage over both is
 *       (720 + 100) / (960 + 400) = 820/1360 = 60.3% (the average of the two percentages would be 50%).</li>
 *   <li>RDS utilization 700 used of 720 purchased hours = 97.2%; Savings Plans 7.20 used of 7.30 committed, net
 *       savings 3.00.</li>
 *   <li>Recommendations: 1 x db.t4g.small partial upfront, upfront 60, 10/month, on-demand 25/month, saves
 *       5/month: pays back in month 60 / (5 + 60/12) = 6. A Compute Savings Plan of 0.01/hour, no upfront, saves
 *       2.19/month: month 1.</li>
 *   <li>Held: ri-expiring (db.t4g.micro, ends 2026-12-20, 14 days, 0.013/h against 0.018 on demand: a lapse costs
 *       0.005 x 730 = 3.65/month), ri-old on page 2 (db.t4g.small, retired 2026-11-20, inside the lookback,
 *       0.025/h against 0.036: 8.03/month), ri-later (db.t4g.medium, ends 2027-06-01, not listed); a cache node
 *       ending 2027-10-01 (not listed); Savings Plan sp-1 ending 2027-01-05 (30 days), the only plan, so its lapse
 *       is all of the plans' 3.00 net savings per 30 days.</li>
 * </ul>
 */
public final class FakeCommitmentsAccount {

    public static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final String CE = "AWSInsightsIndexService.";
    static final String RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/";
    static final String CACHE_NS = "http://elasticache.amazonaws.com/doc/2015-02-02/";

    private final WireMockServer aws;

    public FakeCommitmentsAccount(WireMockServer aws) {
        this.aws = aws;
    }

    static MappingBuilder ce(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CE + operation))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"));
    }

    static MappingBuilder query(String action) {
        return post(urlEqualTo("/")).withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("Action=" + action));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static ResponseDefinitionBuilder ceError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}");
    }

    static String coverageGroup(String type, String reserved, String total) {
        return "{\"Attributes\":{\"instanceType\":\"" + type + "\"},\"Coverage\":{\"CoverageHours\":{\"OnDemandHours\":\""
                + "0\",\"ReservedHours\":\"" + reserved + "\",\"TotalRunningHours\":\"" + total
                + "\",\"CoverageHoursPercentage\":\"0\"},\"CoverageCost\":{\"OnDemandCost\":\"0\"}}}";
    }

    static String coverage(String nextToken, String... groups) {
        return "{\"CoveragesByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-06\",\"End\":\"2026-12-06\"},\"Groups\":["
                + String.join(",", groups) + "],\"Total\":{}}],\"Total\":{}"
                + (nextToken == null ? "" : ",\"NextPageToken\":\"" + nextToken + "\"") + "}";
    }

    static String utilization(String purchased, String used, String saved) {
        return "{\"UtilizationsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-06\",\"End\":\"2026-12-06\"},\"Groups\":[],"
                + "\"Total\":{\"UtilizationPercentage\":\"0\",\"PurchasedHours\":\"" + purchased + "\",\"TotalActualHours\":\""
                + used + "\",\"UnusedHours\":\"0\",\"NetRISavings\":\"" + saved + "\"}}],\"Total\":{}}";
    }

    static String reservedDbInstance(String id, String type, String start, String state, String recurring) {
        return "<ReservedDBInstance><ReservedDBInstanceId>" + id + "</ReservedDBInstanceId><DBInstanceClass>" + type
                + "</DBInstanceClass><StartTime>" + start + "</StartTime><Duration>31536000</Duration><FixedPrice>0.0"
                + "</FixedPrice><UsagePrice>0.0</UsagePrice><CurrencyCode>USD</CurrencyCode><DBInstanceCount>1"
                + "</DBInstanceCount><ProductDescription>postgresql</ProductDescription><OfferingType>No Upfront"
                + "</OfferingType><MultiAZ>false</MultiAZ><State>" + state + "</State><RecurringCharges><RecurringCharge>"
                + "<RecurringChargeAmount>" + recurring + "</RecurringChargeAmount><RecurringChargeFrequency>Hourly"
                + "</RecurringChargeFrequency></RecurringCharge></RecurringCharges></ReservedDBInstance>";
    }

    static String reservedDbInstances(String marker, String... instances) {
        return "<DescribeReservedDBInstancesResponse xmlns=\"" + RDS_NS + "\"><DescribeReservedDBInstancesResult>"
                + (marker == null ? "" : "<Marker>" + marker + "</Marker>") + "<ReservedDBInstances>"
                + String.join("", instances) + "</ReservedDBInstances></DescribeReservedDBInstancesResult>"
                + "<ResponseMetadata><RequestId>req-rds</RequestId></ResponseMetadata></DescribeReservedDBInstancesResponse>";
    }

    static String reservedCacheNodes(String... nodes) {
        return "<DescribeReservedCacheNodesResponse xmlns=\"" + CACHE_NS + "\"><DescribeReservedCacheNodesResult>"
                + "<ReservedCacheNodes>" + String.join("", nodes) + "</ReservedCacheNodes></DescribeReservedCacheNodesResult>"
                + "<ResponseMetadata><RequestId>req-ec</RequestId></ResponseMetadata></DescribeReservedCacheNodesResponse>";
    }

    static String savingsPlans(String... plans) {
        return "{\"savingsPlans\":[" + String.join(",", plans) + "]}";
    }

    /** The hand-checked account above; dates are fixed, so queries must use {@link #TODAY}. */
    public void stubHandCheckedAccount() {
        stubCoverageAndUtilization();
        stubRecommendations();
        stubHeld();
    }

    void stubCoverageAndUtilization() {
        aws.stubFor(ce("GetReservationCoverage").withRequestBody(containing("Amazon Relational Database Service"))
                .willReturn(json(coverage("page-2", coverageGroup("db.t4g.micro", "720", "720")))));
        aws.stubFor(ce("GetReservationCoverage").withRequestBody(containing("Amazon Relational Database Service"))
                .withRequestBody(containing("\"NextPageToken\":\"page-2\""))
                .willReturn(json(coverage(null, coverageGroup("db.t4g.small", "0", "240")))));
        aws.stubFor(ce("GetReservationCoverage").withRequestBody(containing("Amazon ElastiCache"))
                .willReturn(json(coverage(null, coverageGroup("cache.t4g.micro", "100", "400")))));
        aws.stubFor(ce("GetReservationUtilization").withRequestBody(containing("Amazon Relational Database Service"))
                .willReturn(json(utilization("720", "700", "4.10"))));
        aws.stubFor(ce("GetReservationUtilization").withRequestBody(containing("Amazon ElastiCache"))
                .willReturn(ceError(400, "DataUnavailableException", "No reservations found")));
        aws.stubFor(ce("GetSavingsPlansCoverage").willReturn(json("{\"SavingsPlansCoverages\":[{\"Attributes\":{},"
                + "\"Coverage\":{\"SpendCoveredBySavingsPlans\":\"10\",\"OnDemandCost\":\"30\",\"TotalCost\":\"40\","
                + "\"CoveragePercentage\":\"25\"},\"TimePeriod\":{\"Start\":\"2026-11-06\",\"End\":\"2026-12-06\"}}]}")));
        aws.stubFor(ce("GetSavingsPlansUtilization").willReturn(json("{\"SavingsPlansUtilizationsByTime\":[],\"Total\":{"
                + "\"Utilization\":{\"TotalCommitment\":\"7.30\",\"UsedCommitment\":\"7.20\",\"UnusedCommitment\":\"0.10\","
                + "\"UtilizationPercentage\":\"98.6\"},\"Savings\":{\"NetSavings\":\"3.00\",\"OnDemandCostEquivalent\":\"10.20\"},"
                + "\"AmortizedCommitment\":{\"TotalAmortizedCommitment\":\"7.30\"}}}")));
    }

    void stubRecommendations() {
        aws.stubFor(ce("GetReservationPurchaseRecommendation").withRequestBody(containing("Amazon Relational Database Service"))
                .willReturn(json("{\"Metadata\":{\"RecommendationId\":\"r-1\"},\"Recommendations\":[{\"AccountScope\":\"PAYER\","
                        + "\"LookbackPeriodInDays\":\"THIRTY_DAYS\",\"TermInYears\":\"ONE_YEAR\",\"PaymentOption\":\"PARTIAL_UPFRONT\","
                        + "\"RecommendationDetails\":[{\"AccountId\":\"123456789012\",\"InstanceDetails\":{\"RDSInstanceDetails\":{"
                        + "\"Family\":\"db.t4g\",\"InstanceType\":\"db.t4g.small\",\"Region\":\"Canada (Central)\","
                        + "\"DatabaseEngine\":\"PostgreSQL\",\"DeploymentOption\":\"Single-AZ\",\"LicenseModel\":\"No license required\","
                        + "\"CurrentGeneration\":true,\"SizeFlexEligible\":true}},\"RecommendedNumberOfInstancesToPurchase\":\"1\","
                        + "\"UpfrontCost\":\"60\",\"RecurringStandardMonthlyCost\":\"10\",\"EstimatedMonthlyOnDemandCost\":\"25\","
                        + "\"EstimatedMonthlySavingsAmount\":\"5\",\"EstimatedBreakEvenInMonths\":\"6\",\"CurrencyCode\":\"USD\"}]}]}")));
        aws.stubFor(ce("GetReservationPurchaseRecommendation").withRequestBody(containing("Amazon ElastiCache"))
                .willReturn(json("{\"Metadata\":{\"RecommendationId\":\"r-2\"},\"Recommendations\":[]}")));
        aws.stubFor(ce("GetSavingsPlansPurchaseRecommendation").willReturn(json("{\"Metadata\":{\"RecommendationId\":\"r-3\"},"
                + "\"SavingsPlansPurchaseRecommendation\":{\"AccountScope\":\"PAYER\",\"SavingsPlansType\":\"COMPUTE_SP\","
                + "\"TermInYears\":\"ONE_YEAR\",\"PaymentOption\":\"NO_UPFRONT\",\"LookbackPeriodInDays\":\"THIRTY_DAYS\","
                + "\"SavingsPlansPurchaseRecommendationDetails\":[{\"SavingsPlansDetails\":{\"Region\":\"Any\","
                + "\"OfferingId\":\"o-1\"},\"AccountId\":\"123456789012\",\"UpfrontCost\":\"0\",\"HourlyCommitmentToPurchase\":"
                + "\"0.01\",\"EstimatedMonthlySavingsAmount\":\"2.19\",\"EstimatedAverageUtilization\":\"100\","
                + "\"CurrencyCode\":\"USD\"}]}}")));
    }

    void stubHeld() {
        aws.stubFor(query("DescribeReservedDBInstances").willReturn(xml(reservedDbInstances("page-2",
                reservedDbInstance("ri-expiring", "db.t4g.micro", "2025-12-20T00:00:00Z", "active", "0.013"),
                reservedDbInstance("ri-later", "db.t4g.medium", "2026-06-01T00:00:00Z", "active", "0.04")))));
        aws.stubFor(query("DescribeReservedDBInstances").withRequestBody(containing("Marker=page-2"))
                .willReturn(xml(reservedDbInstances(null,
                        reservedDbInstance("ri-old", "db.t4g.small", "2025-11-20T00:00:00Z", "retired", "0.025")))));
        aws.stubFor(query("DescribeReservedCacheNodes").willReturn(xml(reservedCacheNodes("<ReservedCacheNode>"
                + "<ReservedCacheNodeId>rn-1</ReservedCacheNodeId><CacheNodeType>cache.t4g.micro</CacheNodeType><StartTime>"
                + "2026-10-01T00:00:00Z</StartTime><Duration>31536000</Duration><FixedPrice>0.0</FixedPrice><UsagePrice>0.0"
                + "</UsagePrice><CacheNodeCount>1</CacheNodeCount><ProductDescription>redis</ProductDescription><OfferingType>"
                + "No Upfront</OfferingType><State>active</State><RecurringCharges><RecurringCharge><RecurringChargeAmount>"
                + "0.0126</RecurringChargeAmount><RecurringChargeFrequency>Hourly</RecurringChargeFrequency></RecurringCharge>"
                + "</RecurringCharges></ReservedCacheNode>"))));
        aws.stubFor(post(urlEqualTo("/DescribeSavingsPlans")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(savingsPlans("{\"savingsPlanId\":\"sp-1\","
                        + "\"savingsPlanArn\":\"arn:aws:savingsplans::123456789012:savingsplan/sp-1\",\"start\":"
                        + "\"2026-01-05T00:00:00.000Z\",\"end\":\"2027-01-05T00:00:00.000Z\",\"state\":\"active\",\"savingsPlanType\":"
                        + "\"Compute\",\"paymentOption\":\"No Upfront\",\"currency\":\"USD\",\"commitment\":\"0.01\","
                        + "\"upfrontPaymentAmount\":\"0\",\"recurringPaymentAmount\":\"0.01\",\"termDurationInSeconds\":31536000}"))));
    }

    /** An account with reservable usage but no commitment at all, and nothing Cost Explorer would buy. */
    public void stubAccountWithoutCommitments() {
        aws.stubFor(ce("GetReservationCoverage").willReturn(json(coverage(null, coverageGroup("db.t4g.micro", "0", "720")))));
        aws.stubFor(ce("GetReservationUtilization").willReturn(ceError(400, "DataUnavailableException", "No reservations found")));
        aws.stubFor(ce("GetSavingsPlansCoverage").willReturn(json("{\"SavingsPlansCoverages\":[]}")));
        aws.stubFor(ce("GetSavingsPlansUtilization").willReturn(ceError(400, "DataUnavailableException", "No Savings Plans found")));
        aws.stubFor(ce("GetReservationPurchaseRecommendation").willReturn(json("{\"Metadata\":{},\"Recommendations\":[]}")));
        aws.stubFor(ce("GetSavingsPlansPurchaseRecommendation").willReturn(json("{\"Metadata\":{},"
                + "\"SavingsPlansPurchaseRecommendation\":{\"SavingsPlansPurchaseRecommendationDetails\":[]}}")));
        aws.stubFor(query("DescribeReservedDBInstances").willReturn(xml(reservedDbInstances(null))));
        aws.stubFor(query("DescribeReservedCacheNodes").willReturn(xml(reservedCacheNodes())));
        aws.stubFor(post(urlEqualTo("/DescribeSavingsPlans")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(savingsPlans())));
    }

    /** Cost Explorer throttles the first coverage call, then answers. */
    public void throttleFirstCoverageCall() {
        aws.stubFor(ce("GetReservationCoverage").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ceError(400, "LimitExceededException", "Rate exceeded")).willSetStateTo("answered")
                .atPriority(1));
    }

    /** Cost Explorer refuses the caller the coverage call. */
    public void denyReservationCoverage() {
        aws.stubFor(ce("GetReservationCoverage").atPriority(1).willReturn(ceError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ce:GetReservationCoverage")));
    }

    /** RDS refuses the caller its reservations, in the query protocol's XML error shape. */
    public void denyReservedDbInstances() {
        aws.stubFor(query("DescribeReservedDBInstances").atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/xml").withBody("<ErrorResponse xmlns=\"" + RDS_NS + "\"><Error><Type>Sender"
                        + "</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ci is not authorized"
                        + "</Message></Error><RequestId>req-denied</RequestId></ErrorResponse>")));
    }
}
