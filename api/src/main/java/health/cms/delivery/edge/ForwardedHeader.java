package health.cms.delivery.edge;

import java.util.Locale;

/** The header in which the trusted proxies in front of the api append the address they received a request from. */
public enum ForwardedHeader {

    /** {@code X-Forwarded-For: client, proxy1}: what most load balancers and CDNs write. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** RFC 7239's {@code Forwarded: for=client, for="[2001:db8::1]:443"}. */
    FORWARDED("Forwarded");

    private final String headerName;

    ForwardedHeader(String headerName) {
        this.headerName = headerName;
    }

    public String headerName() {
        return headerName;
    }

    /** The address text of one hop of this header ({@code element} is what lies between two commas). */
    String hop(String element) {
        String hop = element.strip();
        if (this == X_FORWARDED_FOR) {
            return hop;
        }
        for (String pair : hop.split(";", 8)) {
            String parameter = pair.strip();
            if (parameter.length() > 4 && parameter.substring(0, 4).toLowerCase(Locale.ROOT).equals("for=")) {
                String value = parameter.substring(4).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return "";
    }
}
