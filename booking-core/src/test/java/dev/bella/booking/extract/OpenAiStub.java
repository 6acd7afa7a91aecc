package dev.bella.booking.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** OpenAI Chat Completions answers in the real wire shape (as api.openai.com sends them for gpt-4o-mini). */
public final class OpenAiStub {
    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStub() {}

    public static MappingBuilder chat() {
        return post(urlEqualTo(PATH));
    }

    /** A structured-output completion whose message content is {@code contentJson} (a JSON string, sent verbatim). */
    public static ResponseDefinitionBuilder completion(String contentJson, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-CY1b2dHkq3e8ZyExAmPlE");
        root.put("object", "chat.completion");
        root.put("created", 1764093600L);
        root.put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        msg.put("content", contentJson);
        msg.putNull("refusal");
        msg.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        root.put("service_tier", "default");
        root.put("system_fingerprint", "fp_560af6e559");
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("openai-processing-ms", "412").withHeader("x-request-id", "req_4f0c1e0b2a")
                .withBody(root.toString());
    }

    /** A 200 whose message is a refusal (content null), as the API sends when the model declines. */
    public static ResponseDefinitionBuilder refusal(int promptTokens, int completionTokens) {
        String body = completion("", promptTokens, completionTokens).build().getBody()
                .replace("\"content\":\"\"", "\"content\":null")
                .replace("\"refusal\":null", "\"refusal\":\"I can't help with that.\"");
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static String answer(String name, String phone, String date, String time, double conf) {
        ObjectNode a = JSON.createObjectNode();
        a.put("name", name == null ? "" : name);
        a.put("phone", phone == null ? "" : phone);
        a.put("date", date == null ? "" : date);
        a.put("time", time == null ? "" : time);
        a.put("nameConfidence", conf);
        a.put("phoneConfidence", conf);
        a.put("dateConfidence", conf);
        a.put("timeConfidence", conf);
        return a.toString();
    }

    public static ResponseDefinitionBuilder rateLimited() {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("retry-after", "20").withHeader("x-ratelimit-limit-requests", "500")
                .withHeader("x-ratelimit-remaining-requests", "0").withHeader("x-ratelimit-reset-requests", "20s")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini in organization org-test on "
                        + "requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 20s.\","
                        + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
    }

    public static ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about that!\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    public static String baseUrl(WireMockServer server) {
        return server.baseUrl() + "/v1";
    }
}
