package dev.bella.alternatives;

import static dev.bella.alternatives.Risk.Constraint.AVAILABILITY;
import static dev.bella.alternatives.Risk.Constraint.CALL_QUALITY;
import static dev.bella.alternatives.Risk.Constraint.VOICE_RESPONSE;

import dev.bella.report.Category;
import dev.bella.report.LineItem;
import dev.bella.spec.Ingress;
import dev.bella.spec.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ALB against the API Gateway HTTP API (both in the spec) and CloudFront in front of a Lambda function URL. */
final class IngressArea {

    static final String CLOUDFRONT = "cloudfront-lambda-url";
    /** The ACM certificate an HTTPS listener needs; the engineer puts the real one in its place. */
    static final String CERTIFICATE_PLACEHOLDER = "arn:aws:acm:%s:000000000000:certificate/replace-with-yours";

    private IngressArea() {
    }

    static List<Option> options(Context ctx) {
        boolean alb = ctx.env().ingress() == Ingress.ALB;
        List<Option> out = new ArrayList<>();
        out.add(ctx.current(Area.INGRESS, alb ? "alb" : "http-api", alb ? "Application Load Balancer"
                : "API Gateway HTTP API + VPC link + Cloud Map", List.of(), List.of()));
        if (alb) {
            // the certificate and the domain belong to the load balancer: an HTTP API with them does not load
            SpecChange toApi = ctx.envChange("ingress", "http-api");
            if (ctx.env().certificateArn().isPresent()) {
                toApi = toApi.with(ctx.envChange("certificate-arn", "null"));
            }
            if (ctx.env().publicUrl().isPresent()) {
                toApi = toApi.with(ctx.envChange("public-url", "null"));
            }
            ctx.edited(Area.INGRESS, "http-api", "API Gateway HTTP API + VPC link + Cloud Map", toApi,
                    List.of(Risk.low(VOICE_RESPONSE, "adds a few milliseconds; 30 s integration timeout is far above 3 s"),
                            Risk.low(AVAILABILITY, "regional, managed across AZs")), List.of()).ifPresent(out::add);
        } else {
            // a protected ALB must listen on HTTPS: the spec needs the certificate's ARN (a placeholder to replace)
            SpecChange toAlb = ctx.envChange("ingress", "alb");
            if (ctx.env().protectedEnv()) {
                toAlb = toAlb.with(new SpecChange(ctx.envChange("certificate-arn", "").path(), CERTIFICATE_PLACEHOLDER
                        .formatted(ctx.spec().region()), Optional.of("ingress"), List.of()));
            }
            ctx.edited(Area.INGRESS, "alb", "Application Load Balancer", toAlb,
                    List.of(Risk.low(AVAILABILITY, "one node per AZ, managed")),
                    List.of("needs a certificate ARN for its HTTPS listener")).ifPresent(out::add);
        }
        out.add(cloudFront(ctx));
        return out;
    }

    /**
     * CloudFront in front of a Lambda function URL: the function replaces the tasks (compute), CloudFront
     * the load balancer or API, and the data out leaves through CloudFront (origin fetches from AWS are free).
     */
    private static Option cloudFront(Context ctx) {
        Service s = ctx.env().service();
        BigDecimal gb = BigDecimal.valueOf(s.memory()).divide(BigDecimal.valueOf(1024), Context.MC);
        BigDecimal dataOut = ctx.env().usage().dataOutGbPerMonth().multiply(ctx.monthShare());
        List<LineItem> networking = new ArrayList<>(Formulas.cloudFront(ctx.prices(), ctx.requests(), dataOut));
        if (ctx.env().network().natGateways() == 0) {
            networking.addAll(Formulas.nat(ctx.prices(), ctx.periodHours(), dataOut));
        }
        networking.addAll(ctx.lines(Category.NETWORKING).stream().filter(l -> l.id().startsWith("nat-")).toList());
        List<LineItem> storage = ctx.lines(Category.STORAGE_AND_LOGS).stream()
                .filter(l -> !l.id().equals("data-transfer-out")).toList();
        return ctx.option(Area.INGRESS, CLOUDFRONT, "CloudFront + Lambda function URL",
                ctx.replace(Map.of(Category.NETWORKING, networking, Category.STORAGE_AND_LOGS, storage,
                        Category.COMPUTE, Formulas.lambda(ctx.prices(), s.architecture().id(), ctx.requests(),
                                ctx.assumptions().lambdaSecondsPerRequest(), gb))),
                List.of(Risk.medium(VOICE_RESPONSE, "Java cold starts on most turns at this volume (SnapStart helps), "
                                + "plus the edge hop"),
                        Risk.medium(CALL_QUALITY, "Twilio signs the public URL: the function must validate against "
                                + "CloudFront's host, or every webhook is refused (403) and calls fail"),
                        Risk.low(AVAILABILITY, "CloudFront and Lambda are multi-AZ")),
                Optional.empty(), List.of("Lambda replaces the tasks (compute), CloudFront the load balancer or API", "a function in the VPC needs a NAT gateway to reach OpenAI and Twilio",
                        "the spec cannot express CloudFront or Lambda yet"));
    }
}
