package dev.bella.spend;

import java.util.Map;

/**
 * Who reads Twilio's usage records: the account ({@code AC…}, in every request's path) and the Basic credentials,
 * either the account's auth token or a standard API key ({@code SK…} with its secret), the form Twilio recommends
 * for tools. From the environment, under the names Twilio's own tools use.
 */
public record TwilioCredentials(String accountSid, String username, String password) {

    static final String ACCOUNT = "TWILIO_ACCOUNT_SID";
    static final String TOKEN = "TWILIO_AUTH_TOKEN";
    static final String KEY = "TWILIO_API_KEY";
    static final String SECRET = "TWILIO_API_SECRET";

    /** An API key when TWILIO_API_KEY is set, else the auth token; a missing or misplaced value is a usage error (exit 2). */
    public static TwilioCredentials fromEnv(Map<String, String> env) {
        String account = value(env, ACCOUNT);
        String key = value(env, KEY);
        if (account == null) {
            throw new SpendException("--twilio needs " + ACCOUNT + " (AC…) with " + TOKEN + ", or with an API key in "
                    + KEY + " (SK…) and " + SECRET);
        }
        if (account.startsWith("SK")) {
            throw new SpendException(ACCOUNT + " holds an API key SID (SK…): put it in " + KEY + " with its secret in "
                    + SECRET + ", and the account SID (AC…) in " + ACCOUNT);
        }
        if (!account.startsWith("AC")) {
            throw new SpendException(ACCOUNT + " must be the account SID, starting with AC, got '" + abbreviate(account) + "'");
        }
        if (key != null) {
            if (!key.startsWith("SK")) {
                throw new SpendException(KEY + " must be an API key SID, starting with SK, got '" + abbreviate(key) + "'");
            }
            String secret = value(env, SECRET);
            if (secret == null) {
                throw new SpendException(KEY + " is set but " + SECRET + " is not: give the key's secret");
            }
            return new TwilioCredentials(account, key, secret);
        }
        String token = value(env, TOKEN);
        if (token == null) {
            throw new SpendException("--twilio needs " + TOKEN + " with " + ACCOUNT + ", or an API key in " + KEY
                    + " (SK…) and " + SECRET);
        }
        return new TwilioCredentials(account, account, token);
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Enough of a SID to recognise it; never a whole secret. */
    private static String abbreviate(String s) {
        return s.length() <= 6 ? s : s.substring(0, 6) + "…";
    }

    @Override
    public String toString() {
        return "TwilioCredentials[account=" + accountSid + ", user=" + username + ", password=***]";
    }
}
